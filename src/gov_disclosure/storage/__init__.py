"""Storage: where gd's bytes come from and go to.

Owns the workspace folder (found upward like git's, read from disk or from a git
revision), reading YAML with a position for every value, mapping schema errors
to ``FILE:LINE:COL``, locked atomic writes, the workspace cache, and the one
place that runs git.

May import: the foundations (:mod:`gov_disclosure.errors`, ``constants``,
``textnorm``, ``dates``, ``models``). Knows nothing of plans, progress or documents.
"""
