"""The index: the validated workspace in SQLite, so a command reads only the rows it needs.

Owns ``.gd-cache/index.sqlite`` (:mod:`.db`): each plan year's tasks, who they
reach and their deadlines (:mod:`.plans`), and each progress file's records and
problems (:mod:`.progress`).  YAML stays the only source of truth: rows are
written from files that were parsed and checked, keyed by each file's content
hash and gd's version, and rebuilt for exactly the files that changed (one
progress file changed: that file's rows only; the registry or the plan changed:
that year's rows).  An index that is corrupt, another user's, from another gd
or stale is rebuilt, never trusted; reading it builds only gd's plain data
(:mod:`gov_disclosure.storage.plaindata`), never code.  ``GD_NO_CACHE=1`` (or an
index that cannot be opened) reads the YAML straight, with the same answers.

May import: the foundations, :mod:`gov_disclosure.storage`, :mod:`gov_disclosure.plan`
and :mod:`gov_disclosure.progress`.
"""
