"""Unit registry, filled when the package is imported."""
UNITS = {}


def register(name, grams):
    UNITS[name] = grams


register("g", 1)
register("kg", 1000)
