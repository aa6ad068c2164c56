"""Exports of other services, written for these tests in the shape each service documents
(no user's data), and a library on a fixed clock."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.core.library import Library, open_library

FIXED = datetime(2025, 6, 1, 12, 0, 0, tzinfo=UTC)

HARBOUR_HTML = """<div class="page"><h1>Night ferries return to the harbour</h1>
<p>The night ferry between Tromvik and the outer islands sails again from Monday, the harbour
office said, after a winter in which the last boat left at nine in the evening.</p>
<p>Commuters had asked for the late crossing for two years. <em>It changes everything</em> for
shift workers at the hospital, said Liv Hauge, who chairs the passengers' association.</p>
<p>The operator expects about forty passengers a night in the first month.</p></div>"""

MARKET_HTML = """<p>The covered market on Quay Street will close for repairs in September,
the council said on Tuesday, and reopen before the Christmas fair.</p>
<p>Stallholders will move to the square outside the library while the roof is replaced.</p>"""


def omnivore_zip(path: Path, *, folder: str = "") -> Path:
    """An export zip in the shape Omnivore's exporter wrote: metadata, content, highlights."""
    metadata = [
        {
            "id": "0b6c1a52-1111-4c4b-9a55-000000000001",
            "slug": "night-ferries-return-18f0a1b2c3d",
            "title": "Night ferries return to the harbour",
            "description": "The late crossing is back.",
            "author": "Ingrid Solvang",
            "url": "https://news.example.invalid/ferries",
            "state": "Archived",
            "readingProgress": 100,
            "thumbnail": None,
            "labels": ["ferries", "local news"],
            "savedAt": "2024-11-02T08:30:00.000Z",
            "updatedAt": "2024-11-03T10:00:00.000Z",
            "publishedAt": "2024-11-01T06:00:00.000Z",
        },
        {
            "id": "0b6c1a52-1111-4c4b-9a55-000000000002",
            "slug": "covered-market-18f0a1b2c3e",
            "title": "Covered market to close for repairs",
            "author": None,
            "url": "https://news.example.invalid/market",
            "state": "Succeeded",
            "labels": [],
            "savedAt": "2024-11-05T08:30:00.000Z",
            "publishedAt": None,
        },
        {
            "id": "0b6c1a52-1111-4c4b-9a55-000000000003",
            "slug": "gone-18f0a1b2c3f",
            "title": "Deleted in Omnivore",
            "url": "https://news.example.invalid/gone",
            "state": "Deleted",
            "labels": [],
            "savedAt": "2024-11-06T08:30:00.000Z",
        },
    ]
    highlights = (
        "A note on the whole article.\n\n"
        "> The night ferry between Tromvik and the outer islands sails again from Monday \n\n"
        "#transport #islands\n\n"
        "Finally.\n\n"
        "> It changes everything for\n> shift workers at the hospital \n\n"
        "> A sentence the article no longer has "
    )
    prefix = f"{folder}/" if folder else ""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{prefix}metadata_0_to_3.json", json.dumps(metadata, indent=2))
        archive.writestr(f"{prefix}content/night-ferries-return-18f0a1b2c3d.html", HARBOUR_HTML)
        archive.writestr(f"{prefix}content/covered-market-18f0a1b2c3e.html", MARKET_HTML)
        archive.writestr(f"{prefix}highlights/night-ferries-return-18f0a1b2c3d.md", highlights)
    return path


def wallabag_json(path: Path) -> Path:
    """A JSON export in the shape wallabag writes (its entry fields, trimmed)."""
    entries = [
        {
            "is_archived": 0,
            "is_starred": 1,
            "tags": ["ferries", "transport"],
            "is_public": False,
            "id": 41,
            "title": "Night ferries return to the harbour",
            "url": "https://news.example.invalid/ferries-wb",
            "content": HARBOUR_HTML,
            "created_at": "2024-10-20T09:15:00+02:00",
            "updated_at": "2024-10-21T09:15:00+02:00",
            "published_at": "2024-10-19T07:00:00+02:00",
            "published_by": ["Ingrid Solvang"],
            "annotations": [
                {
                    "user": "reader",
                    "annotator_schema_version": "v1.0",
                    "id": 7,
                    "text": "The point of the piece.",
                    "created_at": "2024-10-20T09:20:00+02:00",
                    "updated_at": "2024-10-20T09:20:00+02:00",
                    "quote": "the last boat left at nine in the evening",
                    "ranges": [
                        {
                            "start": "/p[1]",
                            "startOffset": "120",
                            "end": "/p[1]",
                            "endOffset": "161",
                        }
                    ],
                }
            ],
            "mimetype": "text/html",
            "language": "en",
            "reading_time": 1,
            "domain_name": "news.example.invalid",
            "preview_picture": None,
            "http_status": "200",
            "headers": None,
        },
        {
            "is_archived": 1,
            "is_starred": 0,
            "tags": [],
            "id": 42,
            "title": "Covered market to close for repairs",
            "url": "https://news.example.invalid/market-wb",
            "content": MARKET_HTML,
            "created_at": "2024-10-22T09:15:00+02:00",
            "annotations": [],
        },
    ]
    path.write_text(json.dumps(entries, indent=4), encoding="utf-8")
    return path


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "data", clock=lambda: FIXED)
    yield lib
    lib.close()
