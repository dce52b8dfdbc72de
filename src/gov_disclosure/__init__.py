"""gov-disclosure (`gd`): a government-information-disclosure work plan kept as validated YAML.

The package, from the bottom up (each layer imports only those before it):

- foundations: :mod:`.errors`, :mod:`.constants`, :mod:`.textnorm`, :mod:`.dates`,
  :mod:`.models` (runtime data) and :mod:`.schema` (what each YAML file may hold)
- :mod:`.storage`: the workspace folder, YAML with positions, safe writes, cache, git
- :mod:`.workdays`: the working-day calendar (official holidays, make-up days)
- :mod:`.plan`: registry, plans, roles, deadlines
- :mod:`.progress`: each unit's records
- :mod:`.history`, :mod:`.intake` and :mod:`.requests`: git history of the plan; notices into
  drafts; the register of requests for information, its clocks and table 三
- :mod:`.documents`: checklists and reports from templates
- :mod:`.annual`: the statutory annual report in the national format, its checks; and
  :mod:`.export`: the plan and its progress as a SQLite database or an Excel workbook
- :mod:`.api`: one function per command, the Python API
- :mod:`.cli`: the ``gd`` command line over the API (the only user of typer and rich)
"""

__version__ = "0.1.0"
