"""Analysis of the graph with networkx."""

from kg.analyze.network import summarize, to_networkx

__all__ = ["summarize", "to_networkx"]
