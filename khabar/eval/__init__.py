"""Evaluation: the gold scorer (core/typed/strict), the GSR detection scorer and the quality gate.

``khabar eval`` (``khabar.eval.command.eval_command``) is the command line over them.
"""

from __future__ import annotations

from khabar.eval.gsr import load_gsr, score_gsr
from khabar.eval.scorer import load_gold, report, score_file

__all__ = ["load_gold", "load_gsr", "report", "score_file", "score_gsr"]
