"""Plotly chart builders: pure functions of winback's data, each with alt text and an empty state.

Every builder takes typed frames (as ``storage`` reads them) and returns a :class:`theme.Chart`; none imports
Streamlit or changes its input. Figures are drawn on transparent backgrounds without fixed text colours so
the app's light or dark theme shows through, keep their legend above the plot so they fit a 390 px phone,
and carry no more points than the screen can show: over more than ``period.DAILY_MAX_DAYS`` days, mood is
averaged per week (per month beyond ``period.WEEKLY_MAX_DAYS``), activities and check-ins per month, and the
calendar shows the last year; the alt text says so each time.

One module per chart family; import from the one you need:
``theme`` (palette, colours, :class:`Chart`, the shared figure frame and words), ``period`` (periods, date
buckets, axis ranges), ``steps`` (the five-step bars), ``mood`` (mood over time, the last 7 days),
``calendar`` (year in pixels), ``activities`` (life areas per week, mood with and without each activity),
``checkins`` (weekly check-in scores), ``quiz`` (quiz history, the worth dial).
"""
