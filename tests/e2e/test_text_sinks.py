"""Hostile text through every place text from outside winback reaches the screen (tests/support/text_sinks.py),
in Chromium: it is drawn exactly as it is, and never as Markdown, LaTeX, HTML, a link, an image or an icon.

The folder holds a year of sample data plus hostile custom activities, notes, journal notes, quiz answers for
questions no longer in the quiz, an unreadable check-in row, hostile settings and a notice of an undone import
that names hostile files; the import panel gets a Daylio file with hostile mood labels and activity names, and
a refused file that quotes hostile text. On every page and state the test asserts that the browser asked no
other host for anything, that there is no KaTeX, no ``<img>`` and no link the app did not put there, and that
each sink shows the exact hostile text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from itertools import cycle
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request, expect

from tests.support.browser import drawn, progress_view, rerun, visit
from tests.support.clock import Moment
from tests.support.devserver import ROOT, Server, running
from tests.support.text_sinks import SINKS
from winback import activities, journal, quiz, safety, sample, sitemap, tracker, undo
from winback.content.resources import countries
from winback.imports import daylio_plan
from winback.imports.daylio import MOOD_LABEL_LIMIT
from winback.schema import TABLES
from winback.store import Store
from winback.ui import state
from winback.ui.daily_form import chip_label
from winback.ui.widgets import NUMBERS_LABEL, STEP_ICONS
from winback.views import CHART_VIEWS
from winback.vocab import ACTIVITY_NAME_LIMIT, LIFE_AREAS
from winback.words import count_phrase

pytestmark = pytest.mark.e2e

SHOTS = ROOT / "artifacts" / "e2e"
HOSTILE = (
    "![px](http://127.0.0.1:9/pixel.png) **bold** [lnk](http://127.0.0.1:9/x) $x^2$",
    "<img src=http://127.0.0.1:9/a.png>",
    "<script>alert(1)</script>",
    "$$\\int$$",
    ":red[x] :blue-background[y]",
    ":material/home:",
    "[a](javascript:alert(1))",
    "http://127.0.0.1:9/bare",
    "# heading",
    "`code`",
    "back\\slash \\* \\\\ end",
    "first line\nsecond line",
    ":streamlit: :material_home: :smile:",
    "www.example.com me@example.com <http://127.0.0.1:9/auto>",
    "- item -> 1. <= ~= --",
)
# Activity names are one line (typed in a one-line field) of at most ACTIVITY_NAME_LIMIT characters.
NAMES = tuple(text for text in HOSTILE if "\n" not in text and len(text) <= ACTIVITY_NAME_LIMIT)
# Daylio mood labels are a word or two: a longer one refuses the file (imports/daylio.py), so the mood-mapping
# sliders get the hostile strings of a label's length (the short image one among them).
MOODS = (*(text for text in HOSTILE if len(text) <= MOOD_LABEL_LIMIT), "![p](http://127.0.0.1:9/p.png) **b** $x^2$")
# A file name cannot hold "/": the upload's name carries what it can.
UPLOAD_NAME = "![i](x.png) **b** $x^2$ :red[r] `c` <b>.csv"
QUESTION_GONE = "a question no longer in the quiz ({})"
# What winback says about an import a crash stopped, whose notice in the folder names hostile files.
UNDONE = undo.UndoneImport(datetime(2026, 1, 1, 9), HOSTILE, HOSTILE[:2])


@dataclass(frozen=True)
class Folder:
    """What the hostile folder holds, for the checks to look for."""

    path: Path
    today: date
    own: tuple[activities.Activity, ...]
    note: str
    contact_id: str
    daylio: bytes
    refused: bytes


def daylio_file(moods: tuple[str, ...], names: tuple[str, ...], day: date) -> bytes:
    """A Daylio export with one entry per hostile mood label, each with hostile activities and a hostile note."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["full_date", "date", "weekday", "time", "mood", "activities", "note"])
    for number, (mood, name) in enumerate(zip(moods, cycle(names), strict=False)):
        writer.writerow([f"{day.year - 2}-01-{number + 1:02d}", "", "", "20:00", mood, f"{name} | reading", mood])
    return out.getvalue().encode()


