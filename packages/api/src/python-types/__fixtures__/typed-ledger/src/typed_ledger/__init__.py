"""A fully annotated ledger."""

from ._core import Balance, balance_of

__all__ = ["Balance", "balance_of"]
