"""Analysis and every summary algorithm work with no NLTK data and no network.

The check runs in a fresh interpreter so nothing loaded by other tests can help: NLTK_DATA points
to an empty directory, ``nltk.data.path`` is emptied, ``nltk.download`` and socket creation raise.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, socket

def refuse(*args, **kwargs):
    raise OSError("network access attempted during offline analysis")

class NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        refuse()

socket.socket = NoSocket
socket.create_connection = refuse
socket.getaddrinfo = refuse

import nltk
nltk.data.path.clear()

def no_download(*args, **kwargs):
    raise AssertionError("nltk.download was called")

nltk.download = no_download

from reader.core.analysis import ALGORITHMS, analyze, summarize

text = (
    "Gov. Tilda Marsh said on Tuesday that the state would spend $12 million on the north "
    "pier. \"Is it enough?\" she asked. Work starts in March and takes two years.\n\n"
    "The harbour board, led by Dr. Ana Ruiz, backed the plan. Fishing crews welcomed it. "
    "Residents wanted a park instead, but the pier vote settled the dispute."
)
result = analyze(text)
summaries = {
    algorithm: [s.index for s in summarize(text, algorithm=algorithm, sentence_spans=result.sentences).sentences]
    for algorithm in ALGORITHMS
}
print(json.dumps({
    "sentences": len(result.sentences),
    "numbers": len(result.numbers),
    "summaries": summaries,
    "nltk_path": list(nltk.data.path),
}))
"""


def test_analysis_and_summaries_need_no_data_and_no_network(tmp_path: Path) -> None:
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "NLTK_DATA": str(empty),
        "HOME": str(tmp_path),  # no ~/nltk_data either
    }
    completed = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, env=env
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout)
    assert report["nltk_path"] == []
    assert report["sentences"] == 6
    assert report["numbers"] > 0
    assert set(report["summaries"]) == {
        "luhn",
        "edmundson",
        "lsa",
        "lexrank",
        "textrank",
        "sumbasic",
        "kl",
        "reduction",
        "lead",
        "skim",
    }
    assert all(len(indices) == 3 for indices in report["summaries"].values())
    assert list(empty.iterdir()) == []  # nothing was downloaded into it
