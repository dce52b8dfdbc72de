"""models: the runtime models' own rules."""

from __future__ import annotations

from gov_disclosure.models import Labelled, Status, UnitKind
from gov_disclosure.requests.model import Channel


def test_a_labelled_member_is_its_key_and_carries_its_label() -> None:
    assert Status("done") is Status.done and str(Status.done) == "done" and Status.done == "done"
    assert (Status.done.label, UnitKind.township.label) == ("已完成", "鄉鎮")
    assert Channel.post_signed.names[:2] == ("郵寄（簽收）", "郵寄")


def test_every_labelled_member_has_a_label() -> None:
    from gov_disclosure.plan.assignments import Role
    from gov_disclosure.progress.deadlines import Flag
    from gov_disclosure.requests.clock import State
    from gov_disclosure.requests.model import ApplicantType, EventKind
    from gov_disclosure.requests.queries import RequestFlag

    kinds: list[type[Labelled]] = [
        Status, UnitKind, Role, Flag, State, RequestFlag, Channel, ApplicantType, EventKind,
    ]  # fmt: skip
    for kind in kinds:
        assert all(member.label and member.label == member.names[0] for member in kind), kind
