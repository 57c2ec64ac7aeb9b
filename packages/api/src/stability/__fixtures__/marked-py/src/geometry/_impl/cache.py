def _cache_key(kind: str, size: float) -> str:
    return f"{kind}:{size}"
