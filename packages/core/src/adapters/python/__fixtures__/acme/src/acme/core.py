"""The widget model."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .plugins.builtin.loader import Loader

DEFAULT_SIZE: int = 3
"""The size of a widget nobody sized."""

_registry = {}


@attrs.define
class Widget:
    """A thing with a name and a size."""

    name: str
    size: int = DEFAULT_SIZE

    def grow(self, by: int = 1) -> "Widget":
        """Return a bigger copy."""
        return Widget(self.name, self.size + by)

    @classmethod
    def parse(cls, text):
        return cls(*text.split(":"))

    @staticmethod
    def valid(name: str, strict=False) -> bool:
        return bool(name) or not strict

    @property
    def label(self) -> str:
        return self.name.upper()

    async def _refresh(self, loader: Loader, *, force: bool = False):
        """Reload from a plugin."""


@functools.lru_cache(maxsize=None)
def make_widget(name: str, size: Optional[int] = None) -> Widget:
    """Build a widget, cached by name and size."""
    return Widget(name, size or DEFAULT_SIZE)


async def iter_widgets(*names: str, **options) -> Iterator[Widget]:
    import asyncio

    await asyncio.sleep(0)
    return iter(make_widget(n) for n in names)


def _reset():
    _registry.clear()