def hostile_folder(folder: Path, today: date) -> Folder:
    store = Store(folder)
    sample.write_sample(store, days=365, today=today)
    own = tuple(activities.add_custom(store, n, a) for n, a in zip(NAMES, cycle(LIFE_AREAS), strict=False))
    note = "\n".join(HOSTILE)
    entry = tracker.DailyEntry(today, 4, 2, "none", tuple(a.id for a in own), note)
    tracker.save_entry(store, entry, today)
    # Enough days with the hostile activities for the charts of what the person did to name them.
    for day in tracker.entries(store.read("daily_log").frame):
        if today - timedelta(days=40) < day.day < today:
            did = tuple(dict.fromkeys([*day.activities, *(a.id for a in own)]))
            tracker.save_entry(store, replace(day, activities=did), today)
    contact = journal.JournalEntry(today, "them", "text", "friendly", True, False, note)
    contact_id = journal.save(store, contact, today)
    latest = quiz.latest_verdict(store.read("quiz_attempts").frame)
    assert latest is not None
    gone = [{"attempt_id": latest.attempt_id, "question_id": text, "option_id": "never"} for text in HOSTILE]
    store.upsert("quiz_answers", gone)
    with store.path("checkins").open("a", encoding="utf-8", newline="") as checkins:
        csv.writer(checkins, lineterminator="\n").writerow(["2026-W01", HOSTILE[0], "50", "50", "1", "1"])
    store.write_settings({"country": HOSTILE[0], "theme": HOSTILE[1]})
    notice = {"started": UNDONE.started.isoformat(), "kept": list(UNDONE.kept), "copies": list(UNDONE.copies)}
    (folder / undo.NOTICE_FILE).write_text(json.dumps({"backup": notice}), encoding="utf-8")
    assert [name for name in TABLES if store.read(name).problems] == ["checkins"], "only that row is unreadable"
    refused = (
        b"full_date,time,mood,activities,note\n"
        + "\n".join(
            f'"{text}","{text}",rad,,' for text in ("**x** $y$ [l](http://127.0.0.1:9/r)", "<img src=x>", "`c` :red[r]")
        ).encode()
    )
    return Folder(folder, today, own, note, contact_id, daylio_file(MOODS, NAMES, today), refused)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, moment: Moment) -> Iterator[tuple[Server, Folder]]:
    folder = hostile_folder(tmp_path_factory.mktemp("hostile"), moment.today())
    log = tmp_path_factory.mktemp("logs") / "streamlit.log"
    with running(ROOT / "app.py", folder.path, log, frozen_at=moment.for_server()) as server:
        yield server, folder


@dataclass
class Watch:
    """Every request to another host, every dialog, and which sinks were checked."""

    server: Server
    page: Page
    foreign: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    def start(self) -> Watch:
        own = urlsplit(self.server.url).netloc

        def request(r: Request) -> None:
            if urlsplit(r.url).scheme not in {"data", "blob"} and urlsplit(r.url).netloc != own:
                self.foreign.append(r.url)

        self.page.on("request", request)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        return self

    def open(self, path: str) -> None:
        visit(self.page, f"{self.server.url}/{path}")
        drawn(self.page)

    def inert(self, where: str) -> None:
        """Nothing on the page is Markdown, LaTeX, HTML, a link or an image that the app did not draw itself."""
        drawn(self.page)
        found = self.page.evaluate(_FOUND, [OWN_ICONS, HELP_LINES])
        assert self.foreign == [], f"{where}: requests to another host"
        assert found["katex"] == 0, f"{where}: LaTeX was drawn"
        assert found["images"] == [], f"{where}: images the app did not draw"
        assert found["links"] == [], f"{where}: links the app did not draw"
        assert found["styled"] == [], f"{where}: coloured, badge or shimmering text from data"
        assert found["icons"] == [], f"{where}: Material icons from data"
        assert self.page.get_by_test_id("stException").count() == 0, where
        assert self.dialogs == [], where

    def sink(self, place: str, check: Callable[[], None]) -> None:
        assert place in {s.place for s in SINKS}, f"{place} is not in tests/support/text_sinks.py"
        check()
        self.checked.append(place)


