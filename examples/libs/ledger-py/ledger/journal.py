"""Journal entries and the journal they are posted to."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Iterable, Iterator, List, Optional, Tuple

from .amounts import Number, to_amount

if TYPE_CHECKING:
    from .accounts import ChartOfAccounts


@dataclass(frozen=True)
class Posting:
    """One line of an entry: an amount on the debit or the credit side of an account."""

    account: str
    debit: Decimal = Decimal(0)
    credit: Decimal = Decimal(0)
    memo: str = ""

    @classmethod
    def dr(cls, account: str, amount: Number, memo: str = "") -> "Posting":
        return cls(account=account, debit=to_amount(amount), memo=memo)

    @classmethod
    def cr(cls, account: str, amount: Number, memo: str = "") -> "Posting":
        return cls(account=account, credit=to_amount(amount), memo=memo)

    @property
    def net(self) -> Decimal:
        """Debit minus credit: positive for a debit posting."""
        return self.debit - self.credit


_ids = itertools.count(1)


@dataclass
class JournalEntry:
    date: dt.date
    description: str
    postings: List[Posting]
    reference: Optional[str] = None
    id: int = field(default_factory=lambda: next(_ids))

    def accounts(self) -> List[str]:
        return sorted({p.account for p in self.postings})

    def total_debits(self) -> Decimal:
        return sum((p.debit for p in self.postings), Decimal(0))

    def total_credits(self) -> Decimal:
        return sum((p.credit for p in self.postings), Decimal(0))


class Journal:
    """An append-only list of balanced entries, checked against a chart of accounts."""

    def __init__(self, chart: "ChartOfAccounts") -> None:
        self.chart = chart
        self._entries: List[JournalEntry] = []

    def post(self, entry: JournalEntry) -> JournalEntry:
        from .balancing import check_balanced

        unknown = [code for code in entry.accounts() if code not in self.chart]
        if unknown:
            raise KeyError("entry %r uses unknown accounts: %s" % (entry.description, ", ".join(unknown)))
        check_balanced(entry)
        self._entries.append(entry)
        return entry

    def post_all(self, entries: Iterable[JournalEntry]) -> int:
        count = 0
        for entry in entries:
            self.post(entry)
            count += 1
        return count

    def __iter__(self) -> Iterator[JournalEntry]:
        return iter(sorted(self._entries, key=lambda e: (e.date, e.id)))

    def __len__(self) -> int:
        return len(self._entries)

    def between(self, start: dt.date, end: dt.date) -> List[JournalEntry]:
        return [e for e in self if start <= e.date <= end]

    def postings_for(self, account: str, as_of: Optional[dt.date] = None) -> Iterator[Tuple[JournalEntry, Posting]]:
        for entry in self:
            if as_of is not None and entry.date > as_of:
                break
            for posting in entry.postings:
                if posting.account == account:
                    yield entry, posting
