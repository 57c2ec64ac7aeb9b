"""Helpers."""


def helper() -> int:
    return 1