# The app's own links: Streamlit's skip link, the page navigation and page links, the quick exit, and the anchors
# of winback's headings (whose text is literal). Its own images: the bitmaps Plotly draws a heatmap with. Its own
# icons: the step cards'. Anything else came from data.
_FOUND = """([ownIcons, helpLines]) => ({
  katex: document.querySelectorAll('.katex, .katex-display, math').length,
  images: [...document.querySelectorAll('img, image, picture, video, audio, iframe, object, embed')]
    .filter((e) => !(e.closest('[data-testid="stPlotlyChart"]')
      && (e.getAttribute('href') || e.getAttribute('xlink:href') || '').startsWith('data:image/png;')))
    .map((e) => e.outerHTML.slice(0, 200)),
  links: [...document.querySelectorAll('a')]
    .filter((a) => !['stSkipToContent', 'stSidebarNavLink', 'stPageLink-NavLink'].includes(a.dataset.testid))
    .filter((a) => !a.hasAttribute('data-quick-exit') && !a.closest('[data-testid="stHeaderActionElements"]'))
    .filter((a) => !(helpLines.includes(a.getAttribute('href'))
      && a.closest('[class*="st-key-resources_panel"], [class*="st-key-page_failed"], .st-key-low_mood_note')))
    .map((a) => a.outerHTML.slice(0, 200)),
  icons: [...document.querySelectorAll('[data-testid="stMarkdownContainer"] span[role="img"]')]
    .map((e) => e.textContent).filter((name) => !ownIcons.includes(name)),
  styled: [...document.querySelectorAll(
    '.stMarkdownColoredText, .stMarkdownColoredBackground, .stMarkdownBadge, .stMarkdownShimmer')]
    .map((e) => e.outerHTML.slice(0, 200)),
})"""
OWN_ICONS = [icon.removeprefix(":material/").removesuffix(":") for icon in STEP_ICONS.values()]
# The help lines' own links (tel:, sms:, https:), drawn by winback from its content file, in a help box.
HELP_LINES = sorted(
    {safety.href(way) for country in countries().values() for line in country.resources for way in line.ways}
)


def texts(page: Page, selector: str) -> list[str]:
    return [str(t) for t in page.locator(selector).evaluate_all("(all) => all.map((e) => e.textContent)")]


def alerts(page: Page) -> list[str]:
    return texts(page, '[data-testid="stAlert"] [data-testid="stMarkdownContainer"]')


def test_hostile_text_is_shown_exactly_and_never_drawn_as_markup(hostile: tuple[Server, Folder], page: Page) -> None:
    server, folder = hostile
    watch = Watch(server, page).start()
    watch.open(sitemap.TODAY.url_path)
    watch.sink("frame › undone import notice", lambda: _all_in([UNDONE.words()], alerts(page)))
    for spec in sitemap.PAGES:
        watch.open(spec.url_path)
        watch.inert(spec.title)
    daily_log(watch, folder)
    progress(watch, folder)
    quiz_page(watch)
    reconnect(watch, folder)
    import_panel(watch, folder)
    driven = {s.place for s in SINKS if s.driven}
    assert sorted(watch.checked) == sorted(driven), "every sink the inventory says is driven is checked here"


def daily_log(watch: Watch, folder: Folder) -> None:
    page = watch.page
    watch.open("daily_log")
    watch.sink("daily log › note", lambda: expect(page.locator(".st-key-note textarea")).to_have_value(folder.note))
    tags = texts(page, ".st-key-activities [data-tag] > span[title]")
    chips = [chip_label({a.id: a.name for a in folder.own}, a.id) for a in folder.own]
    watch.sink("daily log › activities picked", lambda: _equal(chips, tags))
    watch.sink("daily log › history table", lambda: _cell(page, folder.note))
    watch.sink("daily log › history filter", lambda: _offered(page, [a.name for a in folder.own]))
    watch.inert("daily log")
    _own_activities_open(page)
    names = [page.locator(f".st-key-rename_{a.id} input").input_value() for a in folder.own]
    watch.sink("activities › own activity name", lambda: _equal([a.name for a in folder.own], names))
    watch.sink("activities › duplicate name error", lambda: _duplicates(watch))
    watch.sink("activities › rename error", lambda: _rename(watch, folder))
    shot(page, "hostile-daily-log.png")
    watch.inert("daily log, after the errors")
    watch.sink("data notices › unreadable rows", lambda: _data_notices(watch, folder))


