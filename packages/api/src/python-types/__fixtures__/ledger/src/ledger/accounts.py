"""Accounts and the ledger that holds them."""

import abc
from decimal import Decimal
from typing import Iterator, Optional, overload


class Account:
    """One account of the chart."""

    def __init__(self, code: str, name: str, balance: Decimal = Decimal(0)):
        self.code = code
        self.name = name
        self.balance = balance

    def __repr__(self):
        return f"Account({self.code!r}, {self.name!r})"

    def __str__(self):
        return f"{self.code} {self.name}"

    def __len__(self):
        return len(self.name)

    def credit(self, amount: Decimal):
        self.balance += amount

    def debit(self, amount: Decimal):
        if amount < 0:
            raise ValueError("negative debit")
        self.balance -= amount

    def rename(self, name):
        self.name = name

    @property
    def label(self) -> str:
        return f"{self.code}: {self.name}"

    @label.setter
    def label(self, value: str):
        self.code, self.name = value.split(": ", 1)


class Exporter(abc.ABC):
    """Writes a ledger somewhere."""

    @abc.abstractmethod
    def write(self, ledger: "Ledger"):
        ...

    def on_start(self):
        pass

    def close(self):
        raise NotImplementedError


class Ledger:
    """The accounts, and the postings between them."""

    def __init__(self):
        self.accounts = {}

    def add(self, account: Account):
        self.accounts[account.code] = account

    @overload
    def get(self, code: str) -> Account: ...
    @overload
    def get(self, code: str, default: None) -> Optional[Account]: ...
    def get(self, code, default=None):
        return self.accounts.get(code, default)

    def __iter__(self) -> Iterator[Account]:
        yield from self.accounts.values()

    def post(self, debit: str, credit: str, amount: Decimal) -> None:
        self.accounts[debit].debit(amount)
        self.accounts[credit].credit(amount)

    def total(self) -> Decimal:
        return sum((a.balance for a in self), Decimal(0))


def open_ledger(*accounts: Account):
    ledger = Ledger()
    for account in accounts:
        ledger.add(account)
    return ledger


def reset(ledger: Ledger):
    for account in ledger:
        account.balance = Decimal(0)
