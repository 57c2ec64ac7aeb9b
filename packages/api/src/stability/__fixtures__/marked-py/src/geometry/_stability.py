from typing import TypeVar

_T = TypeVar("_T")


def experimental(obj: _T) -> _T:
    return obj


def internal(obj: _T) -> _T:
    return obj
