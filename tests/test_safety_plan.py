"""The safety plan (winback.safety_plan): the answers as one plain text with the country's help lines, and a plan
kept in the folder only by store_plan, where delete, delete-everything, the export and the import know it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from winback import dataio, safety_plan, sample
from winback.content.safety_plan import load_safety_plan
from winback.imports.plan import apply_plan
from winback.imports.winback_zip import PLAN_NOT_RESTORED, read_export_zip
from winback.safety import resources_for
from winback.schema import SAFETY_PLAN_FILE
from winback.store import Store

CONTENT = load_safety_plan()
HOSTILE = "Sam **07700 900123** <b>bold</b> [x](https://example.com)\x00"


def test_nothing_answered_gives_the_to_do_lists_and_the_help_lines_only() -> None:
    text = safety_plan.plan_text(CONTENT, {}, resources_for("uk"))
    assert text.startswith(CONTENT.title + "\n\n")
    headings = [s.heading for s in CONTENT.steps]
    assert "People I can call" in headings and "People I can call" not in text
    assert "[ ] Some money of my own" in text
    assert "Help lines (United Kingdom)\n" in text
    assert "National Domestic Abuse Helpline: Call 0808 2000 247 (free, 24/7)." in text
    assert "findahelpline" not in text


def test_answers_are_written_as_typed_under_their_questions() -> None:
    answers: dict[str, str | bool] = {
        "people_who": HOSTILE + "\n  Mum, 01632 960000  \n\n",
        "code_word": "blue umbrella",
        "ready_money": True,
        "ready_keys": False,
        "places_how": "",
    }
    text = safety_plan.plan_text(CONTENT, answers, resources_for("us"))
    assert "Who I can call or text, and how to reach them:\n    " + HOSTILE.replace("\x00", "") + "\n      Mum" in text
    assert "Our code word: blue umbrella\n" in text
    assert "[x] Some money of my own\n[ ] Spare keys (home, car)" in text
    assert "How I would get there" not in text, "an empty answer is left out"
    assert "National Domestic Violence Hotline: Call 1-800-799-7233 or text START to 88788." in text


def test_a_plan_is_kept_read_back_listed_and_deleted(tmp_path: Path) -> None:
    store = Store(tmp_path)
    assert safety_plan.stored_plan(store) is None
    assert safety_plan.delete_stored_plan(store) is False
    safety_plan.store_plan(store, "My plan\n")
    assert (tmp_path / SAFETY_PLAN_FILE).read_text(encoding="utf-8") == "My plan\n"
    assert safety_plan.stored_plan(store) == "My plan\n"
    assert SAFETY_PLAN_FILE in [p.name for p in store.files()]
    assert safety_plan.delete_stored_plan(store) is True
    assert not (tmp_path / SAFETY_PLAN_FILE).exists()


def test_delete_everything_removes_a_kept_plan(tmp_path: Path) -> None:
    store = Store(tmp_path)
    safety_plan.store_plan(store, "My plan\n")
    assert dataio.delete_everything(store) == 1
    assert not (tmp_path / SAFETY_PLAN_FILE).exists()


def test_the_export_holds_the_plan_only_when_it_is_kept(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sample.write_sample(store, days=3)
    assert SAFETY_PLAN_FILE not in zipfile.ZipFile(io.BytesIO(dataio.export_zip(store))).namelist()
    safety_plan.store_plan(store, "My plan\n")
    exported = zipfile.ZipFile(io.BytesIO(dataio.export_zip(store)))
    assert exported.read(SAFETY_PLAN_FILE) == b"My plan\n"


def test_importing_an_export_with_a_plan_leaves_the_kept_plan_and_says_so(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sample.write_sample(store, days=3)
    safety_plan.store_plan(store, "Old plan\n")
    exported = dataio.export_zip(store)
    safety_plan.store_plan(store, "Newer plan\n")
    plan = read_export_zip(exported, store)
    assert not plan.problems
    assert PLAN_NOT_RESTORED in plan.notes
    assert SAFETY_PLAN_FILE not in plan.remove
    apply_plan(store, plan)
    assert safety_plan.stored_plan(store) == "Newer plan\n"


def test_a_folder_that_is_a_file_holds_no_plan(tmp_path: Path) -> None:
    blocker = tmp_path / "diary"
    blocker.write_text("not a folder", encoding="utf-8")
    assert safety_plan.stored_plan(Store(blocker)) is None
