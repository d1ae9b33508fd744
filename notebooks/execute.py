"""Execute every notebook in a clean kernel and write an HTML copy of each to the given folder.

``make notebooks`` runs ``python notebooks/execute.py out/notebooks``. The notebooks are stored without
outputs; the HTML copies carry them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

HERE = Path(__file__).resolve().parent


def execute(path: Path, timeout: int = 300) -> nbformat.NotebookNode:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return notebook


def main(target: str = "out/notebooks") -> int:
    out = Path(target)
    out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="classic")
    for path in sorted(HERE.glob("*.ipynb")):
        notebook = execute(path)
        html, _ = exporter.from_notebook_node(notebook)
        (out / path.with_suffix(".html").name).write_text(html, encoding="utf-8")
        print(f"executed {path.name} -> {out / path.with_suffix('.html').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
