"""What frames every page: the sign-in screen, the sidebar, the quick exit, the shared-diary warning, the
sample-data notice and the notice of an import that was undone; the browser tab's title and icon, and the words
that tell a screen reader which page opened."""

from __future__ import annotations

import html
import json
import secrets

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from winback import disguise, safety, sitemap
from winback.plain import plain
from winback.ui import exit_intro, session, state
from winback.ui.look import LOOK
from winback.ui.widgets import resources_panel

HELP_ICON = sitemap.HELP_SAFETY.icon

# The quick exit is a plain link styled as a button, pinned to the top of the screen, with three lights that
# count the presses of Shift. The script (GOV.UK's "Exit this page", https://design-system.service.gov.uk/
# components/exit-this-page/) leaves on a click or on Shift pressed three times within 5 seconds, anywhere on the
# page, text fields too: it covers the page at once, then replaces it (so Back does not return), and makes moving
# between pages replace history entries too. The style also holds the frame's other rules: the phone-only
# Help & safety link, help lines kept whole, and look.LOOK's colour, size and motion.
_QUICK_EXIT_STYLE = f"""
<style>
  .winback-quick-exit {{
    position: fixed; top: 0.7rem; right: 3.6rem; z-index: 1000000;
    padding: 0.35rem 0.9rem; border-radius: 0.5rem; font-weight: 600; font-size: 0.9rem;
    background: #8a3b12; color: #fff !important; text-decoration: none !important;
    box-shadow: 0 1px 3px rgba(0, 0, 0, 0.3);
  }}
  .winback-exit-lights {{ display: none; margin-left: 0.4rem; line-height: 0; }}
  .winback-exit-lights.winback-counting {{ display: inline-block; }}
  .winback-exit-lights i {{
    display: inline-block; width: 0.6rem; height: 0.6rem; margin: 0 0.1rem; box-sizing: border-box;
    border: 2px solid currentcolor; border-radius: 50%;
  }}
  .winback-exit-lights i.winback-lit {{ background: currentcolor; }}
  .st-key-{state.QUICK_EXIT_ANCHOR} {{ position: absolute; width: 0; height: 0; }}
  @media (min-width: 640px) {{ .st-key-{state.PHONE_SAFETY_BAR} {{ display: none; }} }}
  /* What has focus is never hidden under the bar pinned to the top (Streamlit's header and the quick exit): the
     page's scrollers keep that much room above what they scroll into view, and some below. */
  html, [data-testid="stMain"], [data-testid="stAppViewContainer"] {{
    scroll-padding-top: 4.5rem; scroll-padding-bottom: 1.5rem;
  }}
  /* A help line's number to call or text is never split over two lines ("1-" / "800-799-7233"). */
  a[href^="tel:"], a[href^="sms:"] {{ white-space: nowrap; }}
{LOOK}
</style>
"""
# Words the script says: to screen readers (the status line, the overlay) and the hidden first link.
EXIT_LINK_WORDS = "Exit this page"
EXIT_PRESS_TWO_MORE = "Shift, press 2 more times to exit."
EXIT_PRESS_ONE_MORE = "Shift, press 1 more time to exit."
EXIT_EXPIRED = "Exit this page expired."
EXIT_LEAVING = "Loading."
_QUICK_EXIT_SCRIPT = """
<script>
(function () {
  var WORDS = __WORDS__;
  if (window.winbackQuickExit) return;
  window.winbackQuickExit = true;
  var WINDOW_MS = 5000;
  // Moving between pages replaces the history entry, so Back after a quick exit cannot land in winback.
  var replaceEntry = window.history.replaceState.bind(window.history);
  window.history.pushState = function (state, unused, url) { replaceEntry(state, unused, url); };

  var style = document.createElement("style");
  style.textContent = [
    ".winback-skip-exit, .winback-exit-status { position: absolute !important; width: 1px; height: 1px;",
    "  margin: 0; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }",
    ".winback-skip-exit:focus { position: fixed !important; top: 0.5rem; left: 0.5rem; z-index: 1000001;",
    "  width: auto; height: auto; padding: 0.5rem 1rem; clip-path: none; overflow: visible;",
    "  background: #f2c14e; color: #0b0c0c; font-weight: 700; outline: 3px solid #0b0c0c; }",
    "body.winback-exiting > :not(.winback-exit-overlay) { display: none !important; }"
  ].join("\\n");
  document.head.appendChild(style);
  // For assistive technology: the page's first link, seen only when focused, and a status line for the count.
  var skip = document.createElement("a");
  skip.className = "winback-skip-exit";
  skip.setAttribute("data-quick-exit", "skip");
  skip.textContent = WORDS.link;
  // In a landmark of its own, as every part of a page should be (axe's "region"); still the first Tab stop.
  var landmark = document.createElement("nav");
  landmark.setAttribute("aria-label", WORDS.link);
  landmark.appendChild(skip);
  document.body.insertBefore(landmark, document.body.firstChild);
  // When the person last acted (Enter, Space, a click) and last went on by keyboard (Tab, arrows, typing): moving
  // focus after a run (widgets.move_focus) leaves it alone if the person went on since they acted.
  var seen = window.winbackInput = {acted: 0, went: 0};
  var MODIFIERS = ["Shift", "Control", "Alt", "Meta"];
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") seen.acted = performance.now();
    else if (MODIFIERS.indexOf(event.key) < 0) seen.went = performance.now();
  }, true);
  document.addEventListener("pointerdown", function () { seen.acted = performance.now(); }, true);
  var status = document.createElement("div");
  status.className = "winback-exit-status";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function destination() {
    var button = document.querySelector("a.winback-quick-exit");
    if (button) skip.href = button.href;
    return skip.href;
  }
  skip.addEventListener("focus", destination);
  destination();

  function leave() {
    // Cover everything at once, in the page's own colours, before the next page starts loading.
    var app = document.querySelector('[data-testid="stApp"]') || document.body;
    var colours = window.getComputedStyle(app);
    var overlay = document.createElement("div");
    overlay.className = "winback-exit-overlay";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position: fixed; inset: 0; z-index: 2147483647; display: block; " +
      "background: " + (colours.backgroundColor || "Canvas") + "; color: " + (colours.color || "CanvasText") + ";";
    status.textContent = "";
    document.body.appendChild(overlay);
    document.body.classList.add("winback-exiting");
    overlay.textContent = WORDS.leaving;
    try {
      window.location.replace(destination());
    } catch (error) {
      // An address the browser will not open must not leave the person here: the usual page instead.
      window.location.replace(WORDS.fallback);
    }
  }
  window.addEventListener("pageshow", function () {
    document.body.classList.remove("winback-exiting");
    document.querySelectorAll(".winback-exit-overlay").forEach(function (o) { o.remove(); });
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-quick-exit]");
    if (!link) return;
    event.preventDefault();
    leave();
  }, true);

  // Shift pressed three times within WINDOW_MS, on its own: a Shift held while another key is pressed (a capital
  // letter, a shortcut) is not a press, and any other key starts the count over. Listened to on the way down
  // (capture), so text fields count too.
  var presses = [];
  var withAnotherKey = false;
  var expiry = null;
  function lights() {
    document.querySelectorAll(".winback-exit-lights").forEach(function (box) {
      box.classList.toggle("winback-counting", presses.length > 0);
      box.querySelectorAll("i").forEach(function (light, n) {
        light.classList.toggle("winback-lit", n < presses.length);
      });
    });
  }
  function startOver(said) {
    presses = [];
    if (expiry !== null) window.clearTimeout(expiry);
    expiry = null;
    status.textContent = said;
    lights();
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) withAnotherKey = false;
      return;
    }
    withAnotherKey = true;
    if (presses.length) startOver(WORDS.expired);
  }, true);
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || withAnotherKey) return;
    var now = window.performance.now();
    presses = presses.filter(function (at) { return now - at < WINDOW_MS; });
    presses.push(now);
    if (presses.length >= 3) {
      startOver("");
      leave();
      return;
    }
    status.textContent = presses.length === 1 ? WORDS.twoMore : WORDS.oneMore;
    lights();
    if (expiry !== null) window.clearTimeout(expiry);
    expiry = window.setTimeout(function () { startOver(WORDS.expired); }, WINDOW_MS - (now - presses[0]));
  }, true);
})();
</script>
"""


