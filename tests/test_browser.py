"""What a reader of a report sees, checked in a real browser: headless Chromium (Debian's `chromium` and
`chromium-driver`, which `.ci/run` installs) driven through selenium.

A small notebook written here (the seed, a term explorer, an interactive table) is executed and rendered
exactly as `make report` does it (`helpers.report.execute` and `render_html`). On that page the checker
finds the explorer's points, hovers one and reads its tooltip, clicks one and reads the sentences listed,
searches a term, sorts and searches the table, and records every request the page makes and every
JavaScript error it logs: there must be no request beyond the page's own file (and data:/blob: URLs made in
the page) and no error. The same checker, given pages broken on purpose (the explorer's data, its script,
a script fetched from elsewhere), must report each fault: that is how we know it can fail.

Without a browser the tests are skipped, saying what to install; in CI (`CI` set) they fail instead.
"""
from __future__ import annotations

import html
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import SEEDS

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000"]
INSTALL = "apt-get install -y chromium chromium-driver"
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser():
    chromium, driver_path = _find("chromium", "chromium-browser"), _find("chromedriver")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e .)")
    if not (chromium and driver_path):
        message = f"no headless Chromium here (chromium: {chromium}, chromedriver: {driver_path}); install it: {INSTALL}"
        if os.environ.get("CI"):
            pytest.fail(message + " (.ci/run installs it)")
        pytest.skip(message)
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    profile = tempfile.mkdtemp(prefix="readouts-chromium-")
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


# --- the page under test -------------------------------------------------------------------------

NOTEBOOK_CELLS = [
    ("markdown", "# Browser check\n\nThe seed, a term explorer and an interactive table."),
    ("code", 'corpus = "../seeds"', ["parameters"]),
    ("code", "from helpers import load_corpus\nfrom helpers.explore import table, term_explorer\n"
             "readouts = load_corpus(corpus)"),
    ("code", 'term_explorer(readouts, by="role")'),
    ("code", 'table(readouts.sentences[["sent_id", "speaker", "role", "text"]], caption="sentences", page_length=5)'),
]


@pytest.fixture(scope="module")
def report_page():
    """A notebook executed and rendered to HTML as `make report` does it (in a folder of its own, which no
    other pytest run's clean-up of old temporary folders removes while the browser reads it)."""
    import nbformat
    from helpers.report import execute, render_html
    folder = Path(tempfile.mkdtemp(prefix="readouts-browser-"))
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for kind, source, *tags in NOTEBOOK_CELLS:
        cell = nbformat.v4.new_markdown_cell(source) if kind == "markdown" else nbformat.v4.new_code_cell(source)
        if tags:
            cell.metadata["tags"] = tags[0]
        nb.cells.append(cell)
    source = folder / "notebooks" / "browser_check.ipynb"
    source.parent.mkdir()
    nbformat.write(nb, str(source))
    run = execute(source, folder / "report" / source.name, corpus=SEEDS, progress=False)
    assert not run.error, run.error
    page = run.notebook.with_suffix(".html")
    render_html(run.notebook, page)
    yield page
    shutil.rmtree(folder, ignore_errors=True)


# --- the checker ---------------------------------------------------------------------------------

# Helpers run in the explorer's frame: Bokeh draws inside shadow roots, so queries walk them.
_DEEP = """
window.__deep = function (selector) {
  const out = [];
  const walk = (root) => {
    root.querySelectorAll(selector).forEach((e) => out.push(e));
    root.querySelectorAll('*').forEach((e) => { if (e.shadowRoot) walk(e.shadowRoot); });
  };
  walk(document);
  return out;
};
"""

_POINT = """
const doc = Bokeh.documents[0];
const plot = doc.get_model_by_name('plot'), terms = doc.get_model_by_name('terms');
const view = Bokeh.index.get_one(plot);
const rect = view.canvas_view.el.getBoundingClientRect();
const i = arguments[0];
return {term: terms.data.term[i], n: terms.data.n.length,
        x: rect.left + view.frame.x_scale.compute(terms.data.n[i]),
        y: rect.top + view.frame.y_scale.compute(terms.data.y[i])};
"""


@dataclass
class Findings:
    """What the checker saw on a page; `problems` lists what is wrong, empty for a page that works."""
    requests: list[str] = field(default_factory=list)    # requests that left the page (not file:/data:/blob:)
    errors: list[str] = field(default_factory=list)      # JavaScript errors logged
    problems: list[str] = field(default_factory=list)
    notes: dict = field(default_factory=dict)

    def expect(self, condition: bool, problem: str) -> bool:
        if not condition:
            self.problems.append(problem)
        return bool(condition)


