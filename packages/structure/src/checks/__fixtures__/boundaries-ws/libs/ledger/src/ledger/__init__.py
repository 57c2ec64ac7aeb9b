"""Ledger."""
from .journal import Journal, post

__all__ = ["Journal", "post"]
