"""axe-core in Chromium (through axe-playwright-python, which bundles it): what it finds on a page, in words.

A finding is one node that breaks one rule. ``ALLOWED`` names the few that come from Streamlit's own widget markup
and cannot be changed from winback; each says which rule, which widget and why. It must stay short.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

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
