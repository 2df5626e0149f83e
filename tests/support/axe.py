"""axe-core in Chromium (through axe-playwright-python, which bundles it): what it finds on a page, in words; and
the focus ring around what has keyboard focus, which axe does not check.

A finding is one node that breaks one rule. ``ALLOWED`` names the few that come from Streamlit's own widget markup
and cannot be changed from winback; each says which rule, which widget and why. It must stay short.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from winback.charts.theme import NON_TEXT_CONTRAST, contrast_ratio

# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
BLOCKING = ("critical", "serious")

# (rule, a pattern the node's selector or markup matches): why it is Streamlit's and not winback's to fix.
ALLOWED: dict[tuple[str, str], str] = {}

_AXE = Axe()


@dataclass(frozen=True)
class Finding:
    where: str
    rule: str
    impact: str
    target: str
    html: str
    summary: str

    def words(self) -> str:
        return f"{self.where}: {self.impact} {self.rule} at {self.target}: {self.summary} ({self.html[:160]})"

    @property
    def allowed(self) -> str | None:
        for (rule, pattern), why in ALLOWED.items():
            if rule == self.rule and (re.search(pattern, self.target) or re.search(pattern, self.html)):
                return why
        return None


def audit(page: Page, where: str) -> list[Finding]:
    """Every node on the page that breaks a rule of ``TAGS``, as axe-core sees it now."""
    results = _AXE.run(
        page,
        options={"runOnly": {"type": "tag", "values": list(TAGS)}, "resultTypes": ["violations"]},
    )
    found = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            found.append(
                Finding(
                    where=where,
                    rule=violation["id"],
                    impact=node.get("impact") or violation.get("impact") or "minor",
                    target=" ".join(str(t) for t in node.get("target", [])),
                    html=node.get("html", ""),
                    summary=(node.get("failureSummary") or violation.get("help", "")).replace("\n", " "),
                )
            )
    return found


def counts(found: list[Finding]) -> Counter[str]:
    return Counter(f.impact for f in found)


# The element with keyboard focus, or the nearest of its ancestors that draws an outline (a radio's or a checkbox's
# label, a slider's thumb, a field's box: their inputs are hidden), and the first colour behind that outline.
_RING = """() => {
  const focused = document.activeElement;
  let ring = focused;
  for (let up = focused, n = 0; up && n < 6; up = up.parentElement, n++) {
    const style = getComputedStyle(up);
    if (style.outlineStyle !== 'none' && style.outlineStyle !== 'auto' && parseFloat(style.outlineWidth) > 0) {
      ring = up;
      break;
    }
  }
  let behind = 'rgb(255, 255, 255)';
  for (let up = ring.parentElement; up; up = up.parentElement) {
    const colour = getComputedStyle(up).backgroundColor;
    if (colour !== 'transparent' && !/^rgba\\(.*, 0\\)$/.test(colour)) { behind = colour; break; }
  }
  const style = getComputedStyle(ring);
  const role = focused.getAttribute('role') || (focused.tagName === 'INPUT' ? focused.type : '');
  return {
    kind: `${focused.tagName.toLowerCase()} ${role}`.trim(),
    name: (focused.getAttribute('aria-label') || focused.innerText || '').trim().slice(0, 40)
      || focused.closest('[data-testid]')?.dataset.testid || '',
    style: style.outlineStyle, width: parseFloat(style.outlineWidth),
    colour: style.outlineColor, background: behind,
  };
}"""


@dataclass(frozen=True)
class Ring:
    """The outline drawn around what has keyboard focus, and the colour it is drawn on."""

    kind: str  # the focused element's tag and role (or an input's type): "a", "button radio", "input range"
    name: str
    style: str
    width: float
    colour: str
    background: str

    @property
    def contrast(self) -> float:
        return contrast_ratio(self.colour, self.background)

    @property
    def weak(self) -> bool:
        """No solid ring, or one thinner than 2 px or under 3:1 on what it is drawn on."""
        return self.style != "solid" or self.width < 2 or self.contrast < NON_TEXT_CONTRAST

    def words(self) -> str:
        where = f'{self.kind} "{self.name}"'
        return f"{where}: {self.style} {self.width:g} px {self.colour} on {self.background}, {self.contrast:.2f}:1"


def focus_ring(page: Page) -> Ring:
    """The focus ring of the element that has keyboard focus now."""
    return Ring(**page.evaluate(_RING))
