"""winback's look where .streamlit/config.toml's theme cannot say it: focus rings, words on primary fills and on
charts, date segments, a collapsed sidebar out of the Tab order, reduced motion (a style the frame draws)."""

from __future__ import annotations

from winback.charts.theme import LOOKS
from winback.ui.state import FRAME_NOTICES

# The focus ring: one mid blue between the two primary colours, so that it needs no theme to be seen (see LOOK).
FOCUS_RING = "#3F86AB"
FOCUS_RING_WIDTH = "2px"
_LIGHT, _DARK = LOOKS["light"], LOOKS["dark"]
# Colour, size and motion for WCAG 2.2 AA, where .streamlit/config.toml's theme cannot say it. light-dark() follows the
# color-scheme Streamlit gives the app for its light or dark theme, whether the system or the settings menu chose it.
LOOK = f"""
  /* Keyboard focus: a solid ring, 3:1 or more on the page, the sidebar and a widget's background in both themes (and
     in Streamlit's pop-ups, which have no color-scheme), instead of Streamlit's half-transparent glow (2:1 on white)
     or nothing at all (the sidebar's and page links). The sidebar's current page is a shaded row, not a ring. */
  :is(a, button, summary, [data-tag], [tabindex="0"]:not(input, textarea, [role="spinbutton"])):focus-visible,
  [data-testid="stDataFrame"] :focus-visible,
  :is([data-testid="stRadioOption"], [data-testid="stCheckbox"] > label):has(input:focus-visible),
  [data-testid="stSlider"] div:has(> div > input:focus-visible),
  :is([data-testid="stTextInputRootElement"], [data-testid="stTextAreaRootElement"], [data-testid="stDateInputField"],
      [data-testid="stTimeInputTimeDisplay"], [role="group"]:has(> [role="combobox"], > * > [role="combobox"])
  ):focus-within {{
    outline: {FOCUS_RING_WIDTH} solid {FOCUS_RING} !important; outline-offset: 2px;
  }}
  /* A text field fills its box, whose overflow would cut a ring drawn outside it: the field's ring is inside. */
  :is([data-testid="stTextInputRootElement"], [data-testid="stTextAreaRootElement"], [data-testid="stDateInputField"],
      [data-testid="stTimeInputTimeDisplay"], [role="group"]:has(> [role="combobox"], > * > [role="combobox"])
  ):focus-within {{
    outline-offset: -{FOCUS_RING_WIDTH};
  }}
  /* A collapsed sidebar (a phone, a zoomed screen) is out of the Tab order too: Streamlit only slides it off the
     screen, where its links still took seven Tabs with nothing to see. */
  [data-testid="stSidebar"][data-collapsed="true"] {{ visibility: hidden; }}
  /* The frame's box of notices takes no room while it holds none. */
  [data-testid="stLayoutWrapper"]:has(> .st-key-{FRAME_NOTICES}:empty) {{ display: none; }}
  /* Words on a fill of the primary colour: white on the light theme's, but the dark page's own colour on the dark
     theme's light blue, where white is 2.15:1 (Streamlit draws them white in both). */
  :is([data-testid^="stBaseButton-primary"]:not(:disabled),
      [data-testid="stMultiSelect"]:not(:has(input:disabled)) [data-tag]) {{
    color: light-dark({_LIGHT.background}, {_DARK.background}) !important;
  }}
  /* Every word a chart draws on the page in the page's text colour (charts/theme.LOOKS): Streamlit draws ticks, axis
     titles, notes and hover text in a grey of 3.7:1 on white. Words inside a bar keep their builder's black/white. */
  [data-testid="stPlotlyChart"] :is(g[class$="tick"], g[class^="g-"][class$="title"], .annotation, .hovertext) text,
  [data-testid="stPlotlyChart"] text:is(.legendtext, .bartext-outside, .number) {{
    fill: currentColor !important;
  }}
  /* The date and time fields' day, month, year, hour and minute: 24 px targets, not 18 by 20 (2.5.8). */
  :is([data-testid="stDateInputField"], [data-testid="stTimeInputTimeDisplay"]) [role="spinbutton"] {{
    min-width: 24px; min-height: 24px; line-height: 24px; text-align: center; box-sizing: border-box;
  }}
  /* Asked for less motion: no sliding sidebar, fading or growing boxes (winback's own rules add no motion). */
  @media (prefers-reduced-motion: reduce) {{
    *, *::before, *::after {{ transition: none !important; }}
    html {{ scroll-behavior: auto !important; }}
  }}
"""
