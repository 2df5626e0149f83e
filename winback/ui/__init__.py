"""winback on screen: the only part of winback that imports Streamlit.

session (the person's folder, sign-in, the router's run), state (every session key), frame (sidebar, quick
exit), widgets (small shared pieces), and one module per form or panel a page shows.
"""
