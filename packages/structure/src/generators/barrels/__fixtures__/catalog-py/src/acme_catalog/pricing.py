"""Prices and the rules behind them."""
from decimal import Decimal

__all__ = ["PriceRule", "price_of"]


class PriceRule:
    def __init__(self, sku_prefix: str, price: str) -> None:
        self.sku_prefix = sku_prefix
        self.price = Decimal(price)


def price_of(sku: str, rules: list) -> Decimal:
    return next((r.price for r in rules if sku.startswith(r.sku_prefix)), Decimal(0))


def cheapest(rules: list) -> Decimal:
    return min(r.price for r in rules)
