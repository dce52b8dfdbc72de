"""The statutory annual report (政府信息公开工作年度报告) in the national format.

Owns the two formats' rows, columns and labels (:mod:`.formats`), the data
files ``annual/<year>/<unit-id>.yaml`` read with every cell placed at its line
(:mod:`.loading`), the arithmetic of the tables and the checks T3-A, T3-B,
T3-C, T4, X1 and X3 (:mod:`.checks`, :mod:`.figures`), the input point of the
request register for table 三 (:mod:`.register`), the county's compiled
report (:mod:`.county`), the skeleton ``gd annual new`` writes
(:mod:`.skeleton`) and the view model the templates lay out (:mod:`.view`).

May import: everything below it (foundations, storage, workdays, plan,
progress, history, intake, requests, documents).
"""
