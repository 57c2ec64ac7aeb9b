"""Catalog: products and prices."""
# Registers the built-in units (a side effect: keep it first).
from . import _units  # noqa: F401
from .products import *  # noqa: F403
from .pricing import PriceRule as Rule, price_of
import logging

log = logging.getLogger(__name__)
__version__ = "1.0.0"


def describe() -> str:
    """One line about the catalog."""
    return f"acme-catalog {__version__}"
