"""History: plan changes in git, in the plan's own terms.

Owns the semantic diff of two workspaces (:mod:`.diff`: tasks, sentences,
units, deadlines, records) and the plan's log with each change's basis and the
revision a document was rendered from (:mod:`.log`).

May import: the foundations, ``schema``, storage, plan and progress.
"""
