"""Dates as they come from registers and spreadsheets: parsing and adding months."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Optional

_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def parse_date(value: Any) -> Optional[dt.date]:
    """A date from ``datetime.date``/``datetime``, ``'2023-05-01'``, ``'2023/5/1'``, ``'2023年5月1日'``,
    ``'20230501'`` or ``'2023-05-01T10:00:00'``; ``None`` for blanks.

    Raises ``ValueError`` for text that is not a date.

    >>> parse_date('2023年5月1日'), parse_date(' '), parse_date('20230501')
    (datetime.date(2023, 5, 1), None, datetime.date(2023, 5, 1))
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text or text.upper() == "NULL":
        return None
    match = _DATE.match(text) or _COMPACT.match(text)
    if not match:
        raise ValueError(text)
    year, month, day = (int(g) for g in match.groups())
    return dt.date(year, month, day)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the month's last day.

    >>> add_months(dt.date(2024, 1, 31), 1), add_months(dt.date(2023, 3, 1), 12)
    (datetime.date(2024, 2, 29), datetime.date(2024, 3, 1))
    """
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))
