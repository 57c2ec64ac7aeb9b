"""A module someone is halfway through editing."""

import os


def half_done(path):
    if os.path.exists(path)
        return path
