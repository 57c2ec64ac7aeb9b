"""Old-style helpers, not annotated."""

from .helpers import chunks, slugify, Registry
