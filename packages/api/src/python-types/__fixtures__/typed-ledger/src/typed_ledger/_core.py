"""The core types."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Balance:
    """An account's balance."""

    code: str
    cents: int

    def __str__(self) -> str:
        return f"{self.code}: {self.cents / 100:.2f}"

    def plus(self, cents: int) -> "Balance":
        """This balance with cents added."""
        return Balance(self.code, self.cents + cents)


def balance_of(code: str, cents: int = 0) -> Balance:
    """A new balance."""
    return Balance(code, cents)
