"""A project whose dependencies are in order: the checks must stay quiet here."""
import sys
from typing import TYPE_CHECKING

import yaml
import lib_py

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

try:
    import ujson as json
except ImportError:
    import json

if TYPE_CHECKING:
    from .types import Config

from .types import Config as _Config

__all__ = ["load"]


def load(text: str) -> "Config":
    return yaml.safe_load(text), lib_py, tomllib, json, _Config
