"""Stage `compare`, first half: atomic claims of one analysed article (participants and their
roles, places, dates, numbers, speech, statements as concept bags), each traced by offsets."""

from dateline.claims.extract import extract_claims
from dateline.claims.records import CLAIM_KINDS, Claim
from dateline.claims.version import claims_version

__all__ = ["CLAIM_KINDS", "Claim", "claims_version", "extract_claims"]
