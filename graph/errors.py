"""One family of errors, each with the exit code the CLI gives it.

Exit codes follow pySHACL: 0 ok, 1 the data does not conform or a check failed, 2 bad input or usage.

>>> issubclass(ParseError, KGError), ParseError.exit_code, DataNotConformError.exit_code
(True, 2, 1)
"""

from __future__ import annotations

__all__ = [
    "NotConnectedError",
    "KGError",
    "ParseError",
    "DataNotConformError",
    "NotBuiltError",
    "QueryError",
    "UnknownEntityError",
    "StoreError",
    "UsageError",
]


class KGError(Exception):
    """Root of every error battery-kg raises on purpose."""

    exit_code = 2


class ParseError(KGError):
    """An input file cannot be read: malformed Turtle, bad JSON, undecodable bytes.

    The message names the file and, where the parser gives it, the line.
    """


class DataNotConformError(KGError):
    """The data was read but breaks the shapes or the provenance rules."""

    exit_code = 1

    def __init__(self, message: str, violations: list | None = None):
        super().__init__(message)
        self.violations = violations or []


class NotBuiltError(KGError):
    """The graph has not been built yet where a command looks for it."""


class QueryError(KGError):
    """A SPARQL query is malformed or cannot be answered."""


class UnknownEntityError(KGError):
    """A name matches no entity, or more than one."""

    def __init__(self, message: str, candidates: list[str] | None = None):
        super().__init__(message)
        self.candidates = candidates or []


class StoreError(KGError):
    """The store cannot be reached or answered with an error."""


class UsageError(KGError):
    """The command was called with arguments that do not fit."""


class NotConnectedError(KGError):
    """Two entities have no path between them (a check that failed: exit 1)."""

    exit_code = 1
