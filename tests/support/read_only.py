"""Every write winback offers on screen, tried in AppTest on a folder it may not write in.

``run(names)`` gives each scenario its own copy of a year of sample data, makes the folders read-only and
drives the app in a child process (``python -m tests.support.read_only OUTER NAME… [UID]``), which prints one
JSON object: per scenario, what the page said and whether Streamlit showed an exception.

chmod does not stop root, so as root (CI) the child drops to user nobody, as tests/support/store_child.py does.
The Python it runs lives under /root, where nobody may not read, so the child first drives every page on a
writable scratch folder, still as root, to import what those runs need; only then does it drop root.
"""

from __future__ import annotations

import gc
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from tests.support.apptest import PAGE_FILES, open_page, texts
from tests.support.devserver import ROOT
from winback.ui import state

NOBODY = 65534
CHILD_TIMEOUT_S = 600


@dataclass(frozen=True)
class Scenario:
    page: str
    act: Callable[[AppTest], None]
    # What the folder holds besides the sample year, made before it is made read-only.
    prepare: Callable[[Path], None] | None = None
    writes: bool = True  # False: only reading is tried, so no refusal is expected either


def _delete_twice(app: AppTest, prefix: str) -> None:
    """The first delete button whose key starts with ``prefix``, pressed, then its "Yes"."""
    key = next(str(b.key) for b in app.button if str(b.key).startswith(prefix))
    app.button(key=key).click().run()
    app.button(key=state.confirm(key)).click().run()


def _daily_save(app: AppTest) -> None:
    app.text_area(key="note").input("a note")
    app.button(key="FormSubmitter:daily_entry-Save").click().run()


def _daily_delete(app: AppTest) -> None:
    _delete_twice(app, "delete_day_")


def _activity_add(app: AppTest) -> None:
    app.text_input(key="new_activity_name").input("Pottery")
    app.button(key="FormSubmitter:add_activity_form-Add activity").click().run()


def _activity_retire(app: AppTest) -> None:
    app.button(key="retire_custom_climbing").click().run()


def _activity_rename(app: AppTest) -> None:
    app.text_input(key="rename_custom_climbing").input("Bouldering").run()


def _checkin(app: AppTest) -> None:
    if app.get("checkbox"):
        app.checkbox(key="checkin_replace").check()
    app.button(key="FormSubmitter:weekly_checkin_form-Save check-in").click().run()


def _no_contact_start(app: AppTest) -> None:
    app.button(key="FormSubmitter:no_contact_start_form-Save start date").click().run()


def _goals(app: AppTest) -> None:
    app.button(key="FormSubmitter:thresholds_form-Save goals").click().run()


def _country(app: AppTest) -> None:
    app.selectbox(key="help_country").set_value("uk").run()


def _journal_new(app: AppTest) -> None:
    app.text_area(key="journal_new_note").input("coffee")
    app.button(key="FormSubmitter:journal_form-Save contact").click().run()


def _journal_edit(app: AppTest) -> None:
    key = next(str(b.key) for b in app.button if str(b.key).startswith("FormSubmitter:journal_edit_"))
    app.button(key=key).click().run()


def _journal_delete(app: AppTest) -> None:
    _delete_twice(app, state.delete_contact(""))


def _quiz_submit(app: AppTest) -> None:
    from winback.content.quiz import load_quiz

    for question in load_quiz().questions:
        choice = question.options[-1].id if question.kind == "worth" else "never"
        app.radio(key=f"q_{question.id}").set_value(choice)
    app.run()
    app.button(key="quiz_submit").click().run()


def _quiz_delete(app: AppTest) -> None:
    _delete_twice(app, state.delete_attempt(""))


def _import(app: AppTest) -> None:
    """An export of the folder with one activity renamed, so importing it would change something."""
    from winback.dataio import export_zip
    from winback.store import Store

    exported = zipfile.ZipFile(io.BytesIO(export_zip(Store(Path(os.environ["WINBACK_DATA_DIR"])))))
    buffer = io.BytesIO()
    with exported, zipfile.ZipFile(buffer, "w") as archive:
        for name in exported.namelist():
            archive.writestr(name, exported.read(name).replace(b"Climbing", b"Climbers"))
    data = buffer.getvalue()
    app.radio(key="import_kind").set_value("winback").run()
    app.file_uploader(key="import_upload_winback").upload("winback.zip", data, "application/zip").run()
    app.button(key="import_apply").click().run()


def _delete_everything(app: AppTest) -> None:
    app.text_input(key="delete_confirm").input("delete everything")
    app.button(key="FormSubmitter:delete_all-Delete everything").click().run()


def _sample_toggle(app: AppTest) -> None:
    app.toggle(key="sample_toggle").set_value(True).run()


def _disguise_toggle(app: AppTest) -> None:
    app.toggle(key="disguise_toggle").set_value(True).run()


def _nothing(app: AppTest) -> None:
    pass


def _crashed_save(folder: Path) -> None:
    """What a save killed halfway leaves: its temporary file, which the next visit tidies away if it can."""
    (folder / ".daily_log.csv.k1llEd.tmp").write_text("date,mood\n2026-01-01,", encoding="utf-8")


