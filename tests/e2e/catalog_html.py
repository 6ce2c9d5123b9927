#!/usr/bin/env python3
"""End-to-end: the catalog page of fixtures/gridunion works in a real browser
(issue 6: "the catalog page opens in a headless browser and finds a table by
search").

Writes catalog.html and catalog.json with the built binary, opens the page in
headless Chromium with the search in the URL fragment (#q=...) and checks that
the DOM shows the tables that match and hides the others; then opens
#table=<name> and checks that the detail lists the table's producers and
consumers with their locations, its contract and its lineage.

Needs Chromium (Debian: chromium-headless-shell or chromium, installed by
ci/setup.sh). A missing browser is a failure, not a skip.
"""
import argparse
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

FIXTURE = "fixtures/gridunion"
TABLE = "prod_de.silver_metering.readings"  # produced, consumed, covered by a contract
BROWSERS = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"]


class Dom(html.parser.HTMLParser):
    """The table list items (name → hidden?) and the text of elements by id."""

    INLINE = {"a", "span", "code", "b", "i", "em", "strong", "wbr"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items = {}
        self.text_by_id = {}
        self.stack = []  # (tag, id or None)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "li" and "data-name" in a:
            self.items[a["data-name"]] = "hidden" in a
        if tag in self.VOID:
            return
        self.stack.append((tag, a.get("id")))
        if a.get("id"):
            self.text_by_id.setdefault(a["id"], "")

    def handle_endtag(self, tag):
        if tag not in self.INLINE:
            self.handle_data(" ")  # cells and blocks stay apart, <wbr>-split names stay whole
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        for _, ident in self.stack:
            if ident:
                self.text_by_id[ident] += data


def find_browser():
    override = os.environ.get("PIPELINT_CHROMIUM")
    if override:
        return override if shutil.which(override) else None
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def dump_dom(browser, page, fragment, profile):
    url = "file://" + urllib.parse.quote(os.path.abspath(page)) + "#" + fragment
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile,
           "--virtual-time-budget=5000", "--dump-dom", url]
    p = subprocess.run(cmd, capture_output=True, timeout=120)
    if p.returncode != 0 or b"</html>" not in p.stdout:
        sys.exit(f"FAIL: {os.path.basename(browser)} could not render {url}: exit {p.returncode}\n"
                 + p.stderr.decode(errors="replace")[-2000:])
    dom = Dom()
    dom.feed(p.stdout.decode("utf-8", errors="replace"))
    return dom


def haystack(t):
    """What the page's search matches (kept in step with catalog_html_assets.cpp)."""
    words = [t["name"], t["owner"] or "", t["layer"] or "", t["kind"]]
    c = t["contract"]
    if c:
        words += [c["id"] or "", c["name"] or "", c["status"] or ""] + [col["name"] for col in c["columns"]]
    return " \u0001 ".join(words).lower()


def expected_visible(tables, q):
    terms = q.lower().split()
    return {t["name"] for t in tables if all(w in haystack(t) for w in terms)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pipelint", required=True)
    a = ap.parse_args()
    browser = find_browser()
    if not browser:
        sys.exit("FAIL: no Chromium found (looked for " + ", ".join(BROWSERS) + " and $PIPELINT_CHROMIUM); "
                 "run ci/setup.sh as root to install chromium-headless-shell")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.chdir(root)
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, "catalog.html")
        data = os.path.join(tmp, "catalog.json")
        for fmt, out in (("html", page), ("json", data)):
            p = subprocess.run([a.pipelint, "catalog", FIXTURE, "--format", fmt, "-o", out, "-q"],
                               capture_output=True, timeout=300)
            if p.returncode != 0:
                sys.exit(f"FAIL: pipelint catalog --format {fmt} exited {p.returncode}: "
                         + p.stderr.decode(errors="replace"))
        with open(data) as f:
            tables = json.load(f)["tables"]
        by_name = {t["name"]: t for t in tables}
        if TABLE not in by_name or not by_name[TABLE]["producers"] or not by_name[TABLE]["consumers"]:
            sys.exit(f"FAIL: {TABLE} is not in the catalog with producers and consumers")
        profile = os.path.join(tmp, "profile")

        # 1. Search through the fragment: the table shows, the others hide.
        for q in (TABLE, "electra-fr gold", "meter_id"):
            dom = dump_dom(browser, page, "q=" + urllib.parse.quote(q), profile)
            shown = {name for name, hidden in dom.items.items() if not hidden}
            want = expected_visible(tables, q)
            if len(dom.items) != len(tables):
                failures.append(f"#q={q}: the page lists {len(dom.items)} tables, the JSON {len(tables)}")
            if shown != want:
                failures.append(f"#q={q}: shown {sorted(shown)[:5]}..., expected {sorted(want)[:5]}...")
            if not want or len(want) == len(tables):
                failures.append(f"#q={q}: the query should match some tables, not all or none ({len(want)})")
            if f"{len(want)} of {len(tables)} tables" not in dom.text_by_id.get("count", ""):
                failures.append(f"#q={q}: the count says {dom.text_by_id.get('count', '').strip()!r}")
            if q == TABLE and TABLE not in shown:
                failures.append(f"#q={q}: {TABLE} is not shown")

        # 2. #table= opens the detail: producers and consumers with locations, contract, lineage.
        t = by_name[TABLE]
        dom = dump_dom(browser, page, "table=" + urllib.parse.quote(TABLE), profile)
        title = dom.text_by_id.get("table-title", "").strip()
        if title != TABLE:
            failures.append(f"#table=: the detail title is {title!r}")
        for section, accesses in (("producers", t["producers"]), ("consumers", t["consumers"])):
            text = dom.text_by_id.get(section, "")
            for acc in accesses:
                where = f"{acc['pipeline']}:{acc['line']}:{acc['col']}"
                if where not in text:
                    failures.append(f"#table=: {section} do not show {where}")
        detail = dom.text_by_id.get("detail", "")
        if t["contract"]:
            for value in (t["contract"]["path"], t["contract"]["version"], t["contract"]["status"]):
                if value and value not in detail:
                    failures.append(f"#table=: the contract's {value!r} is not shown")
        for neighbour in t["upstream"] + t["downstream"]:
            if neighbour not in detail:
                failures.append(f"#table=: lineage does not show {neighbour}")
        if dom.items.get(TABLE, True):
            failures.append("#table= without a search must not hide the table in the list")

        # 3. A table name that is not in the catalog is said so, without an error.
        dom = dump_dom(browser, page, "table=" + urllib.parse.quote("no.such.table"), profile)
        if "No table named no.such.table" not in dom.text_by_id.get("detail", ""):
            failures.append("#table=no.such.table: no 'not found' message")

    for f in failures:
        print("FAIL:", f)
    if failures:
        return 1
    print(f"OK: catalog page searched and opened in {os.path.basename(browser)} ({len(tables)} tables)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
