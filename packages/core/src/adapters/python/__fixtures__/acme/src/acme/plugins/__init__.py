"""Plugin discovery."""

from .builtin import *  # noqa: F403
from .builtin.loader import Loader as _Loader

__all__ = [name for name in dir() if not name.startswith("_")]
