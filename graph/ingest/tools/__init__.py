"""Maintenance tools for the bundled knowledge, run by hand (``python -m graph.ingest.tools.<name>``), never at run
time. Packages they need only to regenerate a data file are named in their docstrings, not in ``pyproject.toml``."""
