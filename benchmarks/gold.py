"""Load the gold standard: ``.gold`` files with one sentence a line and inline ``{text|LABEL}`` marks.

The format is described in ``benchmarks/gold/GUIDELINES.md``. Parsing is strict: a malformed file
raises :class:`GoldFormatError` naming the file and line, so a typo in the annotations cannot
silently change the benchmark's figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import SkimError
from reader.core.results import EntityLabel, NumberLabel, Span

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SPLITS = ("dev", "test")
ENTITY_LABELS = frozenset(label.value for label in EntityLabel)
NUMBER_LABELS = frozenset(label.value for label in NumberLabel)

_SOURCE_KEY = "#source:"
_EXCERPT_KEY = "#excerpt:"
_ESCAPABLE = "{}|\\"


class GoldFormatError(SkimError):
    """A gold file does not follow the format; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One annotated document.

    Attributes:
        name: where it came from (file path or a name given to :func:`parse_gold`).
        text: the plain text: sentences joined by a space, paragraphs by a blank line.
        sentences: (start, end) of each sentence in ``text``.
        entities: PERSON, ORG, PLACE and GROUP mentions, in text order.
        numbers: CARDINAL, MONEY, PERCENT, DATE, TIME, ORDINAL and QUANTITY mentions, in text order.
        source: the sample article this is the body of (``sample_articles/<file>``), if any.
        excerpt_of: the sample article whose body *begins* with this text, if any (a long
            article annotated only in part); the value may add a note after the path.
    """

    name: str
    text: str
    sentences: list[tuple[int, int]]
    entities: list[Span]
    numbers: list[Span]
    source: str | None = None
    excerpt_of: str | None = None


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int  # offsets relative to the sentence's plain text
    end: int
    label: str


def _parse_sentence(line: str, where: str) -> tuple[str, list[_Mention]]:
    """Turn one annotated line into its plain text and the mentions it marks."""
    out: list[str] = []
    mentions: list[_Mention] = []
    mention_start: int | None = None  # plain-text offset of the open mention, if inside one
    label_chars: list[str] | None = None  # collecting the label after "|"
    i = 0
    while i < len(line):
        char = line[i]
        if char == "\\":
            if i + 1 >= len(line) or line[i + 1] not in _ESCAPABLE:
                raise GoldFormatError(f"{where}: a backslash must escape one of {{ }} | \\")
            if label_chars is not None:
                raise GoldFormatError(f"{where}: escapes are not allowed inside a label")
            out.append(line[i + 1])
            i += 2
            continue
        if char == "{":
            if mention_start is not None:
                raise GoldFormatError(
                    f"{where}: nested '{{' (mentions cannot nest; escape as \\{{)"
                )
            mention_start = len("".join(out))
            label_chars = None
        elif char == "|":
            if mention_start is None:
                raise GoldFormatError(f"{where}: '|' outside a mention (escape it as \\|)")
            if label_chars is not None:
                raise GoldFormatError(f"{where}: two '|' in one mention")
            label_chars = []
        elif char == "}":
            if mention_start is None:
                raise GoldFormatError(f"{where}: unbalanced '}}' (escape a literal one as \\}})")
            mentions.append(_close_mention(out, mention_start, label_chars, where))
            mention_start, label_chars = None, None
        elif label_chars is not None:
            label_chars.append(char)
        else:
            out.append(char)
        i += 1
    if mention_start is not None:
        raise GoldFormatError(f"{where}: unbalanced '{{' (the mention is not closed on this line)")
    return "".join(out), mentions


def _close_mention(
    out: list[str], start: int, label_chars: list[str] | None, where: str
) -> _Mention:
    """Check a just-closed mention and return it."""
    text = "".join(out)
    mention = text[start:]
    if label_chars is None:
        raise GoldFormatError(f"{where}: mention {{{mention}}} has no '|LABEL'")
    label = "".join(label_chars)
    if not mention:
        raise GoldFormatError(f"{where}: empty mention with label {label!r}")
    if mention != mention.strip():
        raise GoldFormatError(f"{where}: mention {mention!r} starts or ends with white space")
    if label not in ENTITY_LABELS and label not in NUMBER_LABELS:
        known = ", ".join(sorted(ENTITY_LABELS | NUMBER_LABELS))
        raise GoldFormatError(f"{where}: unknown label {label!r} (known: {known})")
    return _Mention(start, len(text), label)


def _split_header(lines: list[str], name: str) -> tuple[dict[str, str], int]:
    """Read the ``#`` header; return its ``#key: value`` lines and the index of the first body line."""
    header: dict[str, str] = {}
    index = 0
    while index < len(lines) and lines[index].startswith("#"):
        line = lines[index]
        for key in (_SOURCE_KEY, _EXCERPT_KEY):
            if line.startswith(key) and line[len(key) :].strip():
                header[key] = line[len(key) :].strip()
        index += 1
    if index and index < len(lines) and lines[index].strip():
        raise GoldFormatError(f"{name}:{index + 1}: the '#' header must end with a blank line")
    return header, index


