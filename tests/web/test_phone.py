"""Every view fits a phone held upright (390×844) without sideways scrolling (issue 13, item 14)."""

from __future__ import annotations

import pytest

from tests.web.conftest import Site, screenshot
from tests.web.test_dashboard import wait_ready

VIEWS = {
    "overview": "#/",
    "event": "#/event/TEV0003",
    "actor": "#/actor/GATIA%3A%20Imghad%20Tuareg%20and%20Allies%20Self-Defense%20Group",
    "agreements": "#/agreements",
    "agreement": "#/agreements/mali-2015",
}
WIDTH = 390

# Elements reaching past the screen's right edge, leaving out those inside a box that scrolls
# sideways on its own (a wide table or the map): such a box fits, the page itself does not move.
OVERFLOW = """() => {
    const doc = document.documentElement;
    const inScroller = el => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
            if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) return true;
        }
        return false;
    };
    const wide = [...document.querySelectorAll('body *')].filter(el => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > doc.clientWidth + 1 && getComputedStyle(el).position !== 'fixed'
            && !inScroller(el);
    }).slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right));
    return {scroll: doc.scrollWidth, client: doc.clientWidth, wide};
}"""


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("name", list(VIEWS))
def test_view_fits_a_phone(page, site: Site, name: str, language: str) -> None:
    page.set_viewport_size({"width": WIDTH, "height": 844})
    page.evaluate(f"() => localStorage.setItem('peacewatch.lang', '{language}')")
    page.goto(f"{site.url}/{VIEWS[name]}")
    page.reload()  # the language is read when the page loads; a hash change alone does not reload
    wait_ready(page)
    page.get_by_role("button", name="Reviewer token" if language == "en" else "Jeton de relecteur").click()
    found = page.evaluate(OVERFLOW)
    assert found["scroll"] <= WIDTH and not found["wide"], found
    if language == "en":
        screenshot(page, f"phone-{name}")


def test_docs_page_fits_a_phone(page, site: Site) -> None:
    page.set_viewport_size({"width": WIDTH, "height": 844})
    page.goto(f"{site.url}/docs")
    found = page.evaluate(OVERFLOW)
    assert found["scroll"] <= WIDTH and not found["wide"], found
