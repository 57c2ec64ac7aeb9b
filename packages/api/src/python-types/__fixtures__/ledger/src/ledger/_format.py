"""Amount formatting (private module; format_amount is re-exported)."""

from decimal import Decimal


def format_amount(amount, currency: str = "EUR"):
    """Format an amount for display."""
    return f"{Decimal(amount):.2f} {currency}"


def _pad(text, width):
    return text.rjust(width)


def column_width(rows):
    # not re-exported: private
    return max(len(r) for r in rows)