def _script() -> str:
    words = {
        "link": EXIT_LINK_WORDS,
        "twoMore": EXIT_PRESS_TWO_MORE,
        "oneMore": EXIT_PRESS_ONE_MORE,
        "expired": EXIT_EXPIRED,
        "leaving": EXIT_LEAVING,
        "fallback": safety.DEFAULT_QUICK_EXIT_URL,
    }
    # winback's own words, as a JavaScript object.
    return _QUICK_EXIT_SCRIPT.replace("__WORDS__", json.dumps(words), 1)


UNNAMED_SIGN_IN = (
    "Your sign-in did not say who you are (it gave no issuer or no subject), so winback cannot open a diary "
    "that is only yours. Sign out and try again; if this keeps happening, ask whoever runs winback to check "
    "its sign-in provider."
)


def login_screen() -> None:
    st.title("winback", anchor=False)
    st.markdown(
        "A private space for after a breakup. Sign in to open your own diary: each person's entries are kept "
        "in their own folder, and nobody else who uses this winback can see them."
    )
    if session.unnamed_sign_in():
        st.error(UNNAMED_SIGN_IN, icon=":material/person_off:")
        st.button("Sign out", type="primary", on_click=st.logout, key=state.LOGOUT)
    else:
        st.button("Sign in", type="primary", on_click=st.login, key=state.LOGIN)
    # No folder yet: the country chosen here is kept for this visit only.
    resources_panel(state.SIGN_IN_COUNTRY, heading="If you need help now", kept="session")
    exit_intro.explanation(kept="session")
    quick_exit(kept="session")