def _cell(page: Page, text: str) -> None:
    """The history table draws on a canvas; its hidden accessible copy holds the cells in view, as text. The
    note is the fourth column, in view as the table opens: wait for a cell holding exactly ``text``."""
    page.get_by_test_id("stDataFrame").scroll_into_view_if_needed()
    page.wait_for_function(_A_CELL_HOLDS, arg=text)


_A_CELL_HOLDS = """(text) => [...document.querySelectorAll('[data-testid="stDataFrame"] td')]
  .some((cell) => cell.textContent === text)"""


def _offered(page: Page, names: list[str]) -> None:
    """Each name is an option of the history filter (typed in, as the list shows only the first few)."""
    field_ = page.locator(".st-key-history_filter input")
    for name in names:
        field_.fill(name)
        expect(page.get_by_role("option", name=name, exact=True)).to_have_count(1)
        _all_in([name], texts(page, "[role='option']"))
    field_.fill("")
    page.keyboard.press("Escape")


def _own_activities_open(page: Page) -> None:
    """Open "Your own activities" if a rerun drew it closed again (Streamlit may redraw an expander whose place
    on the page moved, e.g. when a message appears above it), and wait until its form is there."""
    field_ = page.locator(".st-key-new_activity_name input")
    if not field_.is_visible():
        page.get_by_text("Your own activities", exact=True).click()
    expect(field_).to_be_visible()


def _duplicates(watch: Watch) -> None:
    page = watch.page
    for name in NAMES:
        _own_activities_open(page)
        page.locator(".st-key-new_activity_name input").fill(name)
        with rerun(page):
            page.get_by_role("button", name="Add activity").click()
        drawn(page)  # a message whose Markdown needs a plugin waits behind a placeholder until it has loaded
        _all_in([f"There is already an activity called “{name}”."], alerts(page))
        watch.inert(f"duplicate {name!r}")


def _rename(watch: Watch, folder: Folder) -> None:
    page, first, second = watch.page, folder.own[0], folder.own[1]
    _own_activities_open(page)
    field_ = page.locator(f".st-key-rename_{first.id} input")
    field_.fill(second.name)
    with rerun(page):
        field_.press("Enter")
    drawn(page)
    _all_in([f"There is already an activity called “{second.name}”."], alerts(page))
    watch.inert("rename")


def _data_notices(watch: Watch, folder: Folder) -> None:
    problems = Store(folder.path).read("checkins").problems
    assert problems, "the folder holds an unreadable check-in row"
    shown = "\n".join(texts(watch.page, "[data-testid='stText']"))
    _all_in([p.describe() for p in problems], shown.split("\n"))


def progress(watch: Watch, folder: Folder) -> None:
    page = watch.page
    watch.open("progress")
    labels: list[str] = []
    for view in CHART_VIEWS:
        with rerun(page):
            progress_view(page, view).click()
        watch.inert(f"progress › {view}")
        labels += texts(page, "[data-testid='stPlotlyChart'] svg text")
    # Plotly wraps a long label onto lines at its spaces; the lines hold the name's exact words.
    words = ["".join(label.split()) for label in labels]
    watch.sink("progress › chart labels", lambda: _all_in(["".join(a.name.split()) for a in folder.own], words))
    watch.sink("progress › chart numbers", lambda: _numbers(page, [a.name for a in folder.own]))
    watch.inert("progress › What I did, its numbers open")


def _numbers(page: Page, names: list[str]) -> None:
    """Under What I did's Mood on days with and without, "Show the numbers" is a table holding each hostile name
    exactly. It draws on a canvas; its accessible copy holds the rows in view, so it is scrolled through."""
    with rerun(page):
        progress_view(page, "What I did").click()
    box = f".st-key-{state.chart_numbers('by_activity')}"
    page.locator(box).get_by_text(NUMBERS_LABEL, exact=True).click()
    page.locator(box).get_by_test_id("stDataFrame").scroll_into_view_if_needed()
    page.wait_for_function("(box) => document.querySelector(box + ' td')", arg=box)
    _all_in(names, page.evaluate(_EVERY_CELL, box))


