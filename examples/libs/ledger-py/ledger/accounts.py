"""Chart of accounts: account types, their normal side, and the account tree."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Dict, Iterator, List, Optional


class AccountType(Enum):
    ASSET = "asset"
    LIABILITY = "liability"
    EQUITY = "equity"
    INCOME = "income"
    EXPENSE = "expense"

    @property
    def normal_side(self) -> str:
        """The side ("debit" or "credit") on which the account grows."""
        if self in (AccountType.ASSET, AccountType.EXPENSE):
            return "debit"
        return "credit"


# Account codes follow the usual numbering: 1xxx assets, 2xxx liabilities, ...
CODE_PATTERN = re.compile(r"^[1-9]\d{3}(?:\.\d{1,3})?$")
TYPE_BY_FIRST_DIGIT = {
    "1": AccountType.ASSET,
    "2": AccountType.LIABILITY,
    "3": AccountType.EQUITY,
    "4": AccountType.INCOME,
    "5": AccountType.EXPENSE,
    "6": AccountType.EXPENSE,
}


@dataclass(frozen=True)
class Account:
    code: str
    name: str
    type: AccountType
    parent: Optional[str] = None
    tags: List[str] = field(default_factory=list, compare=False, hash=False)


def guess_type(code):
    if not CODE_PATTERN.match(code):
        raise ValueError("invalid account code: %r" % code)
    try:
        return TYPE_BY_FIRST_DIGIT[code[0]]
    except KeyError:
        raise ValueError("no account type for code %s" % code) from None


class ChartOfAccounts:
    """All the accounts of one ledger, indexed by code."""

    def __init__(self, accounts: Optional[List[Account]] = None) -> None:
        self._accounts: Dict[str, Account] = {}
        for account in accounts or []:
            self.add(account)

    def add(self, account: Account) -> Account:
        if account.code in self._accounts:
            raise ValueError("duplicate account code %s" % account.code)
        if account.parent is not None and account.parent not in self._accounts:
            raise ValueError("parent %s of %s is not in the chart" % (account.parent, account.code))
        self._accounts[account.code] = account
        return account

    def open(self, code: str, name: str, parent: Optional[str] = None) -> Account:
        return self.add(Account(code=code, name=name, type=guess_type(code), parent=parent))

    def get(self, code: str) -> Account:
        try:
            return self._accounts[code]
        except KeyError:
            raise KeyError("unknown account %s" % code) from None

    def children(self, code):
        return [a for a in self._accounts.values() if a.parent == code]

    def __contains__(self, code: object) -> bool:
        return code in self._accounts

    def __iter__(self) -> Iterator[Account]:
        return iter(sorted(self._accounts.values(), key=lambda a: a.code))

    def __len__(self) -> int:
        return len(self._accounts)
