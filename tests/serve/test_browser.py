"""The dashboard in headless Chromium (Debian's chromium + chromedriver) against a real server on the seeds."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.serve.conftest import TOKEN, XSS_RECORD, Live

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
# Screenshots go to a temp dir; `make screenshots` sets KHABAR_SCREENSHOT_DIR=docs to refresh the docs' copies.
DOCS = Path(os.environ.get("KHABAR_SCREENSHOT_DIR") or tempfile.mkdtemp(prefix="khabar-shots-"))
SCREENSHOT = DOCS / "dashboard.png"
FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic", "--disable-extensions",
    "--disable-default-apps", "--hide-scrollbars", "--window-size=1800,1050", "--force-device-scale-factor=1",
    "--lang=en-US",
]  # fmt: skip

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
    pytest.skip(
        f"chromium or chromedriver absent ({CHROMIUM}, {CHROMEDRIVER}); `make setup-test` installs them as root",
        allow_module_level=True,
    )

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    """Headless Chromium with a fresh profile, no network but loopback."""
    profile = tempfile.mkdtemp(prefix="khabar-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        opts.add_argument(flag)
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(options=opts, service=service)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_ready(driver: WebDriver, stamp: str | None = None) -> None:
    """Wait until the dashboard has rendered (after ``stamp``, the previous render's mark)."""
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.body.dataset.ready === '1' && document.body.dataset.loaded")
        not in (None, False, "", stamp)
    )


def loaded(driver: WebDriver) -> str:
    """The mark of the last render."""
    return str(driver.execute_script("return document.body.dataset.loaded || ''"))


def rows(driver: WebDriver) -> list[WebElement]:
    """The event table's rows."""
    return driver.find_elements(By.CSS_SELECTOR, "#events tbody tr[data-event]")


def test_dashboard_filters_and_rtl_evidence(browser: WebDriver, server: Live) -> None:
    browser.get(server.url + "/")
    wait_ready(browser)
    assert browser.find_element(By.ID, "totals").text.startswith("5 documents")
    all_rows = len(rows(browser))
    assert all_rows > 0
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline .bar rect")
    nodes = browser.find_elements(By.CSS_SELECTOR, "#network .node")
    assert len(nodes) >= 3 and browser.find_elements(By.CSS_SELECTOR, "#network line")
    browser.save_screenshot(str(DOCS / "overview.png"))

    # Click the node of Iran: the table keeps only events with IRN as actor or recipient.
    stamp = loaded(browser)
    browser.find_element(By.CSS_SELECTOR, '#network .node[data-code="IRN"] circle').click()
    wait_ready(browser, stamp)
    assert "country=IRN" in browser.current_url
    kept = rows(browser)
    assert 0 < len(kept) < all_rows
    assert all("IRN" in r.get_attribute("data-codes").split() for r in kept)
    assert browser.find_element(By.CSS_SELECTOR, '.chip[data-filter="country"]').is_displayed()

    # Click an actor's name in the table: the table keeps that actor's events.
    stamp = loaded(browser)
    name = kept[0].find_element(By.CSS_SELECTOR, "td.who .name")
    actor = name.text
    name.click()
    wait_ready(browser, stamp)
    kept = rows(browser)
    assert kept and all(actor.lower() in (r.get_attribute("data-names") or "").lower() for r in kept)
    assert browser.find_element(By.CSS_SELECTOR, '.chip[data-filter="actor"]').is_displayed()

    # Open the first event: the mention's sentence is right-to-left, in its language, with marks.
    kept[0].click()
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#detail .mention .rtl-text"))
    para = browser.find_element(By.CSS_SELECTOR, "#detail .mention .rtl-text")
    assert para.get_attribute("dir") == "rtl" and para.get_attribute("lang") in ("fa", "ar")
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", para) == "rtl"
    roles = {m.get_attribute("class") for m in para.find_elements(By.TAG_NAME, "mark")}
    assert {"trigger", "actor"} <= roles
    assert any("\u0600" <= ch <= "\u06ff" for ch in para.text)
    font = browser.execute_script("return document.fonts.check('16px Vazirmatn', arguments[0])", para.text)
    assert font
    browser.save_screenshot(str(SCREENSHOT))

    # The document link shows the raw text, right-to-left, as text.
    browser.find_element(By.ID, "doc-link").click()
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.ID, "doc-text"))
    pre = browser.find_element(By.ID, "doc-text")
    assert pre.get_attribute("dir") == "rtl" and len(pre.text) > 200
    marks = pre.find_elements(By.CSS_SELECTOR, "mark.evidence")
    assert marks and marks[0].get_attribute("data-event")
    doc = httpx.get(server.url + "/api/documents/" + browser.current_url.split("doc=")[1]).json()
    assert pre.text.replace("\n", "") == doc["text"].replace("\n", "")  # marks add no text


def test_untrusted_markup_never_runs(browser: WebDriver, write_server: Live) -> None:
    with httpx.Client(base_url=write_server.url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60) as c:
        rec = {**XSS_RECORD, "id": "xss-browser", "text": XSS_RECORD["text"] + " ۳"}
        body = c.post("/api/documents", json={"records": [rec]}).json()
    event_id = body["event_ids"][0]
    browser.get(f"{write_server.url}/#event={event_id}")
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#detail .mention .rtl-text"))
    para = browser.find_element(By.CSS_SELECTOR, "#detail .mention .rtl-text")
    assert "<img src=x" in para.text
    assert not browser.find_elements(By.CSS_SELECTOR, "#detail img")
    browser.find_element(By.ID, "doc-link").click()
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.ID, "doc-text"))
    assert browser.find_element(By.ID, "doc-text").text.startswith("<script>")
    assert not browser.find_elements(By.CSS_SELECTOR, "#detail script")
    assert browser.execute_script("return window.__xss === undefined")
    rows_text = " ".join(r.text for r in rows(browser))
    assert "onerror" not in rows_text or not browser.find_elements(By.CSS_SELECTOR, "#events img")
