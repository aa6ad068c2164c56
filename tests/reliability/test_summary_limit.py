"""H3: one very long article cannot take the machine; the summary reads its start and says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Label

from reader.cli.main import main
from reader.core.analysis import SUMMARY_LIMIT, partial_note, summarize
from reader.core.library import Library
from reader.core.models import ArticleDraft
from reader.core.serialize import summary_from_dict, summary_to_dict
from reader.tui.article.screen import ArticleScreen
from tests.tui.helpers import RecordingApp, settle


def long_text(characters: int) -> str:
    sentences = []
    total = number = 0
    while total < characters:
        words = " ".join(f"w{(number * 7 + k) % 997}" for k in range(12))
        sentence = f"Report {number} says the harbour {words} grew."
        sentences.append(sentence + ("\n\n" if number % 5 == 4 else " "))
        total += len(sentences[-1])
        number += 1
    return "".join(sentences).strip()


@pytest.mark.parametrize("algorithm", ["skim", "textrank", "lead"])
def test_past_the_limit_only_the_start_is_summarised(algorithm: str) -> None:
    text = long_text(SUMMARY_LIMIT + 50_000)
    summary = summarize(text, algorithm=algorithm)
    assert summary.read_up_to is not None and summary.read_up_to <= SUMMARY_LIMIT
    assert summary.sentences and all(s.end <= summary.read_up_to for s in summary.sentences)
    assert "first" in partial_note(summary)
    assert summary_from_dict(json.loads(json.dumps(summary_to_dict(summary)))) == summary


def test_a_text_within_the_limit_is_read_whole() -> None:
    summary = summarize(long_text(20_000))
    assert summary.read_up_to is None and partial_note(summary) == ""
    assert "read_up_to" not in summary_to_dict(summary)


def test_skim_show_says_the_summary_read_only_the_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.txt"
    path.write_text("A very long report\n\n" + long_text(SUMMARY_LIMIT + 10_000), encoding="utf-8")
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "add", str(path)]) == 0
    capsys.readouterr()
    assert main([*data, "show", "1", "--no-pager"]) == 0
    assert "Chosen from the first" in capsys.readouterr().out


async def test_the_highlights_panel_says_the_summary_read_only_the_start(
    empty_library: Library,
) -> None:
    draft = ArticleDraft(title="A very long report", body=long_text(SUMMARY_LIMIT + 10_000))
    article_id = empty_library.articles.add(draft).article.id
    app = RecordingApp(empty_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.push_screen(ArticleScreen(article_id))
        await settle(pilot)
        status = app.screen.query_one("HighlightsPanel .panel-status", Label)
        for _ in range(200):
            await pilot.pause(0.05)
            if "Chosen from the first" in str(status.content):
                break
        assert "Chosen from the first" in str(status.content)
        await settle(pilot)
