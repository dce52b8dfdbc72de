"""storage.yamlio: safe YAML reading that knows where every key and value stood."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from gov_disclosure.errors import GdError
from gov_disclosure.storage.yamlio import compose, load, locate, parse

PATH = Path("plan/example.yaml")

DOC = textwrap.dedent(
    """\
    # a comment line
    unit: 縣衛健局
    year: 2020
    records:
      - task: "2.4"
        status: done
      - task: report
        status:   in_progress
    """
)


def refusal(text: str) -> GdError:
    with pytest.raises(GdError) as info:
        parse(text, PATH)
    return info.value


# ---- positions: FILE:LINE:COL ------------------------------------------------------


def test_position_of_a_value_is_its_line_and_column() -> None:
    doc = parse(DOC, PATH)
    assert doc.position(("unit",)) == (2, 7)
    assert doc.position(("records", 0, "task")) == (5, 11)
    # The value, not the key, and where it really starts (after extra spaces).
    assert doc.position(("records", 1, "status")) == (8, 15)


def test_position_of_a_key_with_key_true() -> None:
    doc = parse(DOC, PATH)
    assert doc.position(("records", 1, "status"), key=True) == (8, 5)
    assert doc.position(("year",), key=True) == (3, 1)


def test_position_of_a_list_item_is_where_the_item_starts() -> None:
    doc = parse(DOC, PATH)
    assert doc.position(("records", 1)) == (7, 5)
    # A list item has no key: key=True still gives the item.
    assert doc.position(("records", 1), key=True) == (7, 5)


def test_position_of_what_the_file_lacks_is_its_deepest_existing_part() -> None:
    doc = parse(DOC, PATH)
    assert doc.position(("records", 0, "date")) == doc.position(("records", 0))
    assert doc.position(("records", 7, "status")) == doc.position(("records",))
    assert doc.position(("nothing",)) == (2, 1)  # the document itself


def test_position_matches_an_integer_key_written_as_text() -> None:
    doc = parse("years:\n  2020: a\n  2021: b\n", PATH)
    assert doc.position(("years", 2021)) == (3, 9)
    assert locate(doc.root, ("years", "2021")) == (3, 9)


def test_position_in_an_empty_document_is_unknown() -> None:
    doc = parse("# nothing but a comment\n", PATH)
    assert doc.data is None and doc.root is None
    assert doc.position(("unit",)) is None
    problem = doc.problem("file is empty", ("unit",))
    assert (problem.file, problem.line, problem.column) == (PATH, None, None)


def test_problem_carries_file_line_and_column() -> None:
    doc = parse(DOC, PATH)
    problem = doc.problem("bad status", ("records", 1, "status"), severity="warning")
    assert (problem.file, problem.line, problem.column) == (PATH, 8, 15)
    assert problem.severity == "warning"
    assert problem.location().endswith("example.yaml:8:15")


def test_load_reads_a_file_and_names_it(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(DOC, encoding="utf-8")
    doc = load(path)
    assert doc.path == path
    assert doc.data["records"][1]["status"] == "in_progress"


# ---- plain values --------------------------------------------------------------------


def test_dates_are_kept_as_text() -> None:
    doc = parse("issued: 2020-09-15\nbad: 2020-13-01\nfeb: 2020-02-30\n", PATH)
    assert doc.data == {"issued": "2020-09-15", "bad": "2020-13-01", "feb": "2020-02-30"}


def test_other_scalars_become_python_values() -> None:
    text = 'n: 12\nf: 1.5\nb: true\nz: null\nq: "12"\nlist: [1, two]\n'
    assert parse(text, PATH).data == {
        "n": 12,
        "f": 1.5,
        "b": True,
        "z": None,
        "q": "12",
        "list": [1, "two"],
    }


def test_compose_gives_the_node_tree_without_checks() -> None:
    root = compose(DOC)
    assert root is not None and root.start_mark.line == 1
    assert compose("") is None


# ---- refused, each at its line --------------------------------------------------------


def test_duplicate_key_is_refused_at_the_second_one() -> None:
    error = refusal("unit: 縣衛健局\nyear: 2020\nunit: 縣政府辦公室\n")
    (problem,) = error.problems
    assert (problem.file, problem.line, problem.column) == (PATH, 3, 1)
    assert "duplicate key 'unit'" in problem.message
    assert "first at line 1" in problem.message


def test_duplicate_key_in_a_nested_mapping() -> None:
    error = refusal(DOC + "  - task: x\n    status: done\n    status: done\n")
    (problem,) = error.problems
    assert (problem.line, problem.column) == (11, 5)
    assert "first at line 10" in problem.message


def test_every_duplicate_is_reported_at_once() -> None:
    error = refusal("a: 1\na: 2\nb: 1\nb: 2\n")
    assert [p.line for p in error.problems] == [2, 4]


def test_alias_is_refused_at_the_alias() -> None:
    error = refusal("base: &b {x: 1}\nother: *b\n")
    (problem,) = error.problems
    assert (problem.line, problem.column) == (2, 8)
    assert "aliases" in problem.message


def test_many_aliases_stop_at_the_first() -> None:
    laughs = "a: &a [x, x]\n" + "".join(f"{c}: &{c} [*{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))  # fmt: skip
    error = refusal(laughs)
    (problem,) = error.problems
    assert (problem.line, problem.column) == (2, 8)  # b: &b [*a, …


def test_merge_key_is_refused() -> None:
    error = refusal("a:\n  <<: {x: 1}\n  y: 2\n")
    (problem,) = error.problems
    assert (problem.line, problem.column) == (2, 3)
    assert "merge keys" in problem.message


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a: 1\nb: !!python/object:os.system x\n", 2, 4),
        ("a: 1\nb: !custom x\n", 2, 4),
        ("a: !!set {x, y}\n", 1, 4),
        ("a: !seq [1]\n", 1, 4),
    ],
)
def test_tags_are_refused_at_the_tagged_value(text: str, line: int, column: int) -> None:
    error = refusal(text)
    (problem,) = error.problems
    assert (problem.line, problem.column) == (line, column)
    assert "tags such as" in problem.message


def test_tab_indentation_is_refused_at_the_tab() -> None:
    error = refusal("a:\n  b: 1\n\tc: 2\n")
    (problem,) = error.problems
    assert (problem.line, problem.column) == (3, 1)


def test_syntax_error_has_a_line() -> None:
    error = refusal("a: [1, 2\nb: 3\n")
    (problem,) = error.problems
    assert problem.message.startswith("YAML syntax error")
    assert problem.line is not None and problem.column is not None


def test_too_deep_is_refused() -> None:
    error = refusal("a: " + "[" * 200 + "]" * 200 + "\n")
    assert "nested deeper than" in error.problems[0].message


def test_load_of_a_missing_file_or_a_folder(tmp_path: Path) -> None:
    with pytest.raises(GdError, match="file not found"):
        load(tmp_path / "missing.yaml")
    with pytest.raises(GdError, match="is a folder"):
        load(tmp_path)
