"""Double-entry bookkeeping for the Acme billing toolkit."""

from .accounts import *
from .balancing import UnbalancedEntryError, account_balance, check_balanced
from .journal import Journal, JournalEntry, Posting

__version__ = "0.3.0"
