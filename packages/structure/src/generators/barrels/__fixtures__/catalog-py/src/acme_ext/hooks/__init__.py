"""Hooks other acme distributions plug into."""
HOOKS = []
