"""Issue 13, items 18 and 19: one way of running the commands throughout the README, and no make target
declared without a recipe."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_item_18_every_command_block_runs_batterykg_the_same_way():
    """In the README and the pages of docs/ beside it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    pages = [text] + [page.read_text(encoding="utf-8") for page in sorted((ROOT / "docs").glob("*.md"))]
    commands = [line for page in pages for block in re.findall(r"```sh\n(.*?)```", page, re.S)
                for line in block.splitlines() if re.search(r"(^|\s)(\S*/)?batterykg\s", line)]
    assert len(commands) > 20
    bare = [line for line in commands if re.search(r"(^|[\s=])batterykg\s", line.split("#")[0])]
    assert bare == [], bare
    assert "source .venv/bin/activate" in text  # the convention is stated once


def test_item_19_every_phony_target_has_a_rule():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY:(.*)$", makefile, re.M).group(1).split()
    defined = set(re.findall(r"^([A-Za-z][\w-]*):", makefile, re.M))
    assert {"views", "analyze"} <= set(phony)
    assert set(phony) <= defined, set(phony) - defined


@pytest.mark.subprocess
def test_item_19_make_views_and_analyze_run_the_verbs():
    for target, verb in (("views", "batterykg views"), ("analyze", "batterykg analyze")):
        dry = subprocess.run(["make", "-n", "-C", str(ROOT), target], capture_output=True, text=True, timeout=60)
        assert dry.returncode == 0 and verb in dry.stdout, dry.stdout + dry.stderr
        assert "Nothing to be done" not in dry.stdout
