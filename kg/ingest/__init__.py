"""Reading articles: text files and folders of them."""

from kg.ingest.readers import iter_articles, read_article_file, slugify

__all__ = ["iter_articles", "read_article_file", "slugify"]
