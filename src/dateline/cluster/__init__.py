"""Stage ``cluster``: online grouping of analysed articles into events, and events into stories."""

from dateline.cluster.index import ClusterIndex
from dateline.cluster.online import Evidence, OnlineClusterer, Placement

__all__ = ["ClusterIndex", "Evidence", "OnlineClusterer", "Placement"]
