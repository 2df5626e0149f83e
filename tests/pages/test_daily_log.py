"""Daily log: save today, save it again (an update, and the page says so), refuse the future."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.builders import hard_week
from tests.support.apptest import PAGE_FILES, box, open_page, texts, texts_in, widget_keys
from tests.support.clock import NOW, Clock, frozen_at
from winback import activities, checkin, progress, typed_text
from winback import store as store_module
from winback.content.activities import catalogue
from winback.plain import plain
from winback.store import Store
from winback.ui import state
from winback.words import day_words


def test_saving_today_writes_one_row_and_names_it(data_dir: Path, clock: Clock) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    app.select_slider(key="mood").set_value(4)
    app.slider(key="missing_ex").set_value(7)
    app.radio(key="contact").set_value("they_reached_out_no_reply")
    app.multiselect(key="activities").select("exercise").select("saw_friends")
    app.text_area(key="note").input("<b>not bold</b> **nor this**")
    app.button[0].click().run()
    assert not app.exception
    assert app.success[0].value.startswith(f"Saved {day_words(clock.today, weekday=True)}:")
    log = Store(data_dir).read("daily_log").frame
    assert len(log) == 1
    row = log.iloc[0]
    assert (row["mood"], row["missing_ex"], row["contact"]) == (4, 7, "they_reached_out_no_reply")
    assert row["activities"] == ("exercise", "saw_friends")
    assert row["note"] == "<b>not bold</b> **nor this**"


def test_saving_the_same_day_again_updates_it(data_dir: Path, clock: Clock) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    app.button[0].click().run()
    app.select_slider(key="mood").set_value(5)
    app.button[0].click().run()
    assert app.success[0].value.startswith("Updated")
    log = Store(data_dir).read("daily_log").frame
    assert list(log["mood"]) == [5]


def test_coming_back_to_the_page_shows_the_saved_day_and_saving_keeps_it(data_dir: Path, clock: Clock) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    app.select_slider(key="mood").set_value(4)
    app.slider(key="missing_ex").set_value(7)
    app.multiselect(key="activities").select("exercise")
    app.text_area(key="note").input("a walk by the river")
    app.button[0].click().run()
    app.switch_page(PAGE_FILES["Today"]).run()
    app.switch_page(PAGE_FILES["Daily log"]).run()
    assert app.select_slider(key="mood").value == 4
    assert app.slider(key="missing_ex").value == 7
    assert app.multiselect(key="activities").value == ["exercise"]
    assert app.text_area(key="note").value == "a walk by the river"
    app.button[0].click().run()
    row = Store(data_dir).read("daily_log").frame.iloc[0]
    assert (row["mood"], row["missing_ex"], row["activities"], row["note"]) == (
        4,
        7,
        ("exercise",),
        "a walk by the river",
    )


def test_the_day_picker_ends_today_and_a_future_day_falls_back_to_today(data_dir: Path, clock: Clock) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    assert app.date_input(key="entry_day").max == clock.today
    app.date_input(key="entry_day").set_value(clock.today + timedelta(days=1)).run()
    assert app.date_input(key="entry_day").value == clock.today
    assert not (data_dir / "daily_log.csv").exists()
    app.button[0].click().run()
    assert list(Store(data_dir).read("daily_log").frame["date"].dt.date) == [clock.today]


def test_a_failed_write_shows_an_error_and_keeps_the_old_file(data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = open_page(PAGE_FILES["Daily log"])
    app.button[0].click().run()
    before = (data_dir / "daily_log.csv").read_bytes()

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module.os, "replace", full_disk)
    app.select_slider(key="mood").set_value(1)
    app.button[0].click().run()
    assert "the disk is full" in app.error[0].value
    assert (data_dir / "daily_log.csv").read_bytes() == before


def test_editing_a_past_day_prefills_it_and_updates_it(data_dir: Path, clock: Clock) -> None:
    past = clock.today - timedelta(days=3)
    Store(data_dir).upsert(
        "daily_log",
        [{"date": past, "mood": 2, "missing_ex": 9, "contact": "we_talked", "activities": ("read",), "note": "hard"}],
    )
    app = open_page(PAGE_FILES["Daily log"])
    app.date_input(key="entry_day").set_value(past).run()
    assert f"You already logged {day_words(past, weekday=True)}" in texts(app)
    assert app.select_slider(key="mood").value == 2
    assert app.radio(key="contact").value == "we_talked"
    assert app.text_area(key="note").value == "hard"
    app.select_slider(key="mood").set_value(4)
    app.button[0].click().run()
    assert app.success[0].value.startswith(f"Updated {day_words(past, weekday=True)}")
    row = Store(data_dir).read("daily_log").frame.iloc[0]
    assert (row["mood"], row["missing_ex"], row["note"]) == (4, 9, "hard")


def test_deleting_a_day_asks_first(data_dir: Path, clock: Clock) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    app.button[0].click().run()
    key = f"delete_day_{clock.today.isoformat()}"
    app.button(key=key).click().run()
    assert "Delete it for good?" in texts(app)
    assert len(Store(data_dir).read("daily_log").frame) == 1
    app.button(key=f"{key}_yes").click().run()
    assert Store(data_dir).read("daily_log").frame.empty
    assert f"Deleted {day_words(clock.today, weekday=True)}." in texts(app)


def test_weekly_checkin_is_saved_once_per_week(data_dir: Path, clock: Clock) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    for n in range(5):
        app.select_slider(key=f"wb_{n}").set_value(5)
        app.select_slider(key=f"sw_{n}").set_value(3)
    app.button(key="FormSubmitter:weekly_checkin_form-Save check-in").click().run()
    assert "well-being 100, self-worth 100" in texts(app)
    app.select_slider(key="wb_0").set_value(0)
    app.button(key="FormSubmitter:weekly_checkin_form-Save check-in").click().run()
    assert "Nothing saved: tick the box" in texts(app)
    assert int(Store(data_dir).read("checkins").frame.iloc[0]["wellbeing"]) == 100
    app.checkbox(key="checkin_replace").check()
    app.button(key="FormSubmitter:weekly_checkin_form-Save check-in").click().run()
    frame = Store(data_dir).read("checkins").frame
    assert len(frame) == 1 and int(frame.iloc[0]["wellbeing"]) == 80


def test_a_custom_activity_can_be_added_and_logged(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    app.text_input(key="new_activity_name").input("Climbing")
    app.selectbox(key="new_activity_area").set_value("Body")
    app.button(key="FormSubmitter:add_activity_form-Add activity").click().run()
    assert "Added to Body" in texts(app), "the confirmation survives the rerun that shows the new activity"
    assert "custom_climbing" in app.multiselect(key="activities").options or any(
        "Climbing" in o for o in app.multiselect(key="activities").options
    )
    app.multiselect(key="activities").select("custom_climbing")
    app.button[0].click().run()
    assert Store(data_dir).read("daily_log").frame.iloc[0]["activities"] == ("custom_climbing",)


def test_the_first_day_logged_without_contact_counts_as_one(data_dir: Path, clock: Clock) -> None:
    Store(data_dir).upsert("daily_log", [{"date": clock.today, "mood": 3, "missing_ex": 5, "contact": "none"}])
    for page in ("Daily log", "Today"):
        app = open_page(PAGE_FILES[page])
        counter = next(m for m in app.metric if m.label == "Days without contact")
        assert counter.value == "1", page
    assert "1 of 30 days without contact" in " ".join(progress.from_store(Store(data_dir), clock.today).step(1).reasons)


def test_no_contact_counter_and_low_mood_care(data_dir: Path, clock: Clock) -> None:
    store = Store(data_dir)
    rows = [{"date": clock.today - timedelta(days=n), "mood": 1, "missing_ex": 10, "contact": "none"} for n in range(7)]
    store.upsert("daily_log", rows)
    app = open_page(PAGE_FILES["Daily log"])
    assert app.metric[0].value == "7", "seven logged days without contact, today among them"
    assert "really hard" in texts(app)
    assert "988" not in texts(app)  # the default country shows the international lines
    assert "findahelpline.com" in texts(app)


# (No lone surrogate: the browser, like AppTest, cannot send one; tests/test_typed_text.py covers it.)
PASTED = "call\x00 mum\x1b[0m\r\nlater"


def test_control_characters_pasted_into_the_note_are_removed_with_a_notice(data_dir: Path) -> None:
    kept, removed = typed_text.clean(PASTED)
    app = open_page(PAGE_FILES["Daily log"])
    app.text_area(key="note").input(PASTED)
    app.button[0].click().run()
    assert not app.exception, app.exception
    assert typed_text.removed_notice(removed, "the note") in [i.value for i in app.info]
    assert app.success[0].value.startswith("Saved")
    assert Store(data_dir).read("daily_log").frame["note"].tolist() == [kept] == ["call mum[0m\nlater"]
    assert app.text_area(key="note").value == kept, "the form shows the note as it was stored"


def test_an_activity_name_over_the_limit_is_refused_saying_why_and_kept_to_be_shortened(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    long_name = "Walking the long way round " * 3  # 81 characters, 80 once its last space is trimmed
    app.text_input(key="new_activity_name").input(long_name)
    app.button(key="FormSubmitter:add_activity_form-Add activity").click().run()
    assert not app.exception, app.exception
    assert plain(activities.too_long(long_name.strip())) in [e.value for e in app.error]
    assert "this one has 80" in activities.too_long(long_name.strip())
    assert app.text_input(key="new_activity_name").value == long_name, "kept so it can be shortened"
    assert app.text_input(key="new_activity_name").help == activities.NAME_LIMIT_WORDS
    assert Store(data_dir).read("custom_activities").frame.empty
    app.text_input(key="new_activity_name").input("Walking the long way")
    app.button(key="FormSubmitter:add_activity_form-Add activity").click().run()
    assert "Added to" in texts(app) and not app.error
    assert app.text_input(key="new_activity_name").value == "", "emptied once added"
    assert Store(data_dir).read("custom_activities").frame["name"].tolist() == ["Walking the long way"]
    # A rename pasted over the limit says so too, and the stored name stays.
    ident = str(Store(data_dir).read("custom_activities").frame["activity_id"].iloc[0])
    app.text_input(key=f"rename_{ident}").input(long_name).run()
    assert plain(activities.too_long(long_name.strip())) in [e.value for e in app.error]
    assert Store(data_dir).read("custom_activities").frame["name"].tolist() == ["Walking the long way"]


def test_control_characters_in_an_activity_name_are_removed_when_added_and_renamed(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    app.text_input(key="new_activity_name").input("Pot\x00tery\x07")
    app.button(key="FormSubmitter:add_activity_form-Add activity").click().run()
    assert not app.exception, app.exception
    assert typed_text.removed_notice(2, "the name") in texts(app)
    custom = Store(data_dir).read("custom_activities").frame
    assert custom["name"].tolist() == ["Pottery"]
    ident = str(custom["activity_id"].iloc[0])
    app.text_input(key=f"rename_{ident}").input("Clay\x00work").run()
    assert not app.exception, app.exception
    assert typed_text.removed_notice(1, "the name") in texts(app)
    assert Store(data_dir).read("custom_activities").frame["name"].tolist() == ["Claywork"]
    app.run()  # the box still holds the NUL it was given; that is no new rename
    assert Store(data_dir).read("custom_activities").frame["name"].tolist() == ["Claywork"]
    assert not app.exception


def _shown(app: AppTest) -> tuple[object, ...]:
    return (
        app.select_slider(key="mood").value,
        app.slider(key="missing_ex").value,
        app.radio(key="contact").value,
        tuple(app.multiselect(key="activities").value),
        app.text_area(key="note").value,
    )


def test_after_a_delete_the_form_shows_the_days_defaults_and_saving_stores_what_it_shows(
    data_dir: Path, clock: Clock
) -> None:
    past = clock.today - timedelta(days=4)
    Store(data_dir).upsert(
        "daily_log",
        [{"date": past, "mood": 2, "missing_ex": 9, "contact": "we_talked", "activities": ("read",), "note": "hard"}],
    )
    app = open_page(PAGE_FILES["Daily log"])
    app.date_input(key="entry_day").set_value(past).run()
    app.button(key=f"delete_day_{past.isoformat()}").click().run()
    app.button(key=f"delete_day_{past.isoformat()}_yes").click().run()
    assert Store(data_dir).read("daily_log").frame.empty
    shown = texts(app)
    assert f"Deleted {day_words(past, weekday=True)}." in shown
    assert "You already logged" not in shown
    assert "Delete it for good?" not in shown
    assert not [b for b in app.button if b.key == f"delete_day_{past.isoformat()}"]
    assert _shown(app) == (3, 5, "none", (), "")
    app.button[0].click().run()
    row = Store(data_dir).read("daily_log").frame.iloc[0]
    assert (row["date"].date(), row["mood"], row["missing_ex"], row["contact"], row["activities"], row["note"]) == (
        past,
        *_shown(app),
    )


def test_what_is_drawn_above_the_form_already_counts_the_day_just_saved(data_dir: Path, clock: Clock) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    assert app.metric[0].value == "0"
    app.button[0].click().run()
    assert app.metric[0].value == "1", "the no-contact count includes today as soon as it is saved"
    assert f"You already logged {day_words(clock.today, weekday=True)}" in texts(app)
    assert "1 day shown of 1 day logged" in texts(app)
    app.radio(key="contact").set_value("we_talked")
    app.button[0].click().run()
    assert app.metric[2].value == "1", "the slip counts at once"


def test_the_low_mood_note_asks_where_you_are_and_keeps_the_choice(data_dir: Path) -> None:
    with frozen_at(NOW) as clock:
        hard_week(Store(data_dir), clock.today)
        app = open_page(PAGE_FILES["Daily log"])
        note = box(app, state.LOW_MOOD_NOTE)
        assert widget_keys(note) == [state.LOW_MOOD_COUNTRY]
        assert "[Call 112](tel:112)" in texts_in(note)
        app.selectbox(key=state.LOW_MOOD_COUNTRY).set_value("us").run()
        shown = texts_in(box(app, state.LOW_MOOD_NOTE))
        assert "[Call 988](tel:988) or [text 988](sms:988)" in shown
        assert "[Call 1-800-799-7233](tel:18007997233) or [text START to 88788](sms:88788?&body=START)" in shown
        assert json.loads((data_dir / "settings.json").read_text())["country"] == "us"


def test_the_activity_chips_are_the_activities_names(data_dir: Path, clock: Clock) -> None:
    """A chip is as wide as its words: "name · area" ran past the edge of a phone ("Didn't check their social
    media · Habits"), so a chip holds the name alone, as the history's filter does."""
    app = open_page(PAGE_FILES["Daily log"])
    assert app.multiselect(key="activities").options == [activity.name for activity in catalogue()]


def test_a_save_from_a_form_filled_before_another_window_changed_the_day_stores_nothing(
    data_dir: Path, clock: Clock
) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    other = {"date": clock.today, "mood": 1, "missing_ex": 9, "contact": "we_talked", "activities": (), "note": "B"}
    Store(data_dir).upsert("daily_log", [other])  # another window saves today meanwhile
    app.run()  # any run in between (here a plain one) changes nothing
    app.select_slider(key="mood").set_value(5)
    app.button[0].click().run()
    assert "was changed in another window after this form was filled, so nothing was saved" in texts(app)
    assert Store(data_dir).read("daily_log").frame["note"].tolist() == ["B"]
    assert app.select_slider(key="mood").value == 5, "what the person had in the form is still there"
    app.button(key="FormSubmitter:daily_entry-Save").click().run()
    assert Store(data_dir).read("daily_log").frame["note"].tolist() == ["B"], "pressing Save again is no choice"
    app.button(key="daily_replace").click().run()
    row = Store(data_dir).read("daily_log").frame.iloc[0]
    assert (row["mood"], row["note"]) == (5, "")
    assert app.select_slider(key="mood").value == 5


def test_after_a_refused_save_the_stored_day_can_be_shown(data_dir: Path, clock: Clock) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    other = {"date": clock.today, "mood": 1, "missing_ex": 9, "contact": "we_talked", "activities": (), "note": "B"}
    Store(data_dir).upsert("daily_log", [other])
    app.button[0].click().run()
    app.button(key="daily_show_stored").click().run()
    assert (app.select_slider(key="mood").value, app.text_area(key="note").value) == (1, "B")
    assert not [b for b in app.button if b.key == "daily_show_stored"]


@pytest.mark.parametrize("when", ["before the first click", "between the two clicks"])
def test_a_delete_from_a_form_filled_before_another_window_changed_the_day_deletes_nothing(
    data_dir: Path, clock: Clock, when: str
) -> None:
    first = {"date": clock.today, "mood": 2, "missing_ex": 5, "contact": "none", "activities": (), "note": "A"}
    Store(data_dir).upsert("daily_log", [first])
    app = open_page(PAGE_FILES["Daily log"])
    key = f"delete_day_{clock.today.isoformat()}"
    if when == "before the first click":
        Store(data_dir).upsert("daily_log", [first | {"note": "B, written in another window"}])
    app.button(key=key).click().run()
    if when == "between the two clicks":
        Store(data_dir).upsert("daily_log", [first | {"note": "B, written in another window"}])
    app.button(key=f"{key}_yes").click().run()
    assert "so nothing was deleted" in texts(app)
    assert Store(data_dir).read("daily_log").frame["note"].tolist() == ["B, written in another window"]


def test_an_activity_winback_no_longer_knows_stays_on_the_day_when_it_is_saved_again(
    data_dir: Path, clock: Clock
) -> None:
    row = {"date": clock.today, "mood": 3, "missing_ex": 5, "contact": "none", "activities": ("gone_one", "exercise")}
    Store(data_dir).upsert("daily_log", [row | {"note": ""}])
    app = open_page(PAGE_FILES["Daily log"])
    assert app.multiselect(key="activities").value == ["gone_one", "exercise"]
    app.text_area(key="note").input("only the note changed")
    app.button[0].click().run()
    assert Store(data_dir).read("daily_log").frame["activities"].tolist() == [("gone_one", "exercise")]


def test_a_no_contact_start_after_today_still_opens_the_page(data_dir: Path, clock: Clock) -> None:
    Store(data_dir).write_settings({"no_contact_start": (clock.today + timedelta(days=3)).isoformat()})
    app = open_page(PAGE_FILES["Daily log"])
    assert not app.exception
    assert app.date_input(key="nc_start").value == clock.today + timedelta(days=3)


def test_a_check_in_saved_in_another_window_is_never_replaced_unasked(data_dir: Path, clock: Clock) -> None:
    app = open_page(PAGE_FILES["Daily log"])
    checkin.save_checkin(Store(data_dir), clock.today, [5] * 5, [3] * 5)  # another window, meanwhile
    app.button(key="FormSubmitter:weekly_checkin_form-Save check-in").click().run()
    assert "changed in another window" in texts(app)
    assert Store(data_dir).read("checkins").frame["wellbeing"].tolist() == [100]
