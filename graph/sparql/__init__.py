"""SPARQL for people and programs: the :func:`query` front door, saved questions with safe parameters
(:mod:`~graph.sparql.saved`), and the SPARQL 1.1 Protocol endpoint with its query page
(:mod:`~graph.sparql.server`, ``page/``).

>>> [q.name for q in list_saved()][:2]
['active-organisations', 'attendance']
"""

from __future__ import annotations

from .query import query
from .saved import list_saved, load_saved, run_saved

__all__ = ["query", "list_saved", "load_saved", "run_saved"]
