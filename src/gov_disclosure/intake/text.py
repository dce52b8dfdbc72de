"""Notice text as the importer reads it: cleaned of pinyin annotations, and a comparison key."""

from __future__ import annotations

import unicodedata

from gov_disclosure.textnorm import strip_pinyin, to_simplified


def clean(text: str) -> str:
    """Pinyin annotations removed; nothing else is touched (damage is reported, not fixed)."""
    return strip_pinyin(text).strip()


def key(text: str) -> str:
    """The form header words and role words are compared in: NFKC, simplified, no spaces."""
    return to_simplified(unicodedata.normalize("NFKC", text)).replace(" ", "")
