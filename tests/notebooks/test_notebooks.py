"""The analysis notebooks (issue 6): how they are stored, how they read, what they may use and touch.

``make test`` executes every notebook top to bottom in a clean kernel (nbmake: ``notebooks`` is a test path
in ``pyproject.toml``); these tests check what running them alone would not catch.
"""

from __future__ import annotations

import ast
import hashlib
import html.parser
import importlib.util
import re
from pathlib import Path

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager

import graph

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = REPO / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
ISSUE_NOTEBOOKS = ["01-sparql-tour.ipynb", "02-who-matters.ipynb", "03-partnerships.ipynb",
                   "04-time-and-place.ipynb", "05-add-an-article.ipynb"]


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def python_of(cell) -> ast.Module:
    """A code cell as Python (IPython magics such as ``%matplotlib inline`` turned into calls)."""
    return ast.parse(TransformerManager().transform_cell(cell.source))


each_notebook = pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])


def test_every_notebook_the_issue_names_exists():
    assert set(ISSUE_NOTEBOOKS) <= {p.name for p in NOTEBOOKS}


@each_notebook
def test_is_stored_without_outputs(path):
    for index, cell in enumerate(read(path).cells):
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name} cell {index} has outputs"


@each_notebook
def test_opens_with_what_it_answers(path):
    first = read(path).cells[0]
    assert first.cell_type == "markdown"
    assert first.source.startswith("# "), "the first cell is the notebook's title"
    assert "**What this notebook answers:**" in first.source


@each_notebook
def test_ends_with_what_was_found_printed_by_cells(path):
    cells = read(path).cells
    last_markdown = max(i for i, cell in enumerate(cells) if cell.cell_type == "markdown")
    heading = cells[last_markdown].source
    assert heading.splitlines()[0] == "## What we found"
    # figures come from computations: the closing prose quotes none, the cells after it print them
    assert not re.search(r"\d", heading), f"{path.name}: a figure typed into the closing prose"
    closing = cells[last_markdown + 1:]
    assert closing and all(cell.cell_type == "code" for cell in closing)
    assert any("print(" in cell.source for cell in closing)


@each_notebook
def test_uses_only_the_public_api(path):
    public = set(graph.__all__)
    for index, cell in enumerate(read(path).cells):
        if cell.cell_type != "code":
            continue
        where = f"{path.name} cell {index}"
        aliases = {"graph"}
        for node in ast.walk(python_of(cell)):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith("graph."), f"{where} imports {alias.name}"
                    if alias.name == "graph":
                        aliases.add(alias.asname or "graph")
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "graph":
                assert node.module == "graph", f"{where} imports from {node.module}"
                private = {alias.name for alias in node.names} - public
                assert not private, f"{where} imports {', '.join(sorted(private))}, not in graph.__all__"
        for node in ast.walk(python_of(cell)):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
                assert node.attr in public, f"{where} uses graph.{node.attr}, not in graph.__all__"


def test_the_readme_links_every_notebook():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Notebooks\n", 1)[1].split("\n## ", 1)[0]
    for path in NOTEBOOKS:
        assert f"(notebooks/{path.name})" in section, f"README's Notebooks section does not link {path.name}"
    assert "make notebooks" in section


class _Loads(html.parser.HTMLParser):
    """Every URL an element of a page would fetch from another host."""

    def __init__(self):
        super().__init__()
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.external += [value for name, value in attrs
                          if name in ("src", "href", "srcset", "data", "poster") and value
                          and re.match(r"(?:[a-z]+:)?//", value, re.IGNORECASE)]


def test_html_copies_load_nothing_from_the_network():
    spec = importlib.util.spec_from_file_location("execute", NOTEBOOK_DIR / "execute.py")
    execute = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(execute)
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# A title with $x^2$"),
        nbformat.v4.new_code_cell("table", execution_count=1, outputs=[
            nbformat.v4.new_output("execute_result", {"text/html": "<table><tr><td>1</td></tr></table>"},
                                   execution_count=1)]),
    ])
    page = execute.to_html(notebook, title="check")
    loads = _Loads()
    loads.feed(page)
    assert loads.external == []
    assert not re.search(r"""import[^;'"]*['"](?:https?:)?//""", page), "a script imports a module from the network"
    assert f'content="{execute.CONTENT_SECURITY_POLICY}"' in page and "default-src 'none'" in page
    assert "<title>check</title>" in page


def fingerprint(folder: Path) -> str:
    """SHA-256 over every file's relative path and bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@pytest.mark.notebook
@pytest.mark.slow
def test_adding_an_article_leaves_the_repository_data_unchanged(monkeypatch):
    """Notebook 05 ingests an invented article: into a copy of the data folder, never into data/."""
    from nbclient import NotebookClient

    monkeypatch.delenv("BATTERYKG_DATA", raising=False)  # the kernel's default data folder is the repository's
    data = REPO / "data"
    before = fingerprint(data)
    notebook = read(NOTEBOOK_DIR / "05-add-an-article.ipynb")
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK_DIR)}}).execute()
    assert fingerprint(data) == before
    printed = "".join(output.get("text", "") for cell in notebook.cells if cell.cell_type == "code"
                      for output in cell.outputs)
    # the files accepted into the working copy, named by their real path (issue 13, item 4)
    assert re.search(r"wrote /\S*/data/registry/\S+\.ttl", printed), \
        "the notebook no longer accepts anything: the test proves nothing"
    assert "wrote data/registry" not in printed
