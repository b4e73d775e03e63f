"""The read index: SQLite read paths for the REST API, kept true by every write path.

ReadIndexError   the index cannot be opened or written
"""

from alliance_kg.index.read_index import ReadIndex, ReadIndexError
from alliance_kg.index.records import EventFilter
from alliance_kg.index.rows import article_rows

__all__ = ["EventFilter", "ReadIndex", "ReadIndexError", "article_rows"]
