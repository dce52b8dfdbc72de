"""Intake: notices (text, GB18030, .docx) read into draft plans.

Owns reading a notice's table (:mod:`.notice`), deadline phrases such as
「9月底前」 (:mod:`.phrases`), the importer that turns rows into a draft
(:mod:`.importer`), writing the draft as YAML (:mod:`.draftyaml`) and finding
the workspace an import reads its registry from (:mod:`.workspace`).

May import: the foundations, storage and plan (the unit registry).
"""
