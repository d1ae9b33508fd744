"""Issue 18: every test that starts a process says so with a mark, so that `make test-fast` (which leaves the
marked ones out) stays quick. Read from the tests' source: a test, or a fixture of its module it asks for, that
calls one of :data:`STARTERS` must carry a mark of :data:`PROCESS_MARKS`, itself, by its module's ``pytestmark``,
or through a fixture that tests/conftest.py marks for it."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import PROCESS_FIXTURES

TESTS = Path(__file__).resolve().parent

#: What starts a process: the standard library's ways, and the helpers of tests/ built on them.
STARTERS = {"run", "Popen", "check_output", "check_call", "run_cli", "start_serve", "start_oxigraph",
            "start_virtuoso", "NotebookClient", "run_browser_test"}
PROCESS_MARKS = {"subprocess", "server", "browser", "notebook"}


def marks_of(node: ast.AST) -> set[str]:
    """The names of the ``pytest.mark.X`` in a decorator list or a ``pytestmark`` value."""
    return {n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)
            and isinstance(n.value, ast.Attribute) and n.value.attr == "mark"}


def starts_a_process(function: ast.FunctionDef) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            owner = node.func.value.id if isinstance(node.func, ast.Attribute) and \
                isinstance(node.func.value, ast.Name) else None
            if called in STARTERS and (called != "run" or owner == "subprocess"):
                return True
    return False


def unmarked(path: Path, root: Path = TESTS) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module_marks = set()
    functions = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "pytestmark" for t in node.targets):
            module_marks |= marks_of(node.value)
        elif isinstance(node, ast.FunctionDef):
            functions[node.name] = node
    found = []
    for name, function in functions.items():
        if not name.startswith("test_"):
            continue
        asked = {a.arg for a in function.args.args}
        marks = module_marks | marks_of(ast.Module(body=function.decorator_list, type_ignores=[]))
        marks |= {PROCESS_FIXTURES[a] for a in asked if a in PROCESS_FIXTURES}
        starts = starts_a_process(function) or any(starts_a_process(functions[a]) for a in asked if a in functions)
        if starts and not marks & PROCESS_MARKS:
            found.append(f"{path.relative_to(root)}::{name}")
    return found


def test_every_test_that_starts_a_process_is_marked():
    found = [test for path in sorted(TESTS.rglob("test_*.py")) for test in unmarked(path)]
    assert found == [], found


def test_the_check_sees_a_test_that_starts_a_process_unmarked(tmp_path):
    path = tmp_path / "test_example.py"
    source = ("import subprocess, pytest\n\n@pytest.fixture\ndef built():\n    return subprocess.run(['true'])\n\n"
              "def test_a(built):\n    pass\n\n@pytest.mark.subprocess\ndef test_b(built):\n    pass\n")
    path.write_text(source, encoding="utf-8")
    assert unmarked(path, root=tmp_path) == ["test_example.py::test_a"]