def folder_message(trouble: str, help_page: StreamlitPage) -> None:
    """Instead of a page, when the diary's folder cannot be used: what is wrong and how to fix it."""
    st.title("winback can't open your diary", anchor=False)
    with st.container(border=True, key=state.FOLDER_TROUBLE):
        # The path is shown as it is: plain text, never read as Markdown.
        st.text(trouble)
        st.markdown("Nothing was changed. **Help & safety** works as always:")
        st.page_link(help_page, label="Help & safety", icon=HELP_ICON)


def shared_diary_warning() -> None:
    """Reached from another computer without sign-in, everyone who opens winback shares one diary: say so."""
    if session.login_configured() or not session.from_another_computer():
        return
    st.warning(
        "**This winback has no sign-in.** Everyone who opens this address shares one diary and can read it. "
        "Use it only on your own computer, or ask whoever runs it to set up sign-in.",
        icon=":material/group:",
    )


def undone_import_notice() -> None:
    """After a crash stopped an import and winback undid it: say so calmly, on every page until closed."""
    words = session.undone_import_words()
    if not words:
        return
    for text in words:
        # The words name files from the notice winback left in the folder, which anyone can edit.
        st.warning(plain(text), icon=":material/history:")
    st.button("OK", key=state.UNDONE_IMPORTS_SEEN, on_click=session.forget_undone_imports)


SAMPLE_NOTICE = "You are exploring **sample data**. Your own diary is untouched."


def sample_notice(privacy_page: StreamlitPage, current: StreamlitPage) -> None:
    """In sample mode, above every page (the sidebar is folded away on phones): that this is not the person's
    own diary, and where the switch is. A link rather than a button on every page: the real diary stays a
    deliberate step away while the sample is being shown to someone, and the switch stays in one place."""
    if not session.in_sample_mode():
        return
    with st.container(key=state.SAMPLE_NOTICE):
        st.info(SAMPLE_NOTICE, icon=":material/science:")
        if current.url_path != privacy_page.url_path:
            st.page_link(privacy_page, label="Switch it off in Data & privacy", icon=":material/toggle_on:")


def sidebar() -> None:
    """What sits below the navigation: sign-out. The navigation's own Help & safety entry is the one link to it
    on a wide screen."""
    with st.sidebar:
        if session.signed_in():
            st.button("Sign out", on_click=st.logout, key=state.LOGOUT, icon=":material/logout:")


def safety_bar(help_page: StreamlitPage, current: StreamlitPage) -> None:
    """On every page: a quick exit pinned to the top of the screen, and on phones (where the sidebar and its
    Help & safety entry are folded away) a Help & safety link above the page, the one a phone shows; and, taking
    no room beside the quick exit, the words that tell a screen reader which page opened."""
    with st.container(key=state.PHONE_SAFETY_BAR):
        st.page_link(help_page, label="Help & safety", icon=HELP_ICON)
    with st.container(key=state.QUICK_EXIT_ANCHOR):
        quick_exit()
        page_opened(current.title)


