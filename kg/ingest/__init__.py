"""Reading articles: text files, CSV/TSV/JSON Lines tables, and folders of them."""

from kg.ingest.datelines import Dateline, find_dateline, iter_datelines
from kg.ingest.dates import parse_date
from kg.ingest.readers import iter_articles, read_article_file, slugify
from kg.ingest.tabular import Columns

__all__ = [
    "Columns",
    "Dateline",
    "find_dateline",
    "iter_articles",
    "iter_datelines",
    "parse_date",
    "read_article_file",
    "slugify",
]
