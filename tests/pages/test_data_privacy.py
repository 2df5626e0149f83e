"""Data & privacy: where data lives, the sample-data switch, export, delete everything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.builders import SAMPLE_END
from tests.support.apptest import PAGE_FILES, open_page, texts
from tests.support.clock import Clock
from winback import dataio, paths, sample
from winback.imports.plan import MAX_PROBLEMS
from winback.store import StorageError, Store
from winback.ui import backup_form, disguise_form, import_panel, privacy_forms, state


def test_shows_the_folder(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Data & privacy"])
    assert str(data_dir) in [c.value for c in app.code]


def test_sample_mode_uses_its_own_folder(data_dir: Path) -> None:
    app = open_page(PAGE_FILES["Data & privacy"])
    app.toggle(key="sample_toggle").set_value(True).run()
    assert not app.exception
    assert (data_dir / "sample" / "daily_log.csv").exists()
    assert not (data_dir / "daily_log.csv").exists()
    assert "exploring **sample data**" in " ".join(i.value for i in app.main.info)
    app.switch_page(PAGE_FILES["Daily log"]).run()
    app.segmented_control(key="history_period").set_value("All").run()
    assert len(app.dataframe[0].value) > 300


def test_export_is_offered_once_there_is_data(data_dir: Path, clock: Clock) -> None:
    app = open_page(PAGE_FILES["Data & privacy"])
    assert app.get("download_button")[0].proto.disabled
    sample.write_sample(Store(data_dir), days=90, today=clock.today)
    app.run()
    assert not app.get("download_button")[0].proto.disabled


def test_delete_everything_needs_the_typed_words(data_dir: Path, clock: Clock) -> None:
    sample.write_sample(Store(data_dir), days=90, today=clock.today)
    app = open_page(PAGE_FILES["Data & privacy"])
    app.text_input(key="delete_confirm").input("delete").run()
    app.button[0].click().run()
    assert "Nothing was deleted" in texts(app)
    assert (data_dir / "daily_log.csv").exists()
    # Capitals do not matter, and the label says so.
    assert "capital letters do not matter" in app.text_input(key="delete_confirm").label
    app.text_input(key="delete_confirm").input("Delete Everything")
    app.button[0].click().run()
    assert "Deleted" in texts(app)
    assert [p for p in data_dir.iterdir() if p.is_file()] == []
    # Pressed again with nothing left: say so, not "Deleted 0 files".
    app.text_input(key="delete_confirm").input("delete everything")
    app.button[0].click().run()
    assert "There was nothing left to delete" in texts(app)
    assert "Deleted 0 files" not in texts(app)


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_importing_a_daylio_file_maps_moods_previews_and_applies(data_dir: Path) -> None:
    data = (FIXTURES / "daylio_new.csv").read_bytes()
    app = open_page(PAGE_FILES["Data & privacy"])
    app.radio(key="import_kind").set_value("daylio").run()
    app.file_uploader(key="import_upload_daylio").upload("daylio.csv", data, "text/csv").run()
    assert not app.exception
    assert "Preview" in texts(app)
    for slider in app.select_slider:
        if slider.key and slider.key.startswith("mood_map_"):
            slider.set_value(4)
    app.run()
    assert not app.error, [e.value for e in app.error]
    app.button(key="import_apply").click().run()
    assert "Imported" in texts(app)
    assert len(Store(data_dir).read("daily_log").frame) > 0


def test_importing_our_own_export_restores_every_file(data_dir: Path, clock: Clock) -> None:
    from winback import dataio

    store = Store(data_dir)
    sample.write_sample(store, days=60, today=clock.today)
    exported = dataio.export_zip(store)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.suffix in (".csv", ".json")}
    dataio.delete_everything(store)
    app = open_page(PAGE_FILES["Data & privacy"])
    app.file_uploader(key="import_upload_winback").upload("winback.zip", exported, "application/zip").run()
    app.button(key="import_apply").click().run()
    assert "Imported" in texts(app)
    after = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.suffix in (".csv", ".json")}
    assert after == before


@pytest.mark.parametrize(
    "settings_text",
    [b'{"thresholds": [1, 2]}', b"[" * 30_000 + b"]" * 30_000],
    ids=["thresholds-list", "30000-deep"],
)
def test_an_export_with_settings_winback_cannot_use_is_refused_and_changes_nothing(
    data_dir: Path, settings_text: bytes
) -> None:
    import io
    import zipfile

    from winback import dataio

    store = Store(data_dir)
    sample.write_sample(store, days=60, today=SAMPLE_END)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    exported = zipfile.ZipFile(io.BytesIO(dataio.export_zip(store)))
    buffer = io.BytesIO()
    with exported, zipfile.ZipFile(buffer, "w") as archive:
        for name in exported.namelist():
            archive.writestr(name, settings_text if name == "settings.json" else exported.read(name))
    app = open_page(PAGE_FILES["Data & privacy"])
    app.file_uploader(key="import_upload_winback").upload("winback.zip", buffer.getvalue(), "application/zip").run()
    assert not app.exception, app.exception
    assert "can't be imported as it is" in texts(app)
    assert "settings.json" in texts(app)
    assert not [b for b in app.button if b.key == "import_apply"]
    assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("wrong.csv", b"day,feeling\n2026-01-01,good\n", "full_date"),
        ("image.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a CSV text file"),
        ("empty.csv", b"", "empty"),
        (
            "big.csv",
            b"full_date,date,weekday,time,mood,activities,note\n" + b"x" * (20 * 1024 * 1024 + 200_000),
            "20 MB",
        ),
        (
            "bad_date.csv",
            b"full_date,date,weekday,time,mood,activities,note\n2026-02-30,Feb 30,Mon,10:00,good,,\n",
            "line 2",
        ),
    ],
)
def test_malformed_daylio_uploads_are_refused_and_change_nothing(
    data_dir: Path, name: str, content: bytes, message: str
) -> None:
    store = Store(data_dir)
    sample.write_sample(store, days=30)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    app = open_page(PAGE_FILES["Data & privacy"])
    app.radio(key="import_kind").set_value("daylio").run()
    app.file_uploader(key="import_upload_daylio").upload(name, content, "text/csv").run()
    assert not app.exception
    shown = texts(app)
    assert "can't be imported" in shown
    assert message in shown, shown[-600:]
    assert not app.get("button") or all(b.key != "import_apply" for b in app.button)
    assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == before


def test_a_latin_1_daylio_file_is_read_with_a_note(data_dir: Path) -> None:
    content = "full_date,date,weekday,time,mood,activities,note\n2026-01-05,Jan 5,Mon,09:00,good,,Café crème\n"
    app = open_page(PAGE_FILES["Data & privacy"])
    app.radio(key="import_kind").set_value("daylio").run()
    app.file_uploader(key="import_upload_daylio").upload("latin.csv", content.encode("latin-1"), "text/csv").run()
    assert "Latin-1" in texts(app)
    app.button(key="import_apply").click().run()
    assert Store(data_dir).read("daily_log").frame.iloc[0]["note"] == "Café crème"


def test_spreadsheet_export_and_reminder_are_offered(data_dir: Path, clock: Clock) -> None:
    sample.write_sample(Store(data_dir), days=30, today=clock.today)
    app = open_page(PAGE_FILES["Data & privacy"])
    assert app.download_button(key="export_csv").proto.deferred_file_id, "built when clicked"
    assert not app.download_button(key="export_csv").proto.disabled
    assert app.download_button(key="reminder_ics").proto.url.endswith(".ics")
    assert "winback" not in app.download_button(key="reminder_ics").proto.url, "a neutral file name"


def test_the_reminder_carries_the_title_the_person_typed(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # AppTest's media store goes with its run, so the file is caught as the page makes it.
    made: list[bytes] = []
    make = dataio.reminder_ics

    def catch(*args: Any, **kwargs: Any) -> bytes:
        made.append(make(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(dataio, "reminder_ics", catch)
    app = open_page(PAGE_FILES["Data & privacy"])
    assert app.text_input(key="reminder_title").value == "Daily check-in"
    app.text_input(key="reminder_title").input("Water the plants").run()
    assert not app.exception
    data = made[-1]
    assert b"SUMMARY:Water the plants\r\n" in data and b"DESCRIPTION:Water the plants\r\n" in data
    assert b"winback" not in data.lower()


def in_sample_mode(app: AppTest) -> bool:
    return any("exploring **sample data**" in str(i.value) for i in app.main.info)


def test_sample_mode_lasts_across_a_reload_until_it_is_switched_off(data_dir: Path) -> None:
    sample.write_sample(Store(paths.sample_folder(data_dir)), days=30)  # a short year: the switch finds it made
    app = open_page(PAGE_FILES["Data & privacy"])
    assert not app.toggle(key=state.SAMPLE_TOGGLE).value
    app.toggle(key=state.SAMPLE_TOGGLE).set_value(True).run()
    # A reload, or a new tab: a new session on the same folder.
    reloaded = open_page(PAGE_FILES["Data & privacy"])
    assert [c.value for c in reloaded.code] == [str(paths.sample_folder(data_dir))], "the sample is shown"
    assert reloaded.toggle(key=state.SAMPLE_TOGGLE).value
    assert in_sample_mode(reloaded)
    assert privacy_forms.SAMPLE_LASTS in [c.value for c in reloaded.caption], "said next to the switch"
    reloaded.switch_page(PAGE_FILES["Today"]).run()
    assert in_sample_mode(reloaded)
    # Switched off in one tab: the other follows on its next run.
    app.toggle(key=state.SAMPLE_TOGGLE).set_value(False).run()
    assert not in_sample_mode(app)
    reloaded.switch_page(PAGE_FILES["Data & privacy"]).run()
    assert not in_sample_mode(reloaded)
    assert [c.value for c in reloaded.code] == [str(data_dir)]
    assert not reloaded.toggle(key=state.SAMPLE_TOGGLE).value
    assert not in_sample_mode(open_page(PAGE_FILES["Today"]))


def test_a_sample_year_that_cannot_be_made_switches_sample_mode_off_and_says_why(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: Any, **kwargs: Any) -> None:
        raise StorageError("Could not save daily_log.csv: the disk is full. Nothing was changed.")

    monkeypatch.setattr(sample, "write_sample", disk_full)
    app = open_page(PAGE_FILES["Data & privacy"])
    app.toggle(key=state.SAMPLE_TOGGLE).set_value(True).run()
    assert not app.exception, app.exception
    assert any("Could not turn on sample data" in e.value and "the disk is full" in e.value for e in app.error)
    assert not sample.mode_on(data_dir), "off, or every reload would try again"
    assert [c.value for c in app.code] == [str(data_dir)]
    assert not app.toggle(key=state.SAMPLE_TOGGLE).value
    assert not in_sample_mode(app)


def test_delete_everything_in_sample_mode_deletes_the_sample_and_switches_it_off(data_dir: Path) -> None:
    sample.write_sample(Store(data_dir), days=20, seed=3)  # the person's own diary
    own = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.suffix in (".csv", ".json")}
    app = open_page(PAGE_FILES["Data & privacy"])
    app.toggle(key=state.SAMPLE_TOGGLE).set_value(True).run()
    assert in_sample_mode(app)
    (data_dir / "sample" / "checkins.csv").unlink()
    assert "removes the sample data from this computer and switches sample mode off" in texts(app)
    app.text_input(key="delete_confirm").input("delete everything")
    app.button(key="FormSubmitter:delete_all-Delete everything").click().run()
    assert not app.exception, app.exception
    assert "Deleted the sample data" in texts(app) and "switched it off" in texts(app)
    assert not in_sample_mode(app)
    assert not in_sample_mode(open_page(PAGE_FILES["Today"])), "off after a reload too"
    assert not (data_dir / "sample" / "daily_log.csv").exists()
    assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.suffix in (".csv", ".json")} == own
    # Switched on again, the sample year is made again, whole.
    app.toggle(key=state.SAMPLE_TOGGLE).set_value(True).run()
    assert (data_dir / "sample" / "checkins.csv").exists(), "a new sample year, whole"
    app.switch_page(PAGE_FILES["Daily log"]).run()
    app.segmented_control(key="history_period").set_value("All").run()
    assert len(app.dataframe[0].value) > 300


def test_a_file_with_more_problems_than_are_checked_lists_them_all_and_says_where_checking_stopped(
    data_dir: Path,
) -> None:
    header = "full_date,date,weekday,time,mood,activities,note_title,note\n"
    rows = "".join(f"not-a-day-{n},x,x,20:00,good,,,\n" for n in range(MAX_PROBLEMS + 10))
    app = open_page(PAGE_FILES["Data & privacy"])
    app.radio(key="import_kind").set_value("daylio").run()
    app.file_uploader(key="import_upload_daylio").upload("many.csv", (header + rows).encode(), "text/csv").run()
    assert not app.exception, app.exception
    assert any(f"(more than {MAX_PROBLEMS} problems)" in e.value for e in app.error)
    listed = next(t.value for t in app.text if "not-a-day-0" in t.value).splitlines()
    assert len(listed) == MAX_PROBLEMS + 1
    assert "…and more" in listed[-1]
    assert not [b for b in app.button if b.key == "import_apply"]


def _names_offered(monkeypatch: pytest.MonkeyPatch, maker: str = "export_file_name") -> list[str]:
    """Every file name the page offers from ``dataio.<maker>``, as it makes them (AppTest's downloads have none)."""
    offered: list[str] = []
    make = getattr(dataio, maker)

    def catch(*args: Any, **kwargs: Any) -> str:
        offered.append(make(*args, **kwargs))
        return offered[-1]

    monkeypatch.setattr(dataio, maker, catch)
    return offered


def _settings(folder: Path) -> dict[str, Any]:
    import json

    path = folder / "settings.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def test_the_disguise_is_off_until_switched_on_and_then_names_the_reminder_and_exports_neutrally(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered = _names_offered(monkeypatch)
    reminders = _names_offered(monkeypatch, "reminder_file_name")
    app = open_page(PAGE_FILES["Data & privacy"])
    assert not app.toggle(key=state.DISGUISE_TOGGLE).value
    assert app.text_input(key=state.REMINDER_TITLE).value == "Daily check-in"
    assert reminders[-1] == "check-in-reminder.ics"
    assert offered[-2].startswith("winback-") and offered[-1].startswith("winback-daily-log-")
    assert disguise_form.DOES_NOT_HIDE in [c.value for c in app.caption], "what it does not hide, beside the switch"

    app.toggle(key=state.DISGUISE_TOGGLE).set_value(True).run()
    assert not app.exception, app.exception
    assert _settings(data_dir) == {"disguise": True}
    assert app.toggle(key=state.DISGUISE_TOGGLE).value
    assert app.text_input(key=state.REMINDER_TITLE).value == "Reminder"
    assert reminders[-1] == "reminder.ics"
    zip_name, csv_name = offered[-2:]
    assert zip_name.startswith("notes-") and zip_name.endswith(".zip"), zip_name
    assert csv_name.startswith("notes-") and csv_name.endswith(".csv"), csv_name
    # A title the person typed is theirs: switching the disguise off leaves it.
    app.text_input(key=state.REMINDER_TITLE).input("Water the plants").run()
    app.toggle(key=state.DISGUISE_TOGGLE).set_value(False).run()
    assert app.text_input(key=state.REMINDER_TITLE).value == "Water the plants"
    app.toggle(key=state.DISGUISE_TOGGLE).set_value(True).run()

    # A reload (a new session) finds it on; sample mode keeps the person's own choice and names its exports alike.
    reloaded = open_page(PAGE_FILES["Data & privacy"])
    assert reloaded.toggle(key=state.DISGUISE_TOGGLE).value
    reloaded.toggle(key=state.SAMPLE_TOGGLE).set_value(True).run()
    assert in_sample_mode(reloaded) and reloaded.toggle(key=state.DISGUISE_TOGGLE).value
    assert offered[-2].startswith("notes-sample-") and offered[-1].startswith("notes-sample-")
    assert "disguise" not in _settings(paths.sample_folder(data_dir))
    reloaded.toggle(key=state.DISGUISE_TOGGLE).set_value(False).run()
    assert _settings(data_dir)["disguise"] is False, "kept in the person's own folder, also in sample mode"
    reloaded.toggle(key=state.SAMPLE_TOGGLE).set_value(False).run()
    assert not reloaded.toggle(key=state.DISGUISE_TOGGLE).value
    assert offered[-2].startswith("winback-2") and offered[-1].startswith("winback-daily-log-")


def _choose(app: AppTest, password: str, again: str) -> None:
    app.text_input(key=state.EXPORT_PASSWORD).input(password)
    app.text_input(key=state.EXPORT_PASSWORD_AGAIN).input(again)
    app.button(key=state.EXPORT_PASSWORD_USE).click().run()


def test_a_password_for_the_export_is_typed_twice_and_has_at_least_eight_characters(data_dir: Path) -> None:
    sample.write_sample(Store(data_dir), days=30)
    app = open_page(PAGE_FILES["Data & privacy"])
    assert app.download_button(key=state.EXPORT_ZIP).proto.label == "Everything (zip)"
    app.toggle(key=state.EXPORT_PROTECT).set_value(True).run()
    zipped = app.download_button(key=state.EXPORT_ZIP)
    assert zipped.proto.disabled and backup_form.NOT_CHOSEN in [c.value for c in app.caption]
    assert zipped.proto.label == "Everything (zip, with password)" and not zipped.proto.deferred_file_id
    assert backup_form.LIMITS in [c.value for c in app.caption]
    # Typed but not sent: nothing is chosen yet.
    app.text_input(key=state.EXPORT_PASSWORD).input("long enough").run()
    assert app.download_button(key=state.EXPORT_ZIP).proto.disabled
    _choose(app, "short", "short")
    assert app.download_button(key=state.EXPORT_ZIP).proto.disabled and "this one has 5" in texts(app)
    _choose(app, "long enough", "long enougH")
    assert app.download_button(key=state.EXPORT_ZIP).proto.disabled and "not the same" in texts(app)
    _choose(app, "long enough", "long enough")
    zipped = app.download_button(key=state.EXPORT_ZIP)
    assert not zipped.proto.disabled and zipped.proto.deferred_file_id, "made when pressed"
    assert zipped.proto.label == "Everything (zip, with password)"
    assert backup_form.PROTECTED in [s.value for s in app.success]
    assert "long enough" not in texts(app)  # (the browser empties the form once sent: tests/e2e/test_disguise.py)
    # Sent again with the fields empty (a double click, Enter twice): the chosen password stays.
    _choose(app, "", "")
    assert not app.download_button(key=state.EXPORT_ZIP).proto.disabled
    assert backup_form.PROTECTED in [s.value for s in app.success]
    # A failed second choice leaves the zip without a usable password, never with the old one silently.
    _choose(app, "another long one", "")
    assert app.download_button(key=state.EXPORT_ZIP).proto.disabled and "not the same" in texts(app)
    assert [e.value for e in app.error] == ["The two passwords are not the same: type the same one twice."]
    # Off and on again: the password chosen before is forgotten.
    _choose(app, "long enough", "long enough")
    app.toggle(key=state.EXPORT_PROTECT).set_value(False).run()
    assert app.download_button(key=state.EXPORT_ZIP).proto.label == "Everything (zip)"
    app.toggle(key=state.EXPORT_PROTECT).set_value(True).run()
    assert app.download_button(key=state.EXPORT_ZIP).proto.disabled
    assert backup_form.NOT_CHOSEN in [c.value for c in app.caption]


def test_importing_an_export_with_a_password_asks_for_it_and_a_wrong_one_changes_nothing(data_dir: Path) -> None:
    from tests.imports.helpers import files

    store = Store(data_dir)
    sample.write_sample(store, days=60, seed=5)
    exported_files = files(data_dir)
    exported = dataio.export_zip(store, "a long password")
    dataio.delete_everything(store)
    sample.write_sample(store, days=20, seed=9)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}

    app = open_page(PAGE_FILES["Data & privacy"])
    app.file_uploader(key="import_upload_winback").upload("notes.zip", exported, "application/zip").run()
    assert not app.exception, app.exception
    assert import_panel.PASSWORD_ASKED in [i.value for i in app.info]
    assert "Preview" not in texts(app) and not [b for b in app.button if b.key == "import_apply"]
    app.text_input(key=state.IMPORT_PASSWORD).input("A long password")
    app.button(key=state.IMPORT_PASSWORD_OPEN).click().run()
    assert import_panel.PASSWORD_WRONG in [e.value for e in app.error]
    assert "Preview" not in texts(app) and not [b for b in app.button if b.key == "import_apply"]
    assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == before

    app.text_input(key=state.IMPORT_PASSWORD).input("a long password")
    app.button(key=state.IMPORT_PASSWORD_OPEN).click().run()
    assert "Preview" in texts(app) and not app.error
    app.button(key="import_apply").click().run()
    assert "Imported" in texts(app)
    assert files(data_dir) == exported_files


