import pytest

from clean_py import load


def test_load() -> None:
    assert load("a: 1") is not None
    pytest.importorskip("yaml")
