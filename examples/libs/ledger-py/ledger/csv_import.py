"""Imports bank statements (CSV) as journal entries.

Each bank exports a different CSV, so the columns are described in a small
YAML mapping file, for example::

    date: Booking date
    date_format: "%d.%m.%Y"
    description: Purpose
    amount: Amount
    bank_account: "1200"
    counter_account: "1800"
    delimiter: ";"
"""

import csv
import datetime as dt
from pathlib import Path
from typing import Dict, Iterator, List, Union

import yaml

from .amounts import to_amount
from .journal import JournalEntry, Posting

REQUIRED_KEYS = ("date", "description", "amount", "bank_account", "counter_account")


def load_mapping(path: Union[str, Path]) -> Dict[str, str]:
    with open(path, encoding="utf-8") as handle:
        mapping = yaml.safe_load(handle) or {}
    if not isinstance(mapping, dict):
        raise ValueError("%s: the mapping must be a YAML object" % path)
    missing = [key for key in REQUIRED_KEYS if key not in mapping]
    if missing:
        raise ValueError("%s: missing keys %s" % (path, ", ".join(missing)))
    mapping = {str(k): str(v) for k, v in mapping.items()}
    mapping.setdefault("date_format", "%Y-%m-%d")
    mapping.setdefault("delimiter", ",")
    return mapping


def _parse_date(raw, fmt):
    try:
        return dt.datetime.strptime(raw.strip(), fmt).date()
    except ValueError:
        raise ValueError("bad date %r, expected format %s" % (raw, fmt)) from None


def _rows(path: Union[str, Path], delimiter: str) -> Iterator[Dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        yield from csv.DictReader(handle, delimiter=delimiter)


def import_statement(path: Union[str, Path], mapping: Dict[str, str]) -> List[JournalEntry]:
    """One entry per statement line: money in debits the bank account, money out credits it."""
    entries = []
    for line_no, row in enumerate(_rows(path, mapping["delimiter"]), start=2):
        try:
            amount = to_amount(row[mapping["amount"]])
            date = _parse_date(row[mapping["date"]], mapping["date_format"])
        except (KeyError, ValueError) as error:
            raise ValueError("%s:%d: %s" % (path, line_no, error)) from error
        if amount == 0:
            continue
        bank, counter = mapping["bank_account"], mapping["counter_account"]
        if amount > 0:
            postings = [Posting.dr(bank, amount), Posting.cr(counter, amount)]
        else:
            postings = [Posting.cr(bank, -amount), Posting.dr(counter, -amount)]
        description = row[mapping["description"]].strip() or "(no description)"
        entries.append(JournalEntry(date=date, description=description, postings=postings,
                                    reference="%s:%d" % (Path(path).name, line_no)))
    return entries
