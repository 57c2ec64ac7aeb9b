"""The shapes."""

from ._stability import internal

__all__ = ["Circle", "Square", "area", "Registry"]


class Circle:
    """A circle."""

    def __init__(self, radius: float) -> None:
        self.radius = radius


class Square:
    """A square.

    This class is experimental: its constructor may change.
    """

    def __init__(self, side: float) -> None:
        self.side = side


@internal
class Registry:
    """Where shapes are registered."""


def area(shape: "Circle | Square") -> float:
    """The area of a shape."""
    return 0.0
