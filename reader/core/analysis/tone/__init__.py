"""An article's tone: a one-word label with its evidence, sentence stances and quotes.

``label`` decides the label (Neutral, Opinionated, Provocative, Alarming); ``opinion`` marks each
sentence as OPINION or REPORT; ``markers`` finds the cues both use (word lists in ``data/``);
``quotes`` finds quotations and their speakers.
"""

from __future__ import annotations

from reader.core.analysis.tone.label import Tone, ToneLabel, tone

__all__ = ["Tone", "ToneLabel", "tone"]
