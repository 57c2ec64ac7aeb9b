from .loader import Loader

__all__ = ("Loader",)
