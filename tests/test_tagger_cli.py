"""`twinwatch tag`, `eval` and `bench-tag` through click's runner (the real commands, in-process)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from schedules.cli import cli

DEV = Path(__file__).parent / "data" / "pairs_dev.jsonl"


def test_tag_streams_json_lines() -> None:
    """Each input line gives one output line with every Pair field."""
    lines = [
        {"id": "a", "text": "Magadan and Anchorage are sister cities.", "language": "en"},
        {"id": "b", "text": "Погода в Москве.", "language": "ru", "title": "t"},
    ]
    result = CliRunner().invoke(cli, ["tag", "-"], input="\n".join(json.dumps(x) for x in lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"] and out[1]["pairs"] == []
    (pair,) = out[0]["pairs"]
    assert {
        "a",
        "a_country",
        "b",
        "b_country",
        "level",
        "relation",
        "status",
        "explicit",
        "evidence",
        "start",
        "end",
        "known",
    } <= set(pair)
    assert (pair["a"], pair["b"], pair["known"]) == ("Magadan", "Anchorage", True)


def test_tag_bad_line_names_line_and_fix() -> None:
    """A bad line gives a one-line error naming the line number, and exit code 2."""
    result = CliRunner().invoke(cli, ["tag", "-"], input='{"id": "a", "text": "x"}\nnot json\n')
    assert result.exit_code == 2
    assert "line 2" in result.output and "one JSON object per line" in result.output


def test_tag_missing_text_field() -> None:
    """A record without "text" is refused with the expected shape."""
    result = CliRunner().invoke(cli, ["tag", "-"], input='{"id": "a"}\n')
    assert result.exit_code == 2 and 'needs an object with "id" and a string "text"' in result.output


def test_eval_prints_all_figures() -> None:
    """`twinwatch eval` prints micro/macro figures, explicit/implicit and listed/unlisted recall, false alarms."""
    result = CliRunner().invoke(cli, ["eval", str(DEV)])
    assert result.exit_code == 0, result.output
    for label in (
        "micro precision",
        "macro F1",
        "recall explicit",
        "not listed",
        "false alarms on negatives",
    ):
        assert label in result.output


def test_bench_tag_prints_rate() -> None:
    """`twinwatch bench-tag` prints articles per second (a figure; no timing assertion)."""
    result = CliRunner().invoke(cli, ["bench-tag", "--n", "20"])
    assert result.exit_code == 0, result.output
    assert "articles/s" in result.output and "20 articles" in result.output
