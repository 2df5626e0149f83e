"""Screenshot every page in headless Chromium: empty and one year of sample data, light and dark, desktop, phone and
a laptop's screen at 200 % zoom (named -zoom200).

.venv/bin/python scripts/screenshots.py [--out artifacts/screens] [--pages today,progress]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Literal

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright

from tests.support.browser import ZOOM_200, ZOOM_200_SCALE, drawn, progress_view, rerun, visit, watch
from tests.support.devserver import CHROMIUM_ARGS, ROOT, chromium_path, running
from winback import sample, sitemap, views
from winback.store import Store

# Screenshot name -> URL path, for every page of the app.
PAGES = {page.file.removeprefix("pages/").removesuffix(".py"): page.url_path for page in sitemap.PAGES}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="artifacts/screens")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--sets", default="empty,year")
    parser.add_argument("--readme", action="store_true", help="only write docs/screenshot.png")
    args = parser.parse_args()
    if args.readme:
        readme_shot(ROOT / "docs" / "screenshot.png")
        return
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    wanted = [p for p in args.pages.split(",") if p]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for data_set in args.sets.split(","):
            folder = Path(tmp) / data_set
            folder.mkdir()
            if data_set == "year":
                sample.write_sample(Store(folder), days=365)
            with running(ROOT / "app.py", folder, Path(tmp) / f"{data_set}.log") as server:
                # (scheme, CSS width, height, device pixels per CSS pixel): 1280 px at 200 % zoom is 640 at 2.
                looks: tuple[tuple[Literal["light", "dark"], int, int, int], ...] = (
                    ("light", 1280, 1800, 1),
                    ("dark", 1280, 1800, 1),
                    ("light", 390, 2400, 1),
                    ("light", ZOOM_200["width"], 1800, ZOOM_200_SCALE),
                    ("dark", ZOOM_200["width"], 1800, ZOOM_200_SCALE),
                )
                for scheme, width, height, scale in looks:
                    context = browser.new_context(
                        viewport={"width": width, "height": height}, color_scheme=scheme, device_scale_factor=scale
                    )
                    size = "zoom200" if scale == ZOOM_200_SCALE else str(width)
                    page = watch(context.new_page())
                    for name in wanted:
                        visit(page, f"{server.url}/{PAGES[name]}")
                        drawn(page)
                        target = out / f"{name}-{data_set}-{scheme}-{size}.png"
                        page.screenshot(path=str(target), full_page=True)
                        print(target)
                        if name == "progress":
                            for view in views.CHART_VIEWS:
                                with rerun(page):
                                    progress_view(page, view).click()
                                drawn(page)
                                slug = view.lower().replace(" ", "_").replace("-", "")
                                target = out / f"{name}-{slug}-{data_set}-{scheme}-{size}.png"
                                page.screenshot(path=str(target), full_page=True)
                                print(target)
                    context.close()
        browser.close()


def readme_shot(target: Path) -> None:
    """The README's picture: the Daily log with a year of sample data."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder = Path(tmp) / "year"
        sample.write_sample(Store(folder), days=365)
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        with running(ROOT / "app.py", folder, Path(tmp) / "server.log") as server:
            page = watch(browser.new_page(viewport={"width": 1280, "height": 1000}))
            visit(page, f"{server.url}/daily_log")
            drawn(page)
            page.screenshot(path=str(target))
        browser.close()
    print(target)


if __name__ == "__main__":
    main()
