"""Progress: each unit's implementation status, one file per unit and year.

Owns reading and checking progress files into a book (:mod:`.book`), listing
records and the unit × task matrix (:mod:`.queries`), writing records
(:mod:`.store`), and deadlines with the units that must still act on them
(:mod:`.deadlines`).

May import: the foundations, ``schema``, :mod:`gov_disclosure.storage` and
:mod:`gov_disclosure.plan`.
"""
