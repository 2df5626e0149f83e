"""winback by keyboard in Chromium, as a person who uses no mouse: the quiz answered and its result, and a day
logged on Daily log. Checked on the way: the quick exit's link is the first tab stop; each
focused control is in view (not under the bar pinned to the top); logging a day takes one Tab per field and then
Save; after "See my result" and after Save, focus is on what happened (the verdict, the saved notice); and what a
screen reader reads (the accessibility tree) names each question and option, and a slider's value in words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import drawn, new_page, rerun, visit
from tests.support.clock import Moment
from tests.support.devserver import Server
from winback import tracker
from winback.content.quiz import load_quiz
from winback.store import Store
from winback.ui import checkin_form, daily_form, frame, state
from winback.vocab import CONTACT_LABELS, MOOD_LABELS, MOODS

pytestmark = [pytest.mark.e2e, pytest.mark.sidelane]

CONTENT = load_quiz()
MAX_STOPS = 40  # Tabs a test presses looking for a control before it calls the control unreachable

# Where focus is, in a few words, and whether it is in view below the bar pinned to the top of the page.
_FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {where: "body", inView: false, key: ""};
  const r = e.getBoundingClientRect();
  const header = document.querySelector('[data-testid="stHeader"]');
  const top = header ? header.getBoundingClientRect().bottom : 0;
  const keyed = e.closest('[class*="st-key-"]');
  const key = keyed ? [...keyed.classList].find((c) => c.startsWith("st-key-")).slice(7) : "";
  return {
    where: (e.getAttribute("aria-label") || e.innerText || e.tagName).trim().slice(0, 80),
    inView: r.bottom > top && r.top >= top - 1 && r.bottom <= window.innerHeight + 1 && r.height > 0,
    key: key,
    role: e.getAttribute("role") || (e.type === "range" ? "slider" : e.tagName.toLowerCase()),
    text: e.getAttribute("aria-valuetext") || "",
  };
}"""


def focus(page: Page) -> dict[str, object]:
    found: dict[str, object] = page.evaluate(_FOCUS)
    return found


def inside(page: Page, key: str) -> bool:
    return bool(page.evaluate("(k) => !!document.activeElement.closest('.st-key-' + k)", key))


def tab_to(page: Page, key: str) -> int:
    """Press Tab until focus is inside the element with ``key``; how many presses it took."""
    for presses in range(1, MAX_STOPS + 1):
        page.keyboard.press("Tab")
        if inside(page, key):
            return presses
    raise AssertionError(f"{key} not reached with {MAX_STOPS} Tabs; focus is on {focus(page)}")


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    page = new_page(browser, viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    yield page
    page.context.close()


def test_the_quiz_by_keyboard_alone(server: Server, tab: Page) -> None:
    visit(tab, f"{server.url}/quiz")
    drawn(tab)
    tab.keyboard.press("Tab")
    assert focus(tab)["where"] == frame.EXIT_LINK_WORDS, "the quick exit is the first tab stop"

    tree = tab.locator("[data-testid='stMain']").aria_snapshot()
    for number, question in enumerate(CONTENT.questions, start=1):
        assert f'radiogroup "{number}. {question.text}"' in tree or f"{number}. {question.text}" in tree, number
        for option in question.options:
            assert option.label in tree, (number, option.label)

    # Each answer by keyboard: Tab into the question's options, Space picks the focused one (the first), and
    # focus stays on it through the run that follows; then Tab on to the next question.
    lost = []
    for question in CONTENT.questions:
        key = state.question(question.id)
        tab_to(tab, key)
        assert focus(tab)["inView"], (question.id, focus(tab))
        with rerun(tab):
            tab.keyboard.press("Space")
        expect(tab.locator(f".st-key-{key}").get_by_role("radio").first).to_be_checked()
        if not inside(tab, key):
            lost.append(question.id)
            tab.locator(f".st-key-{key}").get_by_role("radio").first.focus()
    assert lost == [], f"focus fell back to the page after answering {lost}"
    expect(tab.get_by_text(f"{len(CONTENT.questions)} of {len(CONTENT.questions)} answered")).to_be_visible()

    tab_to(tab, state.QUIZ_SUBMIT)
    with rerun(tab):
        tab.keyboard.press("Enter")
    expect(tab.locator(f".st-key-{state.QUIZ_RESULT}")).to_be_focused()
    verdict = tab.locator(f".st-key-{state.QUIZ_RESULT} [data-testid='stAlert']")
    expect(verdict).to_be_visible()
    assert "alert" in tab.locator(f".st-key-{state.QUIZ_RESULT}").aria_snapshot()


def test_a_day_logged_by_keyboard_alone(server: Server, tab: Page, moment: Moment) -> None:
    visit(tab, f"{server.url}/daily_log")
    drawn(tab)
    tab_to(tab, state.MOOD)
    assert focus(tab)["role"] == "slider"
    # Read in words, as a screen reader says it: the mood's name, never its number.
    default = focus(tab)["text"]
    assert default in MOOD_LABELS.values(), default
    tab.keyboard.press("ArrowRight")
    mood = MOODS[MOODS.index(next(m for m, label in MOOD_LABELS.items() if label == default)) + 1]
    expect(tab.locator(f".st-key-{state.MOOD} input[type='range']")).to_have_attribute(
        "aria-valuetext", MOOD_LABELS[mood]
    )
    assert focus(tab)["inView"]

    # One Tab per field, then Save: Missing my ex, Contact, What I did, Note, Save.
    tab.keyboard.press("Tab")
    assert inside(tab, state.MISSING_EX) and focus(tab)["inView"]
    tab.keyboard.press("ArrowRight")
    tab.keyboard.press("Tab")
    assert inside(tab, state.CONTACT) and focus(tab)["inView"]
    tab.keyboard.press("Tab")
    assert inside(tab, state.ACTIVITIES) and focus(tab)["inView"]
    tab.keyboard.press("Tab")
    assert inside(tab, state.NOTE) and focus(tab)["inView"]
    tab.keyboard.type("Walked by the river")
    tab.keyboard.press("Tab")
    assert focus(tab)["where"] == "Save" and focus(tab)["inView"], focus(tab)
    with rerun(tab):
        tab.keyboard.press("Enter")

    notice = tab.locator(f".st-key-{state.notice_box(daily_form.NOTICES)}")
    expect(notice).to_be_focused()
    expect(notice.get_by_test_id("stAlert")).to_be_visible()
    today: date = moment.today()
    entry = tracker.entry_for(Store(server.data_dir).read("daily_log").frame, today)
    assert entry is not None and entry.mood == mood and entry.note == "Walked by the river"
    assert entry.contact == next(iter(CONTACT_LABELS))
    assert MOOD_LABELS[mood] in notice.inner_text()

    # The next form, in an expander below, keeps its expander open and gets focus on its own notice: the notice
    # above came and went, and nothing after it is drawn afresh.
    tab.get_by_test_id("stExpander").get_by_text("Weekly check-in (optional)", exact=True).click()
    with rerun(tab):
        tab.get_by_role("button", name="Save check-in").click()
    checked = tab.locator(f".st-key-{state.notice_box(checkin_form.NOTICES)}")
    expect(checked.get_by_test_id("stAlert")).to_be_visible()
    expect(checked).to_be_focused()
