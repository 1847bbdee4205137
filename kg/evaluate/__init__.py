"""Measuring the extractor against hand-made gold annotations (``kg eval``)."""

from kg.evaluate.gold import GoldArticle, load_gold
from kg.evaluate.scoring import EvalResult, evaluate_extractions

__all__ = ["EvalResult", "GoldArticle", "evaluate_extractions", "load_gold"]
