"""Trial balance: every account's debit or credit balance, and the two totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, List, Optional

from ..amounts import format_amount

if TYPE_CHECKING:
    from ..journal import Journal


@dataclass(frozen=True)
class TrialBalanceRow:
    code: str
    name: str
    debit: Decimal
    credit: Decimal


@dataclass(frozen=True)
class TrialBalance:
    as_of: Optional[dt.date]
    rows: List[TrialBalanceRow]

    @property
    def total_debit(self) -> Decimal:
        return sum((r.debit for r in self.rows), Decimal(0))

    @property
    def total_credit(self) -> Decimal:
        return sum((r.credit for r in self.rows), Decimal(0))

    @property
    def balanced(self) -> bool:
        return self.total_debit == self.total_credit


def trial_balance(journal: Journal, as_of: Optional[dt.date] = None, include_zero: bool = False) -> TrialBalance:
    """Builds the trial balance of `journal` on `as_of` (inclusive; everything when None)."""
    rows = []
    for account in journal.chart:
        net = sum((p.net for _, p in journal.postings_for(account.code, as_of)), Decimal(0))
        if net == 0 and not include_zero:
            continue
        debit, credit = (net, Decimal(0)) if net >= 0 else (Decimal(0), -net)
        rows.append(TrialBalanceRow(account.code, account.name, debit, credit))
    return TrialBalance(as_of=as_of, rows=rows)


def render_text(tb, width=72):
    amount_width = 15
    name_width = width - 8 - 2 * amount_width
    title = "Trial balance" + (" as of %s" % tb.as_of.isoformat() if tb.as_of else "")
    lines = [title, "=" * width]
    lines.append("%-6s  %-*s%*s%*s" % ("Code", name_width, "Account", amount_width, "Debit", amount_width, "Credit"))
    lines.append("-" * width)
    for row in tb.rows:
        debit = format_amount(row.debit, amount_width) if row.debit else " " * amount_width
        credit = format_amount(row.credit, amount_width) if row.credit else " " * amount_width
        lines.append("%-6s  %-*s%s%s" % (row.code, name_width, row.name[:name_width], debit, credit))
    lines.append("-" * width)
    lines.append("%-6s  %-*s%s%s" % ("", name_width, "Total", format_amount(tb.total_debit, amount_width),
                                     format_amount(tb.total_credit, amount_width)))
    if not tb.balanced:
        lines.append("!! out of balance by %s" % (tb.total_debit - tb.total_credit))
    return "\n".join(lines)
