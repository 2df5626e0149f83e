"""The session's person and folder: sign-in, the data folder (their own or the sample), and the router's run.

app.py calls ``start_run`` first and ``end_run`` last; every page asks ``store()`` for the folder it shows.
"""

from __future__ import annotations

import contextlib
import gc
import ipaddress
import runpy
from pathlib import Path
from typing import Literal, NoReturn

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from winback import paths, sample, settings
from winback.content.resources import DEFAULT_COUNTRY, countries
from winback.imports.plan import recover_interrupted_import, undone_imports
from winback.settings import load as load_settings
from winback.settings import save_country
from winback.store import StorageError, Store
from winback.ui import state

SAMPLE_DAYS = 365
ROUTER = Path(__file__).resolve().parents[2] / "app.py"

# Where a person's choice of country is kept: their settings, or this session only (the sign-in screen).
CountryKept = Literal["settings", "session"]

_STARTUP_FROZEN = False


def freeze_startup_objects() -> None:
    """Once per server: move everything loaded so far (Streamlit, pandas, Plotly, winback) out of the garbage
    collector's sight. Streamlit runs a full collection after every rerun; without this it walks those
    hundreds of thousands of long-lived objects each time (~40-80 ms here), with it only what reruns create."""
    global _STARTUP_FROZEN
    if _STARTUP_FROZEN:
        return
    # st.plotly_chart imports these on first use; load them before freezing.
    import plotly.io
    import plotly.tools  # noqa: F401

    gc.collect()
    gc.freeze()
    _STARTUP_FROZEN = True


