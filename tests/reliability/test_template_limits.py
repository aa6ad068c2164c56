"""L1: nested template sections cannot make a huge file or a RecursionError traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.library import open_library
from reader.core.models import ArticleDraft

BODY = " ".join(f"Sentence number {n} of the report is here." for n in range(40))


def _library_with_highlights(data: Path) -> int:
    library = open_library(data)
    try:
        article_id = library.articles.add(ArticleDraft(title="Report", body=BODY)).article.id
        for n in range(12):
            library.annotations.add_quote(article_id, f"Sentence number {n} of", note="x" * 200)
        return article_id
    finally:
        library.close()


@pytest.mark.parametrize(
    ("depth", "reason"),
    [(8, "million characters for one article"), (3000, "sections nest more than 16 deep")],
)
def test_nested_sections_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], depth: int, reason: str
) -> None:
    article_id = _library_with_highlights(tmp_path / "data")
    template = tmp_path / "nested.md"
    template.write_text(
        "{{#annotations}}" * depth + "{{note}}" + "{{/annotations}}" * depth, encoding="utf-8"
    )
    out = tmp_path / "out"
    export = ["export", str(article_id), "--template", str(template), "--out", str(out)]
    status = main(["--data-dir", str(tmp_path / "data"), *export])
    err = capsys.readouterr().err
    assert status == 1 and reason in err and err.count("\n") == 1
    assert sum(path.stat().st_size for path in out.glob("**/*") if path.is_file()) < 1_000_000
