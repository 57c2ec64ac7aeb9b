"""Acme widgets: build, register and serialize widgets."""

from .core import Widget, make_widget as build
from .compat import json
from . import plugins

__all__ = ["Widget", "build", "json"]
__all__ += ["plugins"]
__all__.append("__version__")

__version__ = "1.0.0"
