"""Layout of shapes."""

from typing import List

from ._stability import experimental
from .shapes import Circle


@experimental
class LayoutEngine:
    """Places shapes in a row."""

    def place(self, shapes: List[Circle]) -> List[float]:
        return [float(i) for i, _ in enumerate(shapes)]


def layout(shapes: List[Circle], engine: LayoutEngine) -> List[float]:
    """Lays shapes out."""
    return engine.place(shapes)