def parse_gold(content: str, name: str = "<gold>") -> GoldDocument:
    """Parse the text of a ``.gold`` file.

    Args:
        content: the file's text.
        name: what to call the file in error messages.

    Returns:
        The document with its plain text and gold spans.

    Raises:
        GoldFormatError: the text does not follow the format (message gives ``name:line``).
    """
    lines = content.replace("\r\n", "\n").split("\n")
    header, index = _split_header(lines, name)
    paragraphs: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(lines[index:], start=index + 1):
        if not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        if line != line.strip():
            raise GoldFormatError(f"{name}:{number}: line starts or ends with white space")
        paragraphs[-1].append((number, line))
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    if not paragraphs:
        raise GoldFormatError(f"{name}: no text")

    parts: list[str] = []
    sentences: list[tuple[int, int]] = []
    entities: list[Span] = []
    numbers: list[Span] = []
    offset = 0
    for p_index, paragraph in enumerate(paragraphs):
        for s_index, (number, line) in enumerate(paragraph):
            if s_index:
                parts.append(" ")
                offset += 1
            elif p_index:
                parts.append("\n\n")
                offset += 2
            plain, mentions = _parse_sentence(line, f"{name}:{number}")
            if plain != plain.strip():
                raise GoldFormatError(f"{name}:{number}: sentence starts or ends with white space")
            sentences.append((offset, offset + len(plain)))
            for mention in mentions:
                span = Span(
                    offset + mention.start,
                    offset + mention.end,
                    mention.label,
                    plain[mention.start : mention.end],
                )
                (entities if mention.label in ENTITY_LABELS else numbers).append(span)
            parts.append(plain)
            offset += len(plain)
    excerpt = header.get(_EXCERPT_KEY)
    return GoldDocument(
        name,
        "".join(parts),
        sentences,
        entities,
        numbers,
        source=header.get(_SOURCE_KEY),
        excerpt_of=excerpt.split()[0] if excerpt else None,
    )


def load_gold(path: str | Path) -> GoldDocument:
    """Read and parse one ``.gold`` file.

    Raises:
        GoldFormatError: the file cannot be read as UTF-8 or is malformed.
    """
    path = Path(path)
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise GoldFormatError(f"{path}: not UTF-8 text ({error.reason})") from error
    except OSError as error:
        raise GoldFormatError(f"{path}: cannot be read ({error.strerror})") from error
    return parse_gold(content, str(path))


def load_split(name: str, root: Path = GOLD_DIR) -> list[GoldDocument]:
    """Load every ``.gold`` file of a split ("dev" or "test"), sorted by file name.

    Raises:
        GoldFormatError: unknown split, no files, or a malformed file.
    """
    if name not in SPLITS:
        raise GoldFormatError(f"unknown gold split {name!r}: use one of {', '.join(SPLITS)}")
    files = sorted((root / name).glob("*.gold"))
    if not files:
        raise GoldFormatError(f"{root / name}: no .gold files in this split")
    return [load_gold(path) for path in files]
