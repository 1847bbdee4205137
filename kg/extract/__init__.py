"""Doc to record: the :class:`~kg.extract.records.Extractor` assembles one
:class:`~kg.types.Extraction` per article from the NLP components' annotations."""

from kg.extract.records import Extractor

__all__ = ["Extractor"]
