"""Helpers."""

import re


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def chunks(items, size):
    for i in range(0, len(items), size):
        yield items[i : i + size]


class Registry(object):
    def __init__(self):
        self.items = {}

    def register(self, name, item):
        self.items[name] = item

    def __contains__(self, name):
        return name in self.items
