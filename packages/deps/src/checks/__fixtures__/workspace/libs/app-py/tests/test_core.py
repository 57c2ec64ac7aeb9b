import pytest

from app_py.core import load


def test_load() -> None:
    with pytest.raises(Exception):
        load("{")
