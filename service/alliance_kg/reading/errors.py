"""What reading an article can go wrong with; every message names the file or field first.

ValueError
 +-- ReadingError                 a path is missing, or any of the below
      +-- EmptyArticleError       no body text (empty, whitespace only, nothing extracted)
      +-- ArticleTooLargeError    the body or the file is over the size limit
      +-- UnsupportedFileTypeError a named file has a suffix no reader handles
      +-- MalformedInputError     bad JSON or YAML, broken structure, binary data, bad fields
      +-- InvalidDateError        a published date that does not parse
"""

from __future__ import annotations


class ReadingError(ValueError):
    """An article could not be read; the message says which file or field and why."""


class EmptyArticleError(ReadingError):
    """The article has no body text."""


class ArticleTooLargeError(ReadingError):
    """The article body, or the file holding it, is over the size limit."""


class UnsupportedFileTypeError(ReadingError):
    """A file was named whose type no reader handles."""


class MalformedInputError(ReadingError):
    """The input is not what its format promises: bad JSON or YAML, wrong fields, binary data."""


class InvalidDateError(ReadingError):
    """A published date that is neither an ISO date nor a day-month-year in words."""
