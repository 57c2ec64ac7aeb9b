"""Loads plugins by entry point."""

from ... import core
from ...core import Widget
from .. import builtin as siblings
from .hooks import on_load
from importlib.metadata import entry_points


class Loader:
    def __init__(self, group: str = "acme.plugins"):
        self.group = group

    def load(self) -> "list[Widget]":
        return [ep.load() for ep in entry_points().select(group=self.group)]