_EVERY_CELL = """async (box) => {
  const scroller = document.querySelector(box + ' .dvn-scroller');
  const rows = Number(document.querySelector(box + ' [aria-rowcount]').getAttribute('aria-rowcount'));
  const last = () => Math.max(...[...document.querySelectorAll(box + ' tr[aria-rowindex]')]
    .map((row) => Number(row.getAttribute('aria-rowindex'))));
  const seen = new Set();
  for (let tries = 0; tries < 400; tries += 1) {
    document.querySelectorAll(box + ' td').forEach((cell) => seen.add(cell.textContent));
    if (last() >= rows) break;
    const before = last();
    scroller.scrollTop += scroller.clientHeight / 2;
    for (let wait = 0; wait < 50 && last() === before; wait += 1) {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  return [...seen];
}"""


def quiz_page(watch: Watch) -> None:
    page = watch.page
    watch.open("quiz")
    page.get_by_test_id("stExpander").first.locator("summary").click()
    shown = texts(page, "[data-testid='stExpander'] li")
    watch.sink("quiz › changed answers", lambda: _all_in([QUESTION_GONE.format(t) for t in HOSTILE], shown))
    watch.inert("quiz › past attempt")


def reconnect(watch: Watch, folder: Folder) -> None:
    page = watch.page
    watch.open("reconnect")
    page.get_by_test_id("stExpander").first.locator("summary").click()
    note = page.locator(f".st-key-journal_{folder.contact_id}_note textarea")
    watch.sink("reconnect › journal note", lambda: expect(note).to_have_value(folder.note))
    watch.inert("reconnect › past contact")


def import_panel(watch: Watch, folder: Folder) -> None:
    page = watch.page
    watch.open("data_privacy")
    with rerun(page):
        page.locator(".st-key-import_kind").get_by_text("A Daylio export (CSV)").click()
    upload(watch, folder.daylio)
    parse = daylio_plan.read_upload(folder.daylio, Store(folder.path), folder.today, {})
    labels = texts(page, "[class*='st-key-mood_map_'] [data-testid='stWidgetLabel']")
    wanted = [f"“{m.label}” ({count_phrase(m.count, 'entry', 'entries')})" for m in parse.unknown_moods]
    watch.sink("import panel › mood mapping slider label", lambda: _equal(sorted(wanted), sorted(labels)))
    assert len(wanted) == len(MOODS)
    plan = daylio_plan.upload_plan(folder.daylio, Store(folder.path), folder.today, {})
    preview = "\n".join(texts(page, ".st-key-import_preview [data-testid='stText']"))
    watch.sink("import panel › preview", lambda: _all_in(list(plan.preview), preview.split("\n")))
    watch.sink("import panel › uploaded file name", lambda: _file_name(page))
    watch.inert("import panel › hostile Daylio file")
    shot(page, "hostile-import-panel.png")
    upload(watch, folder.refused)
    refused = daylio_plan.upload_plan(folder.refused, Store(folder.path), folder.today, {})
    problems = "\n".join(texts(page, "[data-testid='stText']")).split("\n")
    watch.sink("import panel › problems", lambda: _all_in([p.describe() for p in refused.problems], problems))
    watch.inert("import panel › refused file")


def shot(page: Page, name: str) -> None:
    """The whole page: Streamlit scrolls inside its main area, so the window is made as tall as the page."""
    size = page.viewport_size or {"width": 1280, "height": 900}
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(int(height), size["height"])})
    drawn(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name))
    page.set_viewport_size(size)


def upload(watch: Watch, data: bytes) -> None:
    with rerun(watch.page):
        watch.page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
            files=[{"name": UPLOAD_NAME, "mimeType": "text/csv", "buffer": data}]
        )
    drawn(watch.page)


def _file_name(page: Page) -> None:
    """The uploader shows the name as text, shortened in the middle when long; its tooltip holds all of it."""
    chip = page.get_by_test_id("stFileChipName")
    expect(chip).to_have_attribute("title", UPLOAD_NAME)
    shown = str(chip.text_content())
    head, dots, tail = shown.rpartition("...")
    assert shown == UPLOAD_NAME or (dots and UPLOAD_NAME.startswith(head) and UPLOAD_NAME.endswith(tail)), shown


def _equal(wanted: list[str], shown: list[str]) -> None:
    assert shown == wanted


def _all_in(wanted: list[str], shown: list[str]) -> None:
    missing = [w for w in wanted if w not in shown]
    assert missing == [], f"not shown exactly: {missing!r}; shown: {shown!r}"