def login_configured() -> bool:
    """True when the deployment set up sign-in (an [auth] section in .streamlit/secrets.toml)."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, StreamlitSecretNotFoundError):
        return False


def signed_in() -> bool:
    return login_configured() and bool(st.user.is_logged_in)


def person_folder() -> Path | None:
    """This person's own folder, or None while sign-in is set up and they have not signed in (or their sign-in
    did not say who they are: see ``unnamed_sign_in``)."""
    root = paths.data_root()
    if not login_configured():
        return paths.person_folder(root)
    if not st.user.is_logged_in:
        return None
    issuer, subject = _claim("iss"), _claim("sub")
    if issuer is None or subject is None:
        return None
    return paths.signed_in_folder(root, issuer, subject)


def _claim(name: str) -> str | None:
    value = st.user.get(name)
    return value if isinstance(value, str) and value.strip() else None


def unnamed_sign_in() -> bool:
    """Signed in, but the sign-in gave no issuer or no subject: such people cannot be told apart, so winback
    opens no diary for them (they would all share one)."""
    return signed_in() and (_claim("iss") is None or _claim("sub") is None)


def use_folder(person: Path) -> str | None:
    """Settle the folder this session shows (the person's, or their sample folder) and prepare it once; or,
    when the person's folder cannot be used at all, why (then only Help & safety is shown)."""
    trouble = paths.folder_trouble(person)
    if trouble is not None:
        st.session_state[state.FOLDER] = str(person)
        st.session_state[state.SAMPLE_MODE] = False
        return trouble
    folder = person
    if _settle_sample_mode(person):
        try:
            _ensure_sample(str(paths.sample_folder(person)))
        except StorageError as error:
            # Without its year the sample cannot be shown: back to the person's own diary, and say why on the
            # page with the switch (which is turned off again, or it would ask for the sample once more).
            with contextlib.suppress(StorageError):
                sample.switch(person, False)
            # A switch that could not be turned off either is what the next run will read: not a change made
            # in another tab, so the session keeps what it holds (answers, notices) instead of forgetting it.
            st.session_state[state.SAMPLE_SWITCH_SEEN] = sample.mode_on(person)
            st.session_state[state.SAMPLE_MODE] = False
            st.session_state[state.SAMPLE_TOGGLE] = False
            st.session_state[state.SAMPLE_TROUBLE] = f"Could not turn on sample data. {error}"
        else:
            folder = paths.sample_folder(person)
    st.session_state[state.FOLDER] = str(folder)
    try:
        _prepare_folder(str(folder))
    except StorageError as error:
        # An import a crash stopped that cannot be undone here (a folder winback may not write in): showing its
        # half-written tables would mislead, so only Help & safety opens until winback can write there again.
        return f"{error}\nThe folder is {folder}. Nothing was changed; once winback may write there, it finishes."
    return None


def _settle_sample_mode(person: Path) -> bool:
    """Whether this run shows the sample: the person's own switch (``sample.mode_on``), read on every run, so a
    reload, a new tab and a switch made in another tab all agree. When it changed since this session's last
    run, the session forgets what it held of the other diary, so nothing typed for one is saved into the other."""
    on = sample.mode_on(person)
    if st.session_state.get(state.SAMPLE_SWITCH_SEEN, on) != on:
        state.forget_person_state()
    st.session_state[state.SAMPLE_SWITCH_SEEN] = on
    st.session_state[state.SAMPLE_MODE] = on
    return on


@st.cache_resource(max_entries=64, show_spinner=False)
def _prepare_folder(folder: str) -> None:
    """Once per folder and process: finish what a crash interrupted (temp files, a half-done import)."""
    s = Store(Path(folder))
    s.sweep_all()
    recover_interrupted_import(s)


def _ensure_sample(folder: str) -> None:
    """Write the sample year when its folder has none: on first use, and again after everything was deleted."""
    store = Store(Path(folder))
    if not store.path("daily_log").exists():
        with st.spinner("Preparing sample data…"):
            sample.write_sample(store, days=SAMPLE_DAYS)


def start_run() -> None:
    """Mark this run as one that went through the router (app.py)."""
    st.session_state[state.ROUTED] = True


def end_run() -> None:
    st.session_state.pop(state.ROUTED, None)


def store() -> Store:
    """The current person's store, as the router resolved it for this run."""
    folder = st.session_state.get(state.FOLDER)
    if folder is None or not st.session_state.get(state.ROUTED):
        _run_the_router_instead()
    return Store(Path(str(folder)))


def _run_the_router_instead() -> NoReturn:
    """A page ran without app.py. With a ``pages/`` folder beside the entry point, Streamlit starts a server
    (and AppTest starts every run) in its older folder-based multipage mode, which runs the page file of a
    page URL directly until some run calls st.navigation (https://github.com/streamlit/streamlit/issues/9624,
    https://github.com/streamlit/streamlit/pull/10276). winback keeps its ``pages/`` folder, so this one
    function runs the router in this same run, which calls st.navigation, brings the sidebar, the quick exit
    and the person's folder, and runs the page again through it; then it ends the run that came here without
    it. Doing it in the same run keeps what the person just pressed. Pages ask for ``store()`` before they
    draw anything, so nothing is drawn twice."""
    runpy.run_path(str(ROUTER), run_name="__main__")
    st.stop()


def undone_import_words() -> list[str]:
    """What to tell the person about imports a crash stopped and winback undid, until they close it. Taking
    the notices from the folder on every run also undoes an import interrupted since (by another server)."""
    if state.UNDONE_IMPORTS not in st.session_state:
        try:
            undone = undone_imports(store())
        except StorageError:
            return []  # an import is still running in another window: ask again on the next run
        if not undone:
            return []
        st.session_state[state.UNDONE_IMPORTS] = [u.words() for u in undone]
    return list(st.session_state[state.UNDONE_IMPORTS])


def forget_undone_imports() -> None:
    st.session_state.pop(state.UNDONE_IMPORTS, None)


def in_sample_mode() -> bool:
    """True when this run shows the sample (the router settled it from the person's switch)."""
    return bool(st.session_state.get(state.SAMPLE_MODE, False))


def sample_trouble() -> StorageError | None:
    """Why sample mode could not be switched in an earlier run (once), or None."""
    message = st.session_state.pop(state.SAMPLE_TROUBLE, None)
    return StorageError(message) if isinstance(message, str) else None


def switch_sample_mode() -> None:
    """The sample switch's callback: turn sample mode on or off for this person, in every tab and after a
    reload; the router notices the change on the run that follows and forgets the other diary's state. When the
    folder cannot be changed, the switch goes back and the page says why."""
    on = bool(st.session_state.get(state.SAMPLE_TOGGLE, False))
    try:
        sample.switch(_own_folder(), on)
    except StorageError as error:
        st.session_state[state.SAMPLE_TOGGLE] = not on
        st.session_state[state.SAMPLE_TROUBLE] = str(error)


def leave_sample_mode() -> None:
    """Back to the person's own diary from the next run on (after the sample was deleted); raises StorageError.
    The caller forgets the session's state itself, so the router need not (which would wipe its notice)."""
    sample.switch(_own_folder(), False)
    st.session_state[state.SAMPLE_MODE] = False
    st.session_state[state.SAMPLE_SWITCH_SEEN] = False


def _own_folder() -> Path:
    person = person_folder()
    if person is None:  # signed out in another tab meanwhile: the next run shows the sign-in screen
        raise StorageError("You are signed out: sign in again to change sample data.")
    return person


def country_code(kept: CountryKept = "settings") -> str:
    """The country whose help lines the person chose: this session's choice when it is kept only here (the sign-in
    screen, or a folder winback could not save it in), else settings.json's, else the international ones."""
    unsaved = st.session_state.get(state.COUNTRY_UNSAVED)
    if isinstance(unsaved, str) and unsaved in countries():
        return unsaved
    if kept == "session":
        return DEFAULT_COUNTRY
    configured, _ = load_settings(_country_store())
    return configured.country if configured.country in countries() else DEFAULT_COUNTRY


def _country_store() -> Store:
    """Where the person's country is kept: their own folder, also while sample data is shown (the help lines
    are theirs, not the sample's)."""
    person = person_folder()
    return Store(person) if person is not None and st.session_state.get(state.SAMPLE_MODE) else store()


def safety_store() -> Store:
    """Where the person's safety settings are kept (the quick exit's address, its explanation read): their own
    folder, also while sample data is shown, as for the country."""
    return _country_store()


def country_unsaved() -> bool:
    return state.COUNTRY_UNSAVED in st.session_state


def choose_country(code: str, kept: CountryKept = "settings") -> None:
    """Keep the person's choice of country for every help box and Help & safety: in settings.json, or for this
    session only (``kept="session"``). Raises StorageError when it cannot be saved; it is then kept for this
    session, so the help lines still follow it."""
    if code not in countries():
        raise ValueError(f"{code!r} is not a country winback has help lines for")
    if kept == "session":
        st.session_state[state.COUNTRY_UNSAVED] = code
        return
    try:
        save_country(_country_store(), code)
    except StorageError:
        st.session_state[state.COUNTRY_UNSAVED] = code
        raise
    st.session_state.pop(state.COUNTRY_UNSAVED, None)


def client_address() -> str | None:
    """The visitor's address as Streamlit saw it (None from this computer)."""
    address = st.context.ip_address
    return address if isinstance(address, str) else None


def from_another_computer() -> bool:
    address = client_address()
    if address is None:
        return False
    try:
        return not ipaddress.ip_address(address).is_loopback
    except ValueError:
        return True


def own_store() -> Store:
    """The person's own folder, also while sample data is shown: what they keep for their safety (a stored safety
    plan) is theirs, not the sample's."""
    return _country_store()


def disguised() -> bool:
    """Whether the person turned the disguise on: kept in their own folder, so sample data shows it too."""
    person = person_folder()
    return person is not None and settings.disguised(Store(person))


def tab_neutral(person: Path) -> bool:
    """Whether the browser tab's title and icon are neutral: the person's disguise is on, or their folder cannot be
    used (then it cannot be known). Only settings.json is read, so it may come before the app lock's gate."""
    return paths.folder_trouble(person) is not None or settings.disguised(Store(person))


def save_disguise(on: bool) -> None:
    """Turn the disguise on or off in the person's own folder; raises StorageError when it cannot be saved."""
    settings.save_disguise(Store(_own_folder()), on)
