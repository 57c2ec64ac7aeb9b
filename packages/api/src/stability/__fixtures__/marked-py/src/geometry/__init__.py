"""Geometry for people in a hurry."""

from .shapes import Circle, Square, area
from .layout import LayoutEngine, layout
from ._impl.cache import _cache_key

__all__ = ["Circle", "LayoutEngine", "Square", "_cache_key", "area", "layout", "__version__"]

__version__ = "0.2.0"
