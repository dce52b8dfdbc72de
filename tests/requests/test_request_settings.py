"""requests.settings: plan/requests.yaml, the documented choices for what the 條例 leaves open."""

from __future__ import annotations

from pathlib import Path

import pytest

from gov_disclosure.errors import GdError
from gov_disclosure.requests.settings import ConsultationPause, FeePause, Settings, load_settings
from gov_disclosure.storage.workspace import find_workspace


def test_defaults_without_the_file(workspace: Path) -> None:
    assert load_settings(find_workspace(workspace)) == Settings(
        ConsultationPause.sending, FeePause.notice_to_payment
    )


def test_the_file_sets_them(workspace: Path) -> None:
    (workspace / "plan" / "requests.yaml").write_text(
        "consultation_pause: delivery\nfee_pause: none\n", encoding="utf-8"
    )
    assert load_settings(find_workspace(workspace)) == Settings(
        ConsultationPause.delivery, FeePause.none
    )


def test_a_wrong_value_is_an_error_at_its_line(workspace: Path) -> None:
    path = workspace / "plan" / "requests.yaml"
    path.write_text("# settings\nconsultation_pause: receipt\n", encoding="utf-8")
    with pytest.raises(GdError) as caught:
        load_settings(find_workspace(workspace))
    problem = caught.value.problems[0]
    assert (problem.file, problem.line) == (path, 2)
    assert "'sending' or 'delivery'" in problem.message
