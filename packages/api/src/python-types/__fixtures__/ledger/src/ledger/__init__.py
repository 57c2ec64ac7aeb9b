"""Double-entry bookkeeping."""

from ._format import format_amount
from .accounts import Account, Ledger, open_ledger

__all__ = ["Account", "Ledger", "format_amount", "open_ledger"]
