"""The working-day calendar: which days are working days, and counting them.

China moves working days around its holidays (調休): some Saturdays and
Sundays are working days, some weekdays are not.  The official days come from
the ``chinesecalendar`` package (each State Council notice, 2004 onward); the
workspace file ``plan/workdays.yaml`` (:mod:`.overrides`) adds what no package
knows and wins where both speak of a day.  A day in a year that neither knows
is an error that says so and what to do, never a Monday-to-Friday guess.

Counting convention (the 條例 is silent; 民事訴訟法第八十五條 by analogy): day
0 is the starting day, working days are counted from the next day, so "N
working days after D" is always a working day (for N > 0).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from gov_disclosure import constants as C
from gov_disclosure.errors import GdError, Problem, display_path
from gov_disclosure.storage import cache
from gov_disclosure.storage.workspace import Workspace

ONE_DAY = dt.timedelta(days=1)
#: The PyPI name of the package with the official days (imported as ``chinese_calendar``).
PACKAGE = "chinesecalendar"
#: Days whose working days are not counted: each (start, end) leaves out start < day ≤ end.
Pauses = Sequence[tuple[dt.date, dt.date]]


@dataclass(frozen=True, eq=False)
class WorkCalendar:
    """Working days of the years the package and the workspace file know."""

    #: Years known day by day.
    years: frozenset[int]
    #: Days off that would be working days by the weekday (holidays, local ones included).
    days_off: frozenset[dt.date]
    #: Working days that would be days off by the weekday (make-up days, 調休上班).
    extra_workdays: frozenset[dt.date]
    #: The package and its years, for messages: "chinesecalendar 1.11.0 (2004–2026)".
    package: str
    #: The workspace file (whether or not it exists) and the years it adds.
    file: Path | None = None
    file_years: tuple[int, ...] = ()

    def require(self, day: dt.date) -> None:
        """Raise the error that names the missing year, unless ``day``'s year is known."""
        if day.year not in self.years:
            raise GdError.data(self.unknown_year(day.year))

    def unknown_year(self, year: int) -> str:
        where = display_path(self.file) if self.file else f"{C.PLAN_DIR}/{C.WORKDAYS_FILE}"
        added = ", ".join(map(str, self.file_years)) or "no year"
        return (
            f"no working-day calendar for {year}: {self.package} and {where} ({added}) do not "
            f"know its holidays and make-up working days; when the State Council has published "
            f"them, upgrade the package (pip install -U {PACKAGE}) or add {year} to {where} "
            "(see docs/requests.md)"
        )

    def is_workday(self, day: dt.date) -> bool:
        self.require(day)
        if day in self.extra_workdays:
            return True
        return day.weekday() < 5 and day not in self.days_off

    def add(self, start: dt.date, n: int, pauses: Pauses = ()) -> dt.date:
        """The ``n``-th working day after ``start`` (``start`` itself for 0).

        Working days inside ``pauses`` are not counted (a consultation, say).
        """
        if n < 0:
            raise ValueError(f"n must be 0 or more, not {n}")
        self.require(start)
        if n == 0:
            return start
        for counted, day in enumerate(self._counted_after(start, pauses), 1):
            if counted == n:
                return day
        raise AssertionError("unreachable: the days after a day never run out")

    def count(self, first: dt.date, last: dt.date, pauses: Pauses = ()) -> int:
        """Working days after ``first`` up to and including ``last``.

        Negative when ``last`` is before ``first``: minus the count the other way.
        """
        self.require(first)
        self.require(last)
        if last < first:
            return -self.count(last, first, pauses)
        days = (first + ONE_DAY * i for i in range(1, (last - first).days + 1))
        return sum(1 for day in days if self.is_workday(day) and not _paused(day, pauses))

    def _counted_after(self, start: dt.date, pauses: Pauses) -> Iterator[dt.date]:
        """The working days after ``start`` that are not paused, in order (without end)."""
        day = start
        while True:
            day += ONE_DAY
            if self.is_workday(day) and not _paused(day, pauses):
                yield day


def _paused(day: dt.date, pauses: Pauses) -> bool:
    return any(start < day <= end for start, end in pauses)


# ---- building the calendar --------------------------------------------------------------


@dataclass(frozen=True)
class Official:
    """The package's days: holidays and make-up working days, and the years it covers."""

    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]
    first_year: int
    last_year: int
    version: str

    @property
    def label(self) -> str:
        return f"{PACKAGE} {self.version} ({self.first_year}–{self.last_year})"


def official() -> Official:
    """The official days from the ``chinesecalendar`` package (imported here, only when needed)."""
    try:
        import chinese_calendar
    except ImportError:
        raise GdError.data(
            f"the {PACKAGE} package is not installed; gd needs it for working days "
            f"(pip install {PACKAGE})"
        ) from None
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version(PACKAGE)
    except PackageNotFoundError:  # pragma: no cover - imported but not installed as a dist
        installed = "?"
    holidays = frozenset(chinese_calendar.holidays)
    workdays = frozenset(chinese_calendar.workdays)
    years = [d.year for d in holidays]
    return Official(holidays, workdays, min(years), max(years), installed)


def package_files() -> list[Path]:
    """The package's data file (without importing it), so an upgrade invalidates the cache."""
    from importlib.util import find_spec

    spec = find_spec("chinese_calendar")
    if spec is None or spec.origin is None:
        return []
    return [Path(spec.origin).parent / "constants.py"]


def workdays_path(ws: Workspace) -> Path:
    return ws.plan_dir / C.WORKDAYS_FILE


def load_calendar(ws: Workspace | None) -> tuple[WorkCalendar, list[Problem]]:
    """The calendar of a workspace (the package alone without one), and its file's warnings.

    A wrong ``plan/workdays.yaml`` is an error (exit 1) with every problem at its line.
    From the workspace cache when the file and the package are unchanged.
    """
    if ws is None:
        return build_calendar(official(), None, None)
    path = workdays_path(ws)
    use_cache = ws.rev is None and cache.enabled()
    sources = [path, *package_files()]
    if use_cache:
        hit = cache.load(ws.root, "workdays", sources)
        if isinstance(hit, tuple) and len(hit) == 2 and isinstance(hit[0], WorkCalendar):
            return hit
    result = build_calendar(official(), ws, path)
    if use_cache:
        cache.store(ws.root, "workdays", sources, result)
    return result


def build_calendar(
    package: Official, ws: Workspace | None, path: Path | None
) -> tuple[WorkCalendar, list[Problem]]:
    """The package's days with the workspace file's on top (the file wins for its days)."""
    from gov_disclosure.workdays.overrides import load_overrides

    years = set(range(package.first_year, package.last_year + 1))
    days_off, extra = set(package.holidays), set(package.workdays)
    warnings: list[Problem] = []
    file_years: tuple[int, ...] = ()
    if ws is not None and path is not None:
        overrides, warnings = load_overrides(ws, path, package)
        if overrides is not None:
            file_years = tuple(sorted(overrides.years))
            years |= overrides.years
            days_off = (days_off - overrides.workdays) | overrides.holidays
            extra = (extra - overrides.holidays) | overrides.workdays
    calendar = WorkCalendar(
        frozenset(years),
        frozenset(days_off),
        frozenset(extra),
        package.label,
        path,
        file_years,
    )
    return calendar, warnings
