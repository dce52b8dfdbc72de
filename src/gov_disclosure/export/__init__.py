"""Export: the plan and its progress for spreadsheets and SQL (`gd export`).

Owns the plain rows every export is made from, wholly in one script
(:mod:`.tables`), the documented, stable SQLite schema with its views
(:mod:`.sqlite`, described in ``docs/export.md``; separate from the cache,
whose layout may change) and the Excel/WPS workbook (:mod:`.xlsx`).  Both
formats give the same bytes for the same inputs.

May import: everything below it (foundations, storage, plan, progress) and
:mod:`gov_disclosure.documents` (the width of text in a cell); never
:mod:`gov_disclosure.annual`, its neighbour on the same layer.
"""
