"""The first questions (docs/first-questions.md, linked from the README's) tell what the real graph says (issue 15, item 6): every command there runs
on the shipped data, every output excerpt is what it prints, and every figure of the prose is printed by one
of the commands — so the section cannot go stale silently when the data changes."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from graph import build
from graph.folders import DataLayout

REPO = Path(__file__).resolve().parents[2]
BOX = re.compile(r"[│┃┏┓┗┛┡┩└┘┳┻╇━─┼┬┴├┤]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def section(title: str = "First questions", page: str = "docs/first-questions.md") -> str:
    text = (REPO / page).read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    return text[start:text.find("\n## ", start + 1)]


def normal(text: str) -> str:
    """Text without table borders, its whitespace collapsed: what a table row says, however wide it is drawn."""
    return " ".join(BOX.sub(" ", text).split())


def questions(text: str) -> list[tuple[str, list[str]]]:
    """Each ``sh`` block of the section with the lines of the ``text`` block that follows it (its excerpt)."""
    found = re.findall(r"```sh\n(.*?)```\s*```text\n(.*?)```", text, re.S)
    return [(commands, [line for line in excerpt.splitlines() if line.strip() not in ("", "…", "...")])
            for commands, excerpt in found]


def prose(text: str) -> str:
    """The section without its code blocks, inline code, link targets and the notebooks' numbers."""
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"[Nn]otebook \[?\d+", " ", text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> list[tuple[str, list[str], str]]:
    """Each question's commands, excerpt and what the commands print on the shipped data, built afresh."""
    out = tmp_path_factory.mktemp("real-build")
    assert build(DataLayout.default(), out).conforms
    env = {**os.environ, "BATTERYKG_OUT": str(out)}
    env.pop("BATTERYKG_STORE", None)
    answers = []
    for commands, excerpt in questions(section()):
        done = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", commands], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"{commands}\n{done.stderr}"
        answers.append((commands, excerpt, done.stdout))
    return answers


def test_the_readme_asks_them_and_links_the_answers():
    text = section(page="README.md")
    assert "(docs/first-questions.md)" in text and "--saved investment-by-city-and-year" in text


def test_the_section_asks_the_questions_of_the_issue():
    text = section()
    assert len(questions(text)) >= 5
    for command in ("analyze --network partnership -m betweenness", "-m communities",
                    "--saved investment-by-city-and-year", "--saved companies-in-both-places", "--until"):
        assert command in text, command
    assert "notebooks/06-the-regional-chain.ipynb)" in text


@pytest.mark.slow
@pytest.mark.subprocess
def test_every_excerpt_is_what_its_command_prints(printed):
    for commands, excerpt, stdout in printed:
        shown = normal(stdout)
        for line in excerpt:
            assert normal(line) in shown, f"{commands.strip()}\nno longer prints: {line}"


@pytest.mark.slow
@pytest.mark.subprocess
def test_every_figure_of_the_prose_is_printed_by_a_command(printed):
    tokens = {number for _, _, stdout in printed for number in NUMBER.findall(stdout)}
    figures = NUMBER.findall(prose(section()))
    assert figures, "the prose quotes no figure: the test would prove nothing"
    assert [figure for figure in figures if figure not in tokens] == []
