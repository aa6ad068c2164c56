"""analyze() and the analysis package's public surface: versions and import cost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reader.core.analysis import analysis_version, analyze, split_sentences
from reader.core.results import Analysis, EntityLabel, NumberLabel

ROOT = Path(__file__).resolve().parents[2]

TEXT = (
    "Gov. Tilda Marsh of Oregon said on Tuesday that the state would spend $12 million on the "
    "north pier. Work starts in March 2026 and should take two years.\n\n"
    '"It is about time," said Ana Ruiz, who chairs the Harbour Board.'
)


def test_analyze_returns_offsets_into_the_text() -> None:
    result = analyze(TEXT)
    assert isinstance(result, Analysis)
    assert list(result.sentences) == split_sentences(TEXT)
    assert len(result.sentences) == 3
    entity_labels = {label.value for label in EntityLabel}
    number_labels = {label.value for label in NumberLabel}
    for spans, labels in ((result.entities, entity_labels), (result.numbers, number_labels)):
        starts = [span.start for span in spans]
        assert starts == sorted(starts)
        for span in spans:
            assert 0 <= span.start < span.end <= len(TEXT)
            assert TEXT[span.start : span.end] == span.text
            assert span.label in labels


def test_analyze_passes_its_sentences_to_the_recognisers() -> None:
    from reader.core.analysis.entities import find_entities
    from reader.core.analysis.numbers import find_numbers

    result = analyze(TEXT)
    assert list(result.entities) == find_entities(TEXT, split_sentences(TEXT))
    assert list(result.numbers) == find_numbers(TEXT)
    assert result.entities and result.numbers  # the text has both: the wiring is exercised


def test_analyze_empty_text() -> None:
    assert analyze("") == Analysis((), (), ())


def test_analysis_version_names_each_analyser() -> None:
    from reader.core.analysis import entities, numbers, versions

    version = analysis_version()
    assert version == analysis_version()
    assert (entities.VERSION, numbers.VERSION) == (versions.ENTITIES, versions.NUMBERS)
    for name, number in (
        ("sentences", versions.SENTENCES),
        ("entities", versions.ENTITIES),
        ("numbers", versions.NUMBERS),
    ):
        assert f"{name}-{number}" in version


def test_importing_the_package_loads_no_heavy_modules() -> None:
    """nltk, sumy and numpy load when an analysis runs, not at import (start-up time); the cache
    keys (the versions) load none of the analysers either (``skim show`` of a cached article)."""
    script = (
        "import json, sys\n"
        "import reader.core\n"
        "import reader.core.analysis as analysis\n"
        "analysis.analysis_version(); analysis.summary_version(analysis.DEFAULT_ALGORITHM)\n"
        "heavy = ('nltk', 'sumy', 'numpy', 'reader.core.analysis.entities',\n"
        "         'reader.core.analysis.numbers')\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(heavy))))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    ).stdout
    assert json.loads(output) == []
