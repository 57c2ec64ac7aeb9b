"""Imports reached only after a feature test, and fallbacks for Python 2 (the shapes of requests and httpx)."""

try:
    import simplejson as json

    has_simplejson = True
except ImportError:
    import json

if has_simplejson:
    from simplejson import JSONDecodeError
else:
    from json import JSONDecodeError

try:
    from urllib3.contrib import pyopenssl
except ImportError:
    pyopenssl = None
else:
    import OpenSSL

if six.PY2:
    import Queue as queue


def create_event():
    if is_running_trio():
        import trio

        return trio.Event()
    else:
        import anyio

        return anyio.Event()


def current():
    if sniffio.current_async_library() == "curio":
        import curio

        return curio


try:
    try:
        import ssl
    except ImportError:
        ssl = None
    if not getattr(ssl, "HAS_SNI", False):
        from cryptography import __version__
except ImportError:
    pass


def install():
    try:
        ip = get_ipython()
    except NameError:
        return None
    else:
        from IPython.core.formatters import BaseFormatter

        return BaseFormatter
