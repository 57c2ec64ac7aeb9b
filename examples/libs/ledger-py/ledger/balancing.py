"""The double-entry rule: every entry's debits equal its credits."""

import datetime as dt
from decimal import Decimal
from typing import Dict, List, Optional

from .journal import Journal, JournalEntry


class UnbalancedEntryError(ValueError):
    def __init__(self, entry: JournalEntry, difference: Decimal) -> None:
        super().__init__(
            "entry %r does not balance: debits - credits = %s" % (entry.description, difference)
        )
        self.entry = entry
        self.difference = difference


def check_balanced(entry: JournalEntry) -> None:
    """Raises UnbalancedEntryError unless the entry has two or more postings that balance."""
    if len(entry.postings) < 2:
        raise UnbalancedEntryError(entry, entry.total_debits() - entry.total_credits())
    for posting in entry.postings:
        if posting.debit < 0 or posting.credit < 0:
            raise ValueError("negative amount on %s in %r" % (posting.account, entry.description))
        if posting.debit and posting.credit:
            raise ValueError("posting on %s has both a debit and a credit" % posting.account)
    difference = entry.total_debits() - entry.total_credits()
    if difference != 0:
        raise UnbalancedEntryError(entry, difference)


def account_balance(journal: Journal, account: str, as_of: Optional[dt.date] = None) -> Decimal:
    """Balance of an account on its normal side (a positive asset, a positive liability)."""
    net = sum((posting.net for _, posting in journal.postings_for(account, as_of)), Decimal(0))
    if journal.chart.get(account).type.normal_side == "credit":
        net = -net
    return net


def running_balance(journal, account):
    balance = Decimal(0)
    rows = []
    for entry, posting in journal.postings_for(account):
        balance += posting.net
        rows.append((entry.date, entry.description, posting.net, balance))
    return rows


def balances(journal: Journal, as_of: Optional[dt.date] = None) -> Dict[str, Decimal]:
    return {account.code: account_balance(journal, account.code, as_of) for account in journal.chart}


def unbalanced(entries: List[JournalEntry]) -> List[JournalEntry]:
    bad = []
    for entry in entries:
        try:
            check_balanced(entry)
        except (UnbalancedEntryError, ValueError):
            bad.append(entry)
    return bad
