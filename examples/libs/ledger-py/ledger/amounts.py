"""Decimal helpers. Amounts are never floats in the ledger."""

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Union

Number = Union[Decimal, int, str]

CENT = Decimal("0.01")


def to_amount(value: Number) -> Decimal:
    """Converts user input to a Decimal, rejecting floats (they are inexact)."""
    if isinstance(value, float):
        raise TypeError("use str or Decimal for amounts, not float: %r" % value)
    if isinstance(value, str):
        value = value.strip().replace(",", "").replace("_", "")
        if value.startswith("(") and value.endswith(")"):
            value = "-" + value[1:-1]
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise ValueError("not an amount: %r" % value) from None
    if not amount.is_finite():
        raise ValueError("amount must be finite: %r" % value)
    return amount


def quantize(value, places=2):
    exponent = Decimal(1).scaleb(-places)
    return to_amount(value).quantize(exponent, rounding=ROUND_HALF_EVEN)


def format_amount(value: Decimal, width: int = 0) -> str:
    """Right-aligned, grouped, two decimals; negatives in parentheses."""
    text = "{:,.2f}".format(abs(value))
    if value < 0:
        text = "(%s)" % text
    else:
        text = text + " "
    return text.rjust(width)


def is_zero(value):
    return quantize(value) == 0
