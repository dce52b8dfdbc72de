"""Working days: the official calendar of holidays and make-up working days (調休).

Owns the working-day calendar (:mod:`.calendar`: which days are working days,
"N working days after a day", "how many working days between two days") and
the workspace file for what no package knows, ``plan/workdays.yaml``
(:mod:`.overrides`: local holidays, later State Council changes, a year
published after the package).  The official days come from the
``chinesecalendar`` package, imported only when a calendar is built.

May import: the foundations and :mod:`gov_disclosure.storage`.
"""
