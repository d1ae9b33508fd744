"""``batterykg``: the command line of battery-kg.

Exit codes: 0 ok; 1 the data does not conform or a check failed; 2 bad input or usage.
Each verb lives in the module of its concept; this module gathers them.
"""

from __future__ import annotations

import sys

import typer

from ..errors import KGError

__all__ = ["app", "main"]

app = typer.Typer(
    name="batterykg",
    help="battery-kg: a knowledge graph of the battery and energy-storage ecosystem.\n\n"
    "Exit codes: 0 ok; 1 the data does not conform or a check failed; 2 bad input or usage.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# Each module adds its verbs to ``app``, in the order ``--help`` lists them.
from . import core, analysis, views, sparql, ingest, bench, run  # noqa: E402,F401,I001


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; turn our errors into a message on stderr and their exit code."""
    try:
        app(args=argv, standalone_mode=True)
    except KGError as exc:
        print(f"batterykg: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
