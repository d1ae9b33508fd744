"""The README's first sections tell the truth: its verbs table is complete, its first questions run as shown."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


def section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end]


def blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def test_the_verbs_table_lists_every_verb_with_its_exit_codes(cli):
    shown = cli("--help").stdout
    verbs = set(re.findall(r"^  ([a-z][a-z-]*) ", shown.split("Commands:", 1)[1], re.M))
    assert {"build", "query", "serve", "ingest"} <= verbs
    rows = [line for line in section("The command line").splitlines() if line.startswith("| `")]
    listed = {verb for row in rows for verb in re.findall(r"`([a-z-]+)`", row.split(" | ")[0])}
    assert listed == verbs
    for row in rows:
        assert row.rstrip(" |").rsplit(" | ", 1)[1].strip(), f"no exit codes for {row.split(' | ')[0]}"


def test_the_first_questions_answer_as_the_readme_says(cli, seed_output):
    commands = [shlex.split(command)[1:] for block in blocks(section("Your first SPARQL question"), "sh")
                for command in [block.strip()]]
    assert len(commands) == 2
    partners, evidence = (cli(*args, "--out", str(seed_output.root), "--format", "csv") for args in commands)
    assert partners.returncode == evidence.returncode == 0, partners.stderr + evidence.stderr
    assert set(partners.stdout.splitlines()[1:]) == {"ACE Battery", "Tecloman", "Solarspace", "Harmontronics",
                                                         "Schneider Electric"}
    assert "EXENCELL teamed up with 27 key partner companies" in evidence.stdout
    assert "000_f60388011d6d32ce" in evidence.stdout


def test_the_standard_vocabulary_questions_find_our_data(cli, seed_output):
    queries = [line for block in blocks(section("Your first SPARQL question"), "sparql")
               for line in block.strip().splitlines()]
    assert len(queries) == 2
    for sparql in queries:
        result = cli("query", "--out", str(seed_output.root), sparql, "--format", "csv")
        assert result.returncode == 0, result.stderr
        assert len(result.stdout.strip().splitlines()) > 10, sparql


@pytest.mark.subprocess
def test_the_python_example_runs(seed_output, tmp_path):
    (code,) = blocks(section("Your first SPARQL question"), "python")
    env = {**os.environ, "BATTERYKG_OUT": str(seed_output.root)}
    env.pop("BATTERYKG_STORE", None)
    done = subprocess.run([sys.executable, "-c", code + "\nprint(len(result.rows), result.records()[0])"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    count, first = done.stdout.split(" ", 1)
    assert int(count) >= 10 and first.startswith("{'name': ")  # every company, as records
