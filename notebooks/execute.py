"""Execute every notebook in a clean kernel and write an HTML copy of each to the given folder.

``make notebooks`` runs ``python notebooks/execute.py out/notebooks``. The notebooks are stored without
outputs; the HTML copies carry them. A copy loads nothing from the network: nbconvert's classic template
would fetch jQuery, RequireJS, Mermaid and MathJax from CDNs, which no output here needs (tables, text, PNG
figures, and views that are self-contained pages), so those blocks are left out and a Content-Security-Policy
forbids any request.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from jinja2 import DictLoader
from nbclient import NotebookClient
from nbconvert import HTMLExporter

HERE = Path(__file__).resolve().parent

#: What an HTML copy may do: run and style what it carries inline, show inline images; nothing is fetched.
CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"

_OFFLINE_TEMPLATE = """{%- extends 'classic/index.html.j2' -%}
{%- block html_head_js -%}
<meta http-equiv="Content-Security-Policy" content="CSP">
{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
""".replace("CSP", CONTENT_SECURITY_POLICY)


def execute(path: Path, timeout: int = 300) -> nbformat.NotebookNode:
    """The notebook at ``path``, executed top to bottom in a fresh kernel started in its folder."""
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return notebook


def to_html(notebook: nbformat.NotebookNode, title: str = "Notebook") -> str:
    """An executed notebook as one HTML page, titled ``title``, that loads nothing from the network."""
    exporter = HTMLExporter(template_name="classic", template_file="offline.html.j2",
                            extra_loaders=[DictLoader({"offline.html.j2": _OFFLINE_TEMPLATE})])
    html, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    return html


def main(target: str = "out/notebooks") -> int:
    out = Path(target)
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(HERE.glob("*.ipynb")):
        page = out / path.with_suffix(".html").name
        page.write_text(to_html(execute(path), title=path.stem), encoding="utf-8")
        print(f"executed {path.name} -> {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
