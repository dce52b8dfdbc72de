"""``plan/requests.yaml``: how a workspace applies what the 條例 leaves open.

Both settings are optional; without the file the defaults apply::

    consultation_pause: sending        # or: delivery
    fee_pause: notice_to_payment       # or: none

* ``consultation_pause`` (第三十三條第三款: the time needed to consult a third
  party or another agency is not counted).  The law does not say whether
  that time starts when the 征求意見書 is sent or when it reaches its
  addressee.  ``sending`` (default) leaves out the working days after the
  sending day up to the reply day; ``delivery`` those after the day of
  delivery (``delivered:`` on the event), a shorter pause and an earlier,
  safer deadline.
* ``fee_pause``: whether the working days after a fee notice up to the day
  of payment are left out (``notice_to_payment``, default: the applicant has
  20 working days to pay, which the agency's own 20 could not hold), or
  counted (``none``).  The national 信息處理費管理辦法 could not be checked
  on this point (UNCONFIRMED).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from gov_disclosure import constants as C
from gov_disclosure.storage.workspace import Workspace


class ConsultationPause(StrEnum):
    sending = "sending"
    delivery = "delivery"


class FeePause(StrEnum):
    notice_to_payment = "notice_to_payment"
    none = "none"


@dataclass(frozen=True)
class Settings:
    """How the workspace reads the regulation where it leaves a choice."""

    consultation_pause: ConsultationPause = ConsultationPause.sending
    fee_pause: FeePause = FeePause.notice_to_payment


def settings_path(ws: Workspace) -> Path:
    return ws.plan_dir / C.REQUESTS_SETTINGS_FILE


def load_settings(ws: Workspace) -> Settings:
    """The workspace's settings (the defaults without the file); a wrong file is an error."""
    path = settings_path(ws)
    if not ws.exists(path):
        return Settings()
    from gov_disclosure.requests.schema import SettingsFile
    from gov_disclosure.storage.schema_errors import validate_document

    doc = ws.load_yaml(path)
    if doc.data is None:
        return Settings()
    return validate_document(doc, SettingsFile, "requests settings").runtime()
