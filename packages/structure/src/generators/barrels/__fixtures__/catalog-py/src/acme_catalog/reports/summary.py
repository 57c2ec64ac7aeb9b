"""Catalog summaries."""
from dataclasses import dataclass

from ..products import Product


@dataclass
class Summary:
    count: int


def summarize(products: "list[Product]") -> Summary:
    return Summary(len(products))
