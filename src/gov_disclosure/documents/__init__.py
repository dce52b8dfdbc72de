"""Documents: the checklists and reports people read, from templates.

Owns the view models that templates lay out (:mod:`.views`), the report's
narrative file (:mod:`.narrative`), rendering with Jinja and docxtpl
(:mod:`.render`) and the deadline calendar (:mod:`.ics`).

May import: everything below it (foundations, ``schema``, storage, plan, progress)
and the types of :mod:`gov_disclosure.history`.
"""
