"""Read public summarisation data (articles with human reference summaries) and split it.

Nothing here ships with skim or is committed: the scripts take a path to data you fetched.
Three layouts are read:

* **CSV** with a text column (``article``, ``text`` or ``document``), a summary column
  (``highlights``, ``summary``, ``y`` or ``abstract``) and optionally ``id``: CNN/DailyMail as
  the usual CSV exports have it (summary sentences one per line).
* **JSON** (a list of objects) or **JSON Lines**, with the same field names.
* a **SumPubMed** folder (``text/text_N.txt``, ``abstract/abstract_N.txt`` and
  ``line_text/text_N.txt``): scientific articles with their abstracts. SumPubMed is lowercased;
  each sentence gets its capital back (the sentences are the lines of ``line_text/``), so the
  sentence splitter sees prose as it is written, and ``<cit>`` markers are removed.

Every record has an id: the file's own (CNN/DailyMail's is the SHA1 of the article's URL), or
the SHA1 of its text. Records are ordered by the SHA1 of their id, so ``--limit N`` is a
deterministic sample, and :func:`part_of` puts each record in the *fit* part or the *held-out*
part by the same hash: a weight is only ever fitted on the fit part.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

TEXT_FIELDS = ("article", "text", "document")
SUMMARY_FIELDS = ("highlights", "summary", "y", "abstract")
# Percent of records (by the hash of their id) in the fit part; the rest are held out.
FIT_PERCENT = 15
PARTS = ("held-out", "fit", "all")

_SECTION_LABEL = re.compile(r"^[A-Z][A-Z ]{2,}$")
# Characters of a known sentence's start that identify it in the text.
_START_KEY = 20
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class Record:
    """One article and its human-written summary.

    Attributes:
        id: the data set's id, or the SHA1 of the text.
        text: the article, paragraphs separated by blank lines.
        reference: the reference summary's sentences.
        genre: ``"news"`` or ``"science"`` (from the layout; the summariser never sees it).
    """

    id: str
    text: str
    reference: tuple[str, ...]
    genre: str


def bucket(record_id: str) -> int:
    """0-99 from the SHA1 of ``record_id``: where the record falls in the fit/held-out split."""
    return int(hashlib.sha1(record_id.encode("utf-8")).hexdigest()[:8], 16) % 100


def hash_order(record_id: str) -> str:
    """The sort key that orders records (and so ``--limit`` samples) by the hash of their id."""
    return hashlib.sha1(record_id.encode("utf-8")).hexdigest()


def part_of(record: Record, fit_percent: int = FIT_PERCENT) -> str:
    """``"fit"`` for about ``fit_percent`` % of records (by hash of the id), else ``"held-out"``."""
    return "fit" if bucket(record.id) < fit_percent else "held-out"


def load(
    path: Path,
    *,
    part: str = "held-out",
    limit: int | None = None,
    exclude_ids: Iterable[str] = (),
    genre: str | None = None,
    fit_percent: int = FIT_PERCENT,
) -> list[Record]:
    """Read ``path`` and keep the records of ``part`` (``"fit"``, ``"held-out"`` or ``"all"``).

    Args:
        path: a CSV, JSON or JSON Lines file, or a SumPubMed folder.
        part: which part of the hash split to keep.
        limit: keep at most this many (the first in hash order).
        exclude_ids: ids never to use (for example the FRANK benchmark's CNN/DailyMail ids).
        genre: overrides the genre the layout implies.
        fit_percent: size of the fit part, in percent.

    Raises:
        ValueError: an unknown part, or a file without the fields needed.
    """
    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}, not {part!r}")
    excluded = {i.strip().lower() for i in exclude_ids if i.strip()}
    records = [
        r
        for r in _read(Path(path))
        if r.id.lower() not in excluded and r.text.strip() and r.reference
    ]
    if genre is not None:
        records = [Record(r.id, r.text, r.reference, genre) for r in records]
    records = _unique(records)
    if part != "all":
        records = [r for r in records if part_of(r, fit_percent) == part]
    records.sort(key=lambda r: hash_order(r.id))
    return records[:limit] if limit is not None else records


def read_ids(path: Path) -> list[str]:
    """The 40-hex ids in a text file (one a line, or anywhere in the text)."""
    return re.findall(r"\b[0-9a-fA-F]{40}\b", Path(path).read_text(encoding="utf-8"))


def _unique(records: list[Record]) -> list[Record]:
    """Drop repeated ids and repeated texts (the first copy stays)."""
    seen: set[str] = set()
    kept = []
    for record in records:
        text_key = hashlib.sha1(" ".join(record.text.split()).encode("utf-8")).hexdigest()
        if record.id in seen or text_key in seen:
            continue
        seen.update((record.id, text_key))
        kept.append(record)
    return kept


def _read(path: Path) -> Iterator[Record]:
    if path.is_dir():
        yield from _read_sumpubmed(path)
    elif path.suffix.lower() == ".csv":
        csv.field_size_limit(1 << 30)
        with path.open(encoding="utf-8", newline="") as handle:
            yield from (_from_row(row, "news") for row in csv.DictReader(handle))
    elif path.suffix.lower() in {".json", ".jsonl"}:
        raw = path.read_text(encoding="utf-8")
        rows = (
            json.loads(raw)
            if raw.lstrip().startswith("[")
            else [json.loads(line) for line in raw.splitlines() if line.strip()]
        )
        yield from (_from_row(row, row.get("genre", "news")) for row in rows)
    else:
        raise ValueError(f"{path}: expected a .csv, .json or .jsonl file or a SumPubMed folder")


def _field(row: Mapping[str, object], names: tuple[str, ...]) -> str:
    for name in names:
        value = row.get(name)
        if isinstance(value, str):
            return value
    raise ValueError(f"a record has none of the fields {', '.join(names)}")


def _from_row(row: Mapping[str, object], genre: str) -> Record:
    text = _field(row, TEXT_FIELDS)
    summary = _field(row, SUMMARY_FIELDS)
    given = row.get("id")
    record_id = given if isinstance(given, str) and given.strip() else _sha1(text)
    return Record(record_id.strip(), text.strip(), _summary_sentences(summary), genre)


def _summary_sentences(summary: str) -> tuple[str, ...]:
    """Reference sentences: one a line when the summary has lines, else split at full stops."""
    lines = [line.strip() for line in summary.splitlines() if line.strip()]
    if len(lines) == 1:
        lines = _SENTENCE_END.split(lines[0])
    return tuple(line for line in lines if not _SECTION_LABEL.match(line))


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _read_sumpubmed(folder: Path) -> Iterator[Record]:
    for text_path in sorted((folder / "text").glob("text_*.txt")):
        number = text_path.stem.split("_", 1)[1]
        abstract_path = folder / "abstract" / f"abstract_{number}.txt"
        if not abstract_path.exists():
            continue
        lines_path = folder / "line_text" / text_path.name
        sentences = lines_path.read_text(encoding="utf-8") if lines_path.exists() else ""
        text = _capitalised(_clean(text_path.read_text(encoding="utf-8")), sentences)
        abstract = _capitalised(_clean(abstract_path.read_text(encoding="utf-8")), "")
        reference = tuple(
            sentence
            for line in abstract.splitlines()
            if line.strip() and not _SECTION_LABEL.match(line.strip())
            for sentence in _SENTENCE_END.split(line.strip())
        )
        yield Record(f"sumpubmed-{number}", text, reference, "science")


def _clean(text: str) -> str:
    """Remove SumPubMed's citation markers and the double spaces its cleaning left behind."""
    text = text.replace("<cit>", "")
    text = re.sub(r"[ \t]+([.,;:])", r"\1", text)
    return re.sub(r"[ \t]{2,}", " ", text)


def _capitalised(text: str, sentence_lines: str) -> str:
    """Give each sentence of lowercased ``text`` a capital first letter.

    A sentence starts at the start of a line, and after ``.``/``?``/``!`` and a space where one
    of the known sentences (``sentence_lines``, one a line) begins; with none known, after every
    such full stop followed by a lowercase letter.
    """
    starts = {
        _clean(line).strip()[:_START_KEY]
        for line in sentence_lines.splitlines()
        if len(line.strip()) >= _START_KEY
    }

    def capital(match: re.Match[str]) -> str:
        following = text[match.end(1) : match.end(1) + _START_KEY]
        if starts and following not in starts:
            return match.group(0)
        return match.group(1) + match.group(2).upper()

    text = re.sub(r"(^[ \t]*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text, flags=re.M)
    return re.sub(r"((?<=[.?!])[ \t]+)([a-z])", capital, text)
