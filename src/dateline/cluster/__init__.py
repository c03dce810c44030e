"""Stage ``cluster``: online grouping of analysed articles into events, and events into stories."""

from dateline.cluster.index import ClusterIndex
from dateline.cluster.online import Cluster, Evidence, OnlineClusterer

__all__ = ["Cluster", "ClusterIndex", "Evidence", "OnlineClusterer"]
