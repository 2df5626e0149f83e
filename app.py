"""winback: the router. Page config, the person's data folder, navigation and the frame around every page."""

import streamlit as st

from winback import sitemap
from winback.ui import exit_intro, frame, guard, lock_screen, session, state

session.freeze_startup_objects()
session.start_run()
try:
    pages = {spec: st.Page(spec.file, title=spec.title, icon=spec.icon, default=spec.default) for spec in sitemap.PAGES}
    help_page = pages[sitemap.HELP_SAFETY]
    with guard.boundary(help_page):
        person = session.person_folder()
        if person is None:
            # Before sign-in nobody's disguise can be known: the tab is neutral.
            frame.page_config(disguised=True)
            frame.login_screen()
            st.stop()
        # The tab's title and icon before anything is drawn, the lock screen too: neutral when disguised.
        neutral = session.tab_neutral(person)
        frame.page_config(disguised=neutral)
        if not lock_screen.gate(person):  # the app lock: before anything of the diary is read
            session.end_run()  # now, not only in finally: a page's next run must pass the gate again
            st.stop()
        trouble = session.use_folder(person)
        navigation = st.navigation(list(pages.values()))
        frame.page_config(disguised=neutral, page=navigation.title)  # now the tab can name the page
        lock_screen.idle_timer()
        frame.sidebar()
        frame.safety_bar(help_page, navigation)
        with st.container(key=state.FRAME_NOTICES):  # however many notices show, the page below keeps its place
            exit_intro.explanation()
            frame.shared_diary_warning()
            frame.sample_notice(pages[sitemap.DATA_PRIVACY], navigation)
            frame.undone_import_notice()
        guard.run_page(navigation, help_page, trouble)
finally:
    session.end_run()
