"""requests.schema: what the register, private and settings files may hold."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from gov_disclosure.requests.schema import PERSONAL_FIELDS, Applicant, Event, RegisterFile, Request

REQUEST = {
    "number": "health-2020-001",
    "channel": "in_person",
    "received": "2020-09-25",
    "applicant_type": "natural",
    "subject": "某事項",
}


def test_a_request_and_its_events() -> None:
    model = Request.model_validate(
        {**REQUEST, "events": [{"kind": "answered", "date": "2020-10-09", "outcome": "r3_1_open"}]}
    )
    request = model.runtime("health")
    assert request.events[0].outcome == "r3_1_open" and request.unit_id == "health"


@pytest.mark.parametrize(
    "change",
    [
        {"number": "health-2020-1"},
        {"channel": "pigeon"},
        {"applicant_type": "alien"},
        {"subject": " "},
        {"phone": "13812345678"},
    ],
)
def test_what_a_request_may_not_hold(change: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValidationError):
        Request.model_validate({**REQUEST, **change})


def test_event_fields_are_bounded() -> None:
    with pytest.raises(ValidationError):
        Event.model_validate({"kind": "extended", "date": "2020-10-09", "days": 0})
    with pytest.raises(ValidationError):
        Event.model_validate({"kind": "answered", "date": "2020-10-09", "outcome": "r9_9"})


def test_personal_fields_exist_only_in_the_private_schema() -> None:
    assert set(PERSONAL_FIELDS) == set(Applicant.model_fields)
    assert not set(PERSONAL_FIELDS) & set(Request.model_fields)
    assert RegisterFile.model_validate({"unit": "縣衛健局", "year": 2020}).requests == []
