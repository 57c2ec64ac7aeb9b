"""Stability markers of this package's public API (Shipshape's Python standard, see docs/api.md).

A public name (no leading underscore, in a public module, listed in ``__all__``) is stable: it changes
only as semantic versioning allows. Mark the exceptions:

* ``@experimental``: may change or go away in any release (what PEP 411 calls provisional).
* ``@internal``: importable, but for the package's own use; never part of the API.
* PEP 702's ``@deprecated`` (``warnings.deprecated`` on Python 3.13+, ``typing_extensions.deprecated``
  before): still stable, and going away in a coming major release.

A whole module is marked with ``__stability__ = "experimental"`` (or ``"internal"``) at its top.
The markers only set ``__stability__`` on what they decorate; type checkers see the object unchanged.
"""

from typing import TypeVar

__all__ = ["experimental", "internal"]

_T = TypeVar("_T")


def _mark(obj: _T, level: str) -> _T:
    try:
        obj.__stability__ = level  # type: ignore[attr-defined]
    except (AttributeError, TypeError):  # a builtin or a slotted object: the marker stays in the source
        pass
    return obj


def experimental(obj: _T) -> _T:
    """Mark a class or function as experimental: it may change or go away in any release."""
    return _mark(obj, "experimental")


def internal(obj: _T) -> _T:
    """Mark a class or function as internal: importable, but not part of the public API."""
    return _mark(obj, "internal")
