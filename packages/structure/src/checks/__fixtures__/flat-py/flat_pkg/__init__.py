"""Flat package."""
from .core import *
