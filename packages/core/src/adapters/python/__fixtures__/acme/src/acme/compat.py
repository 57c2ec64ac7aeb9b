"""Optional speedups, each with a fallback."""

import sys
import typing

try:
    import ujson as json
except ImportError:
    import json

try:
    from orjson import dumps as fast_dumps
except (ModuleNotFoundError, AttributeError):
    fast_dumps = None

try:
    import numpy
except Exception:
    numpy = None

try:
    import yaml
except:  # noqa: E722
    yaml = None

try:
    from decimal import Decimal
except ValueError:
    Decimal = float

if typing.TYPE_CHECKING:
    import numpy.typing as npt

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


def dumps(value):
    try:
        import msgpack
    except ImportError:
        return json.dumps(value)
    return msgpack.packb(value)
