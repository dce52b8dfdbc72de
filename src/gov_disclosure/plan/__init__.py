"""The plan: the unit registry, a year's plan, and who must do what.

Owns unit names and their matching (:mod:`.units`), loading and checking the
registry and plans (:mod:`.loading`, :mod:`.checks`), the workspace's settings
(``plan/workspace.yaml``: :mod:`.settings`), roles and who must report
(:mod:`.assignments`), listings of tasks and units (:mod:`.queries`) and
registry writes (:mod:`.registry_store`).

May import: the foundations, ``schema`` and :mod:`gov_disclosure.storage`.
"""
