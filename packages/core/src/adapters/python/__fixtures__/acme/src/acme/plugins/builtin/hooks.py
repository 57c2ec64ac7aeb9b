"""Hooks a plugin may implement."""


def on_load(loader) -> None:
    """Called once a plugin is loaded."""
