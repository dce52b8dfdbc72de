"""textnorm: rules about Chinese text (most are tested where they are used; these stand alone)."""

from __future__ import annotations

import re

from gov_disclosure.textnorm import first_claims


def test_the_first_pattern_to_claim_a_stretch_of_text_keeps_it() -> None:
    patterns = [
        (re.compile(r"予以公开(?:和|及)部分公开"), "both"),
        (re.compile(r"部分公开"), "partial"),
    ]
    text = "予以公开和部分公开共3件，部分公开1件"
    found = [(m.start(), meaning) for m, meaning in first_claims(patterns, text)]
    assert found == [(0, "both"), (13, "partial")]
