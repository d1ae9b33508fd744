"""The endpoint's query page in a real browser (Debian's chromium, headless): saved questions, a table, escaped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.server, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def page(endpoint):
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium to run the browser tests"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        # the page's Content-Security-Policy forbids eval, which Playwright's wait_for_function needs
        opened = browser.new_context(bypass_csp=True).new_page()
        opened.errors, opened.elsewhere, opened.dialogs = [], [], []
        opened.on("pageerror", lambda error: opened.errors.append(str(error)))
        opened.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
        opened.on("request", lambda r: None if r.url.startswith(endpoint) else opened.elsewhere.append(r.url))
        opened.goto(endpoint)
        opened.wait_for_function("document.querySelectorAll('#saved option').length > 15")
        yield opened
        browser.close()


def test_a_saved_question_runs_and_shows_a_table(page):
    page.select_option("#saved", "people")
    assert "work for" in page.text_content("#question")
    page.click("#run")
    page.wait_for_function("document.querySelectorAll('#results tbody tr').length > 0")
    names = page.eval_on_selector_all("#results tbody tr td:nth-child(2)", "cells => cells.map(c => c.textContent)")
    assert names == ["Jeff You", "Tang Wenkan", "Yuan Guohua", "Zhao Tianshou"]
    assert "4 row(s)" in page.text_content("#status")


def test_hostile_text_in_results_stays_text(page):
    hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    page.fill("#query", "SELECT ?x WHERE { BIND(\"" + hostile.replace('"', '\\"') + "\" AS ?x) }")
    page.click("#run")
    page.wait_for_function("document.querySelector('#results td') !== null")
    assert page.text_content("#results td") == hostile
    assert page.query_selector("#results img") is None and page.query_selector("#results script") is None
    assert page.dialogs == []


def test_an_error_is_shown_with_its_status(page):
    page.fill("#query", "SELECT ?x WHERE { ?x ?y }")
    page.click("#run")
    page.wait_for_function("document.querySelector('#status').textContent.startsWith('error')")
    assert "error 400" in page.text_content("#status")


def test_the_page_fetches_nothing_from_elsewhere_and_raises_no_error(page):
    assert page.elsewhere == []
    # the one console error is the 400 of the malformed query, reported by the browser itself
    assert all("status of 400" in e for e in page.errors)
    links = page.eval_on_selector_all("#views a", "links => links.map(a => a.getAttribute('href'))")
    assert links == ["index.html", "views/eco.html"]
