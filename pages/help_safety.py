import streamlit as st

from winback.ui import exit_intro, safety_plan_form, session, state, widgets

session.store()
st.title("Help & safety", anchor=False)

st.error(
    "**If you are in danger right now, call your emergency number** (911 in the US, 999 in the UK, 112 in the EU).",
    icon=":material/emergency:",
)

widgets.resources_panel(state.HELP_COUNTRY, heading="Crisis and abuse support")

st.header("If your relationship was abusive", anchor=False)
st.markdown(
    """
If they hit, choked or threatened you, forced you into anything sexual, followed you, or if you were
afraid of them, that is abuse — not a relationship problem you can fix by changing yourself. winback keeps
the way back closed when your answers show this. You deserve to be safe. A helpline can help you make a
safety plan, even if you are not sure what to call what happened.
"""
)

st.header("A private safety plan", anchor=False)
safety_plan_form.safety_plan_box()

st.header("Staying safe with this app", anchor=False)
st.markdown(
    """
- **Someone who monitors your phone or computer may see this app and its files.** If you think that is
  happening, use a device they can't reach, and talk to a helpline before you change anything they would notice.
- **Quick exit** (the button at the top right of every page, or Shift pressed three times) replaces this page
  with a neutral page at once, so the Back button does not return here.
  It only helps against someone looking over your shoulder; it does not erase anything.
- To leave fewer traces, use a private browser window and clear your browser history.
- **The safety plan** above is not saved unless you choose to keep it: your answers stay only in this
  window while it is open. A plan you download or print is wherever you put it, so keep it somewhere safe.
  A plan you keep in your folder can be read by anyone who can open that folder or this app; delete it
  there, or with everything else on **Data & privacy**.
- Everything you enter stays in one folder on this computer. You can export it or delete it all on the
  **Data & privacy** page.
"""
)
# The app lock (winback/ui/lock_settings.py holds the same words for Data & privacy).
st.markdown(
    """
**App lock.** On **Data & privacy** you can set a passphrase. Then every new window, a reload, and a window left
unused for the minutes you choose shows only a lock screen with the help lines and the quick exit. It stops
someone who opens winback in your browser; it does not stop someone who can read this computer's files (they
are not encrypted) or who watches the screen while you type. The passphrase cannot be recovered.
"""
)
st.markdown(
    """
**Disguise.** On **Data & privacy** you can make the browser tab say "Notes" with a notepad icon instead of
winback; a new calendar reminder is then called "Reminder", and exports are named "notes-" and the date. It
changes only those names: the address bar, the sidebar, every page and the files in the folder still show what
this is.

**A password for your backup.** The export zip can be encrypted (AES-256), so that a copy that leaves this
computer (on a USB stick, in an email or a cloud) cannot be read without the password. The names of the files
inside can still be seen, the folder on this computer is not encrypted, and nobody can recover a forgotten
password.
"""
)

st.header("Quick exit", anchor=False)
st.markdown(
    """
The **Quick exit** button at the top right of every page, or **Shift pressed three times** within five seconds
(even while you type in a field), covers the page at once and opens a neutral page in its place; the Back button
does not return to winback. A screen reader finds the same as the page's first link, "Exit this page". It does
not erase your browser history or winback's folder: use a private window, or clear your history afterwards.
"""
)
exit_intro.destination_settings()
st.button("Read the first-visit note again", key=state.EXIT_INTRO_REOPEN, on_click=exit_intro.show_again)

st.header("What winback is, and is not", anchor=False)
st.markdown(
    """
winback helps you look honestly at a relationship that ended, and walks you through five steps: no contact,
staying positive, improving your own life, and — only if the relationship was worth it and safe — reconnecting
and meeting kindly. Steps 1–3 are good for anyone after a breakup, whatever happens next.

It is **not therapy** and **not a guarantee**: no method can make another person come back. If you feel
low for a long time, a doctor, therapist or one of the lines above can help more than any app.
"""
)
