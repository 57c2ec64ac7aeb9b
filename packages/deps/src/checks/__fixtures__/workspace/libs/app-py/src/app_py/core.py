"""Core of the fixture app."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

import attr
import requests
import urllib3
import yaml
from PIL import Image

import lib_py
from app_py import plot
from . import helpers

try:
    import ujson
except ImportError:
    ujson = None

if TYPE_CHECKING:
    from dateutil.parser import parser


def load(text: str) -> object:
    import numpy as np

    return [json, attr, requests, urllib3, yaml.safe_load(text), Image, lib_py, plot, helpers, ujson, np]
