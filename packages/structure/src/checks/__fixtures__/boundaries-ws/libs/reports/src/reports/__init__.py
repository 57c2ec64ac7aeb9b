"""Reports over the ledger."""
from ledger import Journal, post
from ledger._engine import run
from ledger.journal import _cache, rebuild_index
import ledger.journal

__all__ = ["summary"]


def summary(journal: Journal) -> str:
    return str(post(run(rebuild_index(journal))) or _cache or ledger.journal)
