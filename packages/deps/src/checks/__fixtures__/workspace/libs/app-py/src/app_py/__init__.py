"""The fixture app."""
from .core import load

__all__ = ["load"]