SCENARIOS: dict[str, Scenario] = {
    "save a day": Scenario("Daily log", _daily_save),
    "delete a day": Scenario("Daily log", _daily_delete),
    "add an activity": Scenario("Daily log", _activity_add),
    "retire an activity": Scenario("Daily log", _activity_retire),
    "rename an activity": Scenario("Daily log", _activity_rename),
    "save a check-in": Scenario("Daily log", _checkin),
    "save the no-contact start": Scenario("Daily log", _no_contact_start),
    "save step goals": Scenario("Progress", _goals),
    "choose a country": Scenario("Help & safety", _country),
    "log a contact": Scenario("Reconnect", _journal_new),
    "change a contact": Scenario("Reconnect", _journal_edit),
    "delete a contact": Scenario("Reconnect", _journal_delete),
    "submit the quiz": Scenario("Readiness quiz", _quiz_submit),
    "delete a quiz attempt": Scenario("Readiness quiz", _quiz_delete),
    "import an export": Scenario("Data & privacy", _import),
    "delete everything": Scenario("Data & privacy", _delete_everything),
    "turn on sample mode": Scenario("Data & privacy", _sample_toggle),
    "turn on the disguise": Scenario("Data & privacy", _disguise_toggle),
    "open a folder a crashed save left a temporary file in": Scenario(
        "Today", _nothing, prepare=_crashed_save, writes=False
    ),
}


def _failures(app: AppTest) -> list[str]:
    """Streamlit's exception box, or the error boundary's calm message: either means the page broke."""
    from winback.ui import guard

    return [e.message for e in app.exception] + [t.value for t in app.title if t.value == guard.TITLE]


def _outcome(app: AppTest) -> dict[str, Any]:
    return {
        "exception": _failures(app),
        "errors": [str(e.value) for e in app.error],
        "texts": texts(app),
    }


def _drive(name: str, folder: Path) -> dict[str, Any]:
    """One scenario on its folder, then every page of the app in the same session."""
    import streamlit as st

    from winback.store import clear_cache

    os.environ["WINBACK_DATA_DIR"] = str(folder)
    st.cache_data.clear()
    st.cache_resource.clear()
    clear_cache()
    scenario = SCENARIOS[name]
    app = AppTest.from_file(str(ROOT / "app.py"))
    try:
        app = open_page(PAGE_FILES[scenario.page])
        if scenario.page == "Progress":
            app.session_state[state.PROGRESS_GOALS] = True
            app.run()
        scenario.act(app)
        result = _outcome(app)
        result["later"] = {}
        for title, page_file in PAGE_FILES.items():
            app.switch_page(page_file).run()
            result["later"][title] = _failures(app)
    except Exception:
        result = {"crashed": traceback.format_exc() + texts(app) + repr(app.exception)}
    return result


def _warm_up(scratch: Path) -> None:
    """Import what the scenarios need while still allowed to read the Python under /root."""
    import logging  # noqa: F401

    from winback import sample
    from winback.store import Store

    sample.write_sample(Store(scratch), days=365)
    for number, name in enumerate(SCENARIOS):
        copy = scratch.parent / f"warm-{number}"
        shutil.copytree(scratch, copy)
        _drive(name, copy)


def child(outer: Path, names: list[str], uid: int | None) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="winback-warm-")) / "person"
    _warm_up(scratch)
    shutil.rmtree(scratch.parent, ignore_errors=True)
    gc.collect()  # AppTest's temporary folders of the warm-up go while root may still remove them
    if uid is not None:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    results = {name: _drive(name, outer / f"case-{number}") for number, name in enumerate(names)}
    print(json.dumps(results), flush=True)
    # Leave without the exit handlers: they would remove root's temporary folders (AppTest's), as nobody.
    os._exit(0)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(names: list[str]) -> tuple[dict[str, Any], dict[str, tuple[dict[str, bytes], dict[str, bytes]]]]:
    """Each scenario on a read-only folder of its own; the results, and each folder's files before and after."""
    from winback import sample
    from winback.store import Store

    outer = Path(tempfile.mkdtemp(prefix="winback-readonly-"))  # under /tmp, so nobody can reach it
    try:
        outer.chmod(0o755)
        template = outer / "template"
        sample.write_sample(Store(template), days=365)
        folders = [outer / f"case-{number}" for number in range(len(names))]
        for name, folder in zip(names, folders, strict=True):
            shutil.copytree(template, folder)
            prepare = SCENARIOS[name].prepare
            if prepare is not None:
                prepare(folder)
        before = {str(folder): snapshot(folder) for folder in folders}
        for folder in folders:
            for path in folder.iterdir():
                path.chmod(0o444)
            folder.chmod(0o555)
        command = [sys.executable, "-m", "tests.support.read_only", str(outer), *names]
        if os.geteuid() == 0:
            command.append(f"--uid={NOBODY}")
        # A home of its own: Streamlit looks for ~/.streamlit/secrets.toml, and nobody may not look under /root.
        home = outer / "home"
        home.mkdir(mode=0o755)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home)}
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=CHILD_TIMEOUT_S, check=False
        )
        assert done.returncode == 0, done.stderr[-5000:]
        results = json.loads(done.stdout.strip().splitlines()[-1])
        for folder in folders:
            folder.chmod(0o755)
        changes = {name: (before[str(f)], snapshot(f)) for name, f in zip(names, folders, strict=True)}
        return results, changes
    finally:
        for path in outer.rglob("*"):
            path.chmod(0o755)
        shutil.rmtree(outer, ignore_errors=True)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    user = next((int(a.removeprefix("--uid=")) for a in arguments if a.startswith("--uid=")), None)
    child(Path(arguments[0]), [a for a in arguments[1:] if not a.startswith("--uid=")], user)