def test_the_export_password_is_kept_for_the_visit_across_pages_and_says_which_password_is_used(
    data_dir: Path,
) -> None:
    sample.write_sample(Store(data_dir), days=30)
    app = open_page(PAGE_FILES["Data & privacy"])
    app.toggle(key=state.EXPORT_PROTECT).set_value(True).run()
    _choose(app, "long enough", "long enough")
    assert backup_form.PROTECTED in [s.value for s in app.success]
    # The words name the password sent with the button, that typing alone changes nothing, and for how long.
    assert backup_form.USE_LABEL in backup_form.PROTECTED and "Typing in the fields changes nothing" in (
        backup_form.PROTECTED
    )
    assert "Kept for this visit only; closing the tab forgets it." in backup_form.PROTECTED
    app.switch_page(PAGE_FILES["Today"]).run()
    app.switch_page(PAGE_FILES["Data & privacy"]).run()
    assert not app.exception, app.exception
    assert app.toggle(key=state.EXPORT_PROTECT).value, "still on after another page"
    zipped = app.download_button(key=state.EXPORT_ZIP)
    assert zipped.proto.label == "Everything (zip, with password)" and not zipped.proto.disabled
    assert backup_form.PROTECTED in [s.value for s in app.success]
    # Switched off, another page, back: still off, and the password is forgotten.
    app.toggle(key=state.EXPORT_PROTECT).set_value(False).run()
    app.switch_page(PAGE_FILES["Daily log"]).run()
    app.switch_page(PAGE_FILES["Data & privacy"]).run()
    assert not app.toggle(key=state.EXPORT_PROTECT).value
    assert app.download_button(key=state.EXPORT_ZIP).proto.label == "Everything (zip)"


def test_the_export_says_it_exports_the_sample_while_sample_data_is_on(data_dir: Path) -> None:
    sample.write_sample(Store(paths.sample_folder(data_dir)), days=30)
    sample.write_sample(Store(data_dir), days=30)
    app = open_page(PAGE_FILES["Data & privacy"])
    assert privacy_forms.EXPORTS_SAMPLE not in [c.value for c in app.caption], "not said for the person's own diary"
    app.toggle(key=state.SAMPLE_TOGGLE).set_value(True).run()
    assert in_sample_mode(app)
    assert privacy_forms.EXPORTS_SAMPLE in [c.value for c in app.caption]
