"""CSV export; uses pandas when it is installed."""
import csv
import io

try:
    import pandas
except ImportError:  # optional
    pandas = None


def to_csv(rows) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()
