"""Exports of reports to CSV, or to a pandas DataFrame when pandas is installed."""

import csv
import io
from typing import Any, Dict, List

from .trial_balance import TrialBalance

try:
    import pandas as pd
except ImportError:  # pandas is optional: only the DataFrame export needs it
    pd = None

COLUMNS = ["code", "name", "debit", "credit"]


def to_records(tb):
    return [
        {"code": row.code, "name": row.name, "debit": str(row.debit), "credit": str(row.credit)}
        for row in tb.rows
    ]


def to_csv(tb: TrialBalance, delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    writer.writerows(to_records(tb))
    writer.writerow({"code": "", "name": "Total", "debit": str(tb.total_debit), "credit": str(tb.total_credit)})
    return buffer.getvalue()


def has_pandas() -> bool:
    return pd is not None


def to_dataframe(tb: TrialBalance) -> Any:
    """Returns a DataFrame indexed by account code. Needs the optional pandas."""
    if pd is None:
        raise RuntimeError("to_dataframe() needs pandas: pip install pandas")
    records: List[Dict[str, Any]] = to_records(tb)
    frame = pd.DataFrame.from_records(records, columns=COLUMNS).set_index("code")
    frame[["debit", "credit"]] = frame[["debit", "credit"]].astype(float)
    return frame
