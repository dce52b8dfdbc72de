"""Documents: the checklists and reports people read and send, from templates.

Owns the view models that templates lay out (:mod:`.views`), the reports'
narratives, the county's and each unit's (:mod:`.narrative`), the plan's
adjustments in words (:mod:`.adjustments`), one script per document
(:mod:`.scripting`), rendering with Jinja and docxtpl (:mod:`.render`), the
official form of GB/T 9704-2012 for Word (:mod:`.official`, applied to every
rendered document by :mod:`.docx_finish`), the deadline calendar
(:mod:`.ics`) and the plan as the notice that issues it (:mod:`.plan_notice`,
read back as `gd import` reads it by :mod:`.notice_readback`).

May import: everything below it (foundations, ``schema``, storage, plan, progress),
:mod:`gov_disclosure.history` and :mod:`gov_disclosure.intake`.
"""
