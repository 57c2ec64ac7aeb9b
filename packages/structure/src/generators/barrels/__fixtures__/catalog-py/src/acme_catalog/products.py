"""Products of the catalog."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List

DEFAULT_UNIT = "g"


@dataclass
class Product:
    sku: str
    name: str
    tags: List[str] = field(default_factory=list)


def make_product(sku: str, name: str) -> Product:
    return Product(_slug(sku), name)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
