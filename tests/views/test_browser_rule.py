"""Without chromium the browser tests are skipped with a reason, except under CI=true, where they fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.subprocess

REPO = Path(__file__).resolve().parents[2]


def run_browser_test(tmp_path, **env) -> subprocess.CompletedProcess:
    """One browser test, in a child pytest whose chromium does not exist."""
    child_env = {k: v for k, v in os.environ.items() if k != "CI"}
    child_env.update(BATTERYKG_CHROMIUM=str(tmp_path / "no-chromium"), **env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "tests/views/test_browser.py::test_a_view_renders_inside_a_notebook_iframe",
         "-q", "-rs", "-p", "no:cacheprovider", "-p", "no:nbmake", "-o", "addopts=--import-mode=importlib"],
        cwd=REPO, env=child_env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(("ci", "outcome", "code"), [(None, "1 skipped", 0), ("true", "1 error", 1)])
def test_missing_chromium_skips_with_a_reason_and_fails_under_ci(tmp_path, ci, outcome, code):
    done = run_browser_test(tmp_path, **({"CI": ci} if ci else {}))
    assert done.returncode == code, done.stdout + done.stderr
    assert outcome in done.stdout
    assert "no-chromium is missing: install Debian's chromium (`make browser`)" in done.stdout