def _drain(driver) -> None:
    driver.get("about:blank")
    driver.get_log("browser")
    driver.get_log("performance")


def _wait(condition, timeout: float = 10.0, step: float = 0.1):
    ends = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > ends:
            return value
        time.sleep(step)


def check_page(driver, page: Path) -> Findings:
    """Open `page` and exercise the explorer and the table in it, recording requests and errors."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    found = Findings()
    _drain(driver)
    driver.get(page.resolve().as_uri())
    frames = _wait(lambda: driver.find_elements(By.CSS_SELECTOR, "iframe.readouts-explorer"), timeout=5) or []
    if found.expect(len(frames) == 1, f"expected one explorer frame, found {len(frames)}"):
        # Pointer positions are given in the window's viewport: the frame's place in it, then the point's in the frame.
        offset = driver.execute_script(
            "const f = arguments[0]; f.scrollIntoView({block: 'start'}); const r = f.getBoundingClientRect();"
            "return [r.left + f.clientLeft, r.top + f.clientTop];", frames[0])
        driver.switch_to.frame(frames[0])
        try:
            _check_explorer(driver, found, ActionChains, offset)
        finally:
            driver.switch_to.default_content()
    _check_table(driver, found, By)
    time.sleep(0.3)
    for entry in driver.get_log("browser"):
        if entry["level"] == "SEVERE":
            found.errors.append(entry["message"])
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            url = (message["params"].get("request") or {}).get("url") or message["params"].get("url", "")
            if not url.startswith(LOCAL_SCHEMES):
                found.requests.append(url)
    found.expect(not found.requests, f"the page made network requests: {found.requests[:5]}")
    found.expect(not found.errors, f"the page logged JavaScript errors: {found.errors[:3]}")
    return found


def _check_explorer(driver, found: Findings, ActionChains, offset) -> None:
    try:
        _exercise_explorer(driver, found, ActionChains, offset)
    finally:
        # the frame's own record of its errors (the browser's log does not carry a sandboxed frame's)
        found.errors.extend(driver.execute_script("return window.readoutsErrors || ['no error record in the frame']"))


def _exercise_explorer(driver, found: Findings, ActionChains, offset) -> None:
    ready = _wait(lambda: driver.execute_script(
        "try { const plot = Bokeh.documents[0].get_model_by_name('plot'); return !!Bokeh.index.find_one(plot); }"
        "catch (error) { return false; }"), timeout=8)
    if not found.expect(ready, "the explorer did not render (no Bokeh plot in its frame)"):
        return
    driver.execute_script(_DEEP)
    canvases = driver.execute_script("return __deep('canvas').filter((c) => c.width > 100).length")
    found.expect(canvases > 0, "the explorer drew no canvas")
    point = driver.execute_script(_POINT, 0)
    at = (int(offset[0] + point["x"]), int(offset[1] + point["y"]))
    found.notes["terms"], found.notes["term"] = point["n"], point["term"]
    found.expect(point["n"] > 10, f"the explorer holds only {point['n']} terms")
    # hover: the tooltip names the term
    actions = ActionChains(driver)
    actions.w3c_actions.pointer_action.move_to_location(*at)
    actions.perform()
    tooltip = _wait(lambda: driver.execute_script(
        "return __deep('.bk-tooltip-content').map((e) => e.textContent).join(' ')"), timeout=5)
    found.notes["tooltip"] = tooltip
    found.expect(point["term"] in (tooltip or ""), f"hovering {point['term']!r} showed no tooltip with it ({tooltip!r})")
    # click: its sentences are listed, the term marked in them
    actions = ActionChains(driver)
    actions.w3c_actions.pointer_action.move_to_location(*at).click()
    actions.perform()
    listed = _wait(lambda: driver.execute_script(
        "return __deep('.sentences li').map((e) => e.textContent)"), timeout=5) or []
    marked = driver.execute_script("return __deep('.sentences mark').map((e) => e.textContent.toLowerCase())")
    found.notes["clicked"] = len(listed)
    if found.expect(listed, f"clicking {point['term']!r} listed no sentences"):
        found.expect(point["term"] in marked, f"the sentences listed for {point['term']!r} do not mark it")
        found.expect(all(" · " in line for line in listed), "a sentence listed lacks its readout and date")
    # search: typing a term selects it and lists its sentences
    target = driver.execute_script(_POINT, min(3, point["n"] - 1))["term"]
    boxes = driver.execute_script("return __deep('input[type=text]')")
    if found.expect(boxes, "the explorer has no search box"):
        boxes[0].send_keys(target)
        heading = _wait(lambda: driver.execute_script(
            "return __deep('.term b').map((e) => e.textContent).join(' ')") == target, timeout=5)
        found.expect(heading, f"searching {target!r} did not show its sentences")
        selected = driver.execute_script(
            "const t = Bokeh.documents[0].get_model_by_name('terms'); return t.selected.indices.map((i) => t.data.term[i])")
        found.expect(target in selected, f"searching {target!r} did not select its point ({selected[:5]})")


def _check_table(driver, found: Findings, By) -> None:
    ready = _wait(lambda: driver.find_elements(By.CSS_SELECTOR, "table.dataTable tbody tr"))
    if not found.expect(ready, "the interactive table did not render"):
        return
    table = driver.find_element(By.CSS_SELECTOR, "table.dataTable")
    headers = [th.text.strip() for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    column = headers.index("speaker") if "speaker" in headers else 0

    def cells():
        return [row.find_elements(By.TAG_NAME, "td")[column].text for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
    header = table.find_elements(By.CSS_SELECTOR, "thead th")[column]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", header)
    header.click()
    ascending = _wait(lambda: "dt-ordering-asc" in header.get_attribute("class") and cells() == sorted(cells()), timeout=5)
    found.expect(ascending, f"clicking the '{headers[column]}' header did not sort the table ({cells()})")
    time.sleep(0.6)  # a second click at once would be a double click
    header.click()
    descending = _wait(lambda: "dt-ordering-desc" in header.get_attribute("class")
                       and cells() == sorted(cells(), reverse=True), timeout=5)
    found.expect(descending, f"clicking the header again did not sort it the other way ({cells()})")
    boxes = driver.find_elements(By.CSS_SELECTOR, "div.dt-search input, .dataTables_filter input")
    if found.expect(boxes, "the table has no search box"):
        boxes[0].send_keys("Lukashenko")
        rows = _wait(lambda: [r.text for r in table.find_elements(By.CSS_SELECTOR, "tbody tr")
                              if "Lukashenko" in r.text] or None, timeout=5)
        found.expect(rows, "searching the table found nothing")


# --- the tests -----------------------------------------------------------------------------------

def test_report_page_works_offline(browser, report_page):
    found = check_page(browser, report_page)
    assert not found.problems, "\n".join(found.problems)
    assert found.notes["clicked"] > 0 and found.notes["terms"] > 10


def _broken(page: Path, old: str, new: str, name: str, count: int = -1) -> Path:
    text = page.read_text(encoding="utf-8")
    assert old in text, f"cannot break the page: {old!r} is not in it"
    out = page.with_name(name)
    out.write_text(text.replace(old, new, count), encoding="utf-8")
    return out


def _in_frame(fragment: str) -> str:
    """How `fragment` reads inside the explorer's srcdoc attribute."""
    return html.escape(fragment, quote=True)


def test_checker_fails_on_broken_explorer_data(browser, report_page):
    """The explorer's data names a model type Bokeh does not have: the chart does not render."""
    page = _broken(report_page, _in_frame('"name":"Select"'), _in_frame('"name":"Selector"'), "broken_data.html")
    found = check_page(browser, page)
    assert any("did not render" in p for p in found.problems), found.problems
    assert found.errors, "the broken data logged no error"


def test_checker_fails_on_broken_explorer_script(browser, report_page):
    """The explorer's click handler writes to the wrong property: a click lists nothing."""
    page = _broken(report_page, _in_frame("panel.text = out;"), _in_frame("panel.txt = out;"), "broken_script.html")
    found = check_page(browser, page)
    assert any("listed no sentences" in p for p in found.problems), found.problems


def test_checker_fails_on_a_network_request(browser, report_page):
    """A script fetched from elsewhere (here a closed port on this machine) is a request the checker sees."""
    page = _broken(report_page, "</head>", '<script src="http://127.0.0.1:9/lib.js"></script></head>', "calls_out.html",
                   count=1)
    found = check_page(browser, page)
    assert any(url.startswith("http://127.0.0.1:9/") for url in found.requests), found.requests
    assert any("network requests" in p for p in found.problems)