def quick_exit(kept: session.CountryKept = "settings", *, to: str | None = None) -> None:
    """A button that replaces this page with a neutral site, so Back does not return here; Shift pressed three
    times does the same (the script), and so does a hidden first link for assistive technology. ``to`` is the
    address when the caller already knows it (the lock screen, before the person's folder is settled)."""
    url = html.escape(to if to is not None else exit_intro.destination(kept), quote=True)
    link = (
        f'<a href="{url}" class="winback-quick-exit" data-quick-exit="1" rel="noreferrer"\n'
        '   title="Leave winback at once for a neutral page (or press Shift three times)">Quick exit'
        '<span class="winback-exit-lights" aria-hidden="true"><i></i><i></i><i></i></span></a>'
    )
    st.html(_QUICK_EXIT_STYLE + link + _script(), unsafe_allow_javascript=True)


def page_config(disguised: bool, page: str | None = None) -> None:
    """The browser tab's title and icon (``winback.disguise``): set once a run before the navigation, naming no
    page (else the tab would show the page's own name first, and the lock screen may follow), and again after it
    with the ``page``'s name; with the disguise on, or while it cannot be known, both are neutral."""
    st.set_page_config(
        page_title=disguise.tab_title(disguised, page), page_icon=disguise.tab_icon(disguised), layout="centered"
    )


# What a screen reader says when a page opens: its title. Moving between pages redraws only the page's part of the
# screen, so the frame keeps one polite status line in the main area and changes its words when the page changes.
PAGE_OPENED = "{title} page"
_PAGE_OPENED_SCRIPT = """
<span data-winback-page-opened="__ATTRIBUTE__" hidden></span>
<script>
(function () {
  var words = __WORDS__, session = __SESSION__, turn = __TURN__;
  // Only the newest words of this session: a page's script that runs again late (its element drawn again while
  // the lock screen replaces it, on a busy machine) must not bring back the page's name.
  var last = window.winbackPageOpened;
  if (last && last.session === session && last.turn > turn) return;
  window.winbackPageOpened = {session: session, turn: turn};
  var main = document.querySelector('[data-testid="stMain"]') || document.body;
  var line = document.querySelector(".winback-page-opened");
  if (!line) {
    line = document.createElement("div");
    line.className = "winback-page-opened";
    line.setAttribute("role", "status");
    line.setAttribute("aria-live", "polite");
    line.style.cssText = "position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; " +
      "clip-path: inset(50%); white-space: nowrap; border: 0;";
    main.appendChild(line);
  }
  // The old words go at once (a locked screen must not keep the name of the page that was open); the new ones a
  // moment later, so that a screen reader notices the change even on the first page, unless newer words came.
  if (line.textContent !== words) line.textContent = "";
  window.setTimeout(function () {
    var now = window.winbackPageOpened;
    if (now.session === session && now.turn === turn) line.textContent = words;
  }, 100);
})();
</script>
"""


def page_opened(title: str, *, words: str | None = None) -> None:
    """Say which page opened, to assistive technology only (``PAGE_OPENED``, or ``words`` for a screen that is not
    a page: the lock screen says "Locked", and so no page's name stays in the line); the script runs again only
    when the words change, so reruns of the same page say nothing. Each change of words is a new turn of this
    session (``state.PAGE_OPENED``); the browser keeps the newest turn's words."""
    words = PAGE_OPENED.format(title=title) if words is None else words
    session, turn, last = st.session_state.get(state.PAGE_OPENED) or (secrets.token_hex(8), 0, None)
    if words != last:
        turn += 1
        st.session_state[state.PAGE_OPENED] = (session, turn, words)
    script = _PAGE_OPENED_SCRIPT.replace("__ATTRIBUTE__", html.escape(words, quote=True), 1)
    script = script.replace("__SESSION__", json.dumps(session), 1).replace("__TURN__", str(int(turn)), 1)
    st.html(script.replace("__WORDS__", json.dumps(words), 1), unsafe_allow_javascript=True)
