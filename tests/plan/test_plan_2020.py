"""The bundled 2020 plan says what the notice says."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import DATA, REPO
from gov_disclosure.plan.loading import LoadedPlan, load_plan
from gov_disclosure.storage.workspace import find_workspace

TITLES = {
    "1.1": "圍繞“六穩”、“六保”深化政府信息公開",
    "1.2": "圍繞優化營商環境深化政府信息公開",
    "1.3": "圍繞常態化疫情防控深化政府信息公開",
    "1.4": "圍繞打好“三大攻堅戰”深化政府信息公開",
    "1.5": "圍繞民生改善深化政府信息公開",
    "2.1": "實現政府信息主動公開事項全清單化管理",
    "2.2": "建立健全政務信息管理制度",
    "2.3": "健全政策解讀機制",
    "2.4": "深入推進基層政務公開標準化規范化",
    "2.5": "加強政府信息公開申請辦理工作",
    "3.1": "加強政府網站和政務新媒體",
    "3.2": "優化政府網站“政府信息公開平臺”設置",
    "4.1": "強化領導",
    "4.2": "健全組織體系",
    "4.3": "提高人員素質",
}
TOWNS = "各鄉(鎮、街道)"
DEPTS = "縣直有關部門"
UNITS = {  # task: (lead, responsible), as the notice's 責任單位 column names them
    "1.1": ([], [DEPTS]),
    "1.2": (["縣司法局", "縣市場監管局", "縣政務服務管理局"], [DEPTS]),
    "1.3": (["縣衛健局", "縣應急管理局"], [DEPTS]),
    "1.4": (["縣財政局", "市生態環境局師宗分局", "縣扶貧辦", "縣金融辦"], [TOWNS, DEPTS]),
    "1.5": (["縣發改局", "縣教體局", "縣人社局", "縣衛健局"], [TOWNS, DEPTS]),
    "2.1": ([], [TOWNS, DEPTS]),
    "2.2": (["縣政府辦公室", "縣司法局"], [TOWNS, DEPTS]),
    "2.3": (["縣政府辦公室"], [DEPTS]),
    "2.4": ([], [TOWNS, DEPTS]),
    "2.5": (["縣政府辦公室", "縣衛健局"], [TOWNS, DEPTS]),
    "3.1": (["縣融媒體中心"], [TOWNS, DEPTS]),
    "3.2": (["縣融媒體中心"], []),  # empty cell in the notice; the text names it
    "4.1": ([], [TOWNS, DEPTS]),
    "4.2": ([], [TOWNS, DEPTS]),
    "4.3": ([], ["縣政府辦公室"]),  # 縣政府辦負責
}
DEADLINES = {  # task: [(date, phrase, units of its own or None)]
    "2.1": [(dt.date(2020, 9, 30), "2020年9月底前", None)],
    "2.2": [(dt.date(2020, 12, 31), "2020年底前", None)],
    "2.4": [(dt.date(2020, 9, 20), "2020年9月20日前", None)],
    "3.1": [(dt.date(2020, 12, 31), "2020年底前", ["縣融媒體中心"])],
    "3.2": [(dt.date(2020, 12, 31), "2020年底前", ["縣融媒體中心"])],
    "4.1": [(dt.date(2020, 12, 31), "年內", None)],
    "4.3": [(dt.date(2020, 12, 31), "年內", ["縣政府辦公室"])],
}
PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


@pytest.fixture(scope="module")
def loaded() -> LoadedPlan:
    return load_plan(find_workspace(REPO), 2020)


@pytest.fixture(scope="module")
def notice_text() -> str:
    """The notice with its damage repaired independently of gd's own code."""
    raw = (DATA / "shizong-2020-notice.txt").read_text(encoding="utf-8")
    text = PINYIN.sub("", raw)
    return text.replace("?;鶎舆\\轉", "保基層運轉").replace("??h人民政府", "。縣人民政府")


def test_notice_metadata(loaded: LoadedPlan) -> None:
    plan = loaded.plan
    assert plan.year == 2020
    assert plan.notice.issuer == "師宗縣人民政府辦公室"
    assert plan.notice.issued == dt.date(2020, 9, 15)
    assert plan.notice.basis is not None
    assert plan.notice.basis.document_number == "曲政辦發〔2020〕49號"
    assert [s.number for s in plan.sections] == [1, 2, 3, 4]
    assert [s.title for s in plan.sections] == [
        "進一步拓展主動公開深度和廣度",
        "進一步健全政務公開制度機制",
        "進一步加強政務公開平臺建設管理",
        "進一步夯實政務公開保障基礎",
    ]


def test_reporting_milestone(loaded: LoadedPlan) -> None:
    (report,) = loaded.plan.milestones
    assert report.date == dt.date(2020, 11, 30)
    assert loaded.units.lookup(report.recipient or "").name == "政務信息股"


def test_fifteen_tasks_with_their_titles(loaded: LoadedPlan) -> None:
    assert {t.id: t.title for t in loaded.plan.tasks()} == TITLES


@pytest.mark.parametrize("task_id", sorted(UNITS))
def test_units_of_each_task(loaded: LoadedPlan, task_id: str) -> None:
    task = loaded.task(task_id)
    names = loaded.units
    lead = [names.lookup(n).name for n in task.lead]
    responsible = [names.lookup(n).name for n in task.responsible]
    assert (lead, responsible) == UNITS[task_id]


@pytest.mark.parametrize("task_id", sorted(TITLES))
def test_deadlines_of_each_task(loaded: LoadedPlan, task_id: str) -> None:
    task = loaded.task(task_id)
    got = [
        (d.date, d.phrase, [loaded.units.lookup(n).name for n in d.units] or None)
        for d in task.deadlines
    ]
    assert got == DEADLINES.get(task_id, [])


@pytest.mark.parametrize("task_id", sorted(TITLES))
def test_requirement_sentences_give_back_the_notice(
    loaded: LoadedPlan, notice_text: str, task_id: str
) -> None:
    task = loaded.task(task_id)
    assert all(s.endswith("。") for s in task.requirement)
    assert "".join(task.requirement) in notice_text


def test_sentence_split_at_repaired_span(loaded: LoadedPlan) -> None:
    sentences = loaded.task("3.1").requirement
    assert sentences[2] == "縣人民政府門戶網站要于2020年底前完成互聯網協議第6版升級改造工作。"
    assert "保基層運轉" in loaded.task("1.1").requirement[1]


def test_no_damage_left(loaded: LoadedPlan) -> None:
    assert loaded.warnings == []
    text = (REPO / "plan" / "2020.yaml").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert not PINYIN.search(body)
    assert "?" not in body and "\ufffd" not in body


def test_groups_have_the_registry_members(loaded: LoadedPlan) -> None:
    units = loaded.units
    towns = [u.name for u in units.members(units.lookup(TOWNS))]
    assert towns == [
        "丹鳳街道", "漾月街道", "大同街道", "雄壁鎮", "葵山鎮", "彩雲鎮", "竹基鎮",
        "龍慶彝族壯族鄉", "五龍壯族鄉", "高良壯族苗族瑤族鄉",
    ]  # fmt: skip
    depts = {u.name for u in units.members(units.lookup(DEPTS))}
    assert {"縣政府辦公室", "縣融媒體中心", "市生態環境局師宗分局"} <= depts
    assert "政務信息股" not in depts
    for alias in ("縣直各部門", "縣直各單位"):
        assert units.lookup(alias).id == units.lookup(DEPTS).id
