// The page reads its data from <script id="catalog-data" type="application/json">
// and builds every detail with textContent (never innerHTML), so a hostile name
// stays text. State lives in the URL fragment: #q=<search>&table=<name>.
#include "analyzer/output/catalog_html_assets.h"

namespace pipelint {

const char* const kCatalogCss = R"CSS(
:root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0550ae; --soft: #f6f8fa; --hit: #fff8c5; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
header { padding: 12px 20px; border-bottom: 1px solid var(--line); background: var(--soft);
         display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
header h1 { font-size: 18px; margin: 0; }
header label { font-weight: 600; }
#search { font: inherit; padding: 5px 8px; width: min(420px, 90vw); border: 1px solid var(--line); border-radius: 6px; }
#count { color: var(--muted); }
.layout { display: flex; align-items: flex-start; }
nav { width: 360px; flex: none; border-right: 1px solid var(--line); padding: 8px 12px 24px;
      max-height: calc(100vh - 58px); overflow: auto; position: sticky; top: 0; }
nav h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 14px 0 4px; }
nav ul { list-style: none; margin: 0; padding: 0; }
nav li { padding: 2px 0; }
nav li a { overflow-wrap: anywhere; }
nav li a[aria-current="true"] { font-weight: 700; background: var(--hit); }
.meta { color: var(--muted); font-size: 12px; margin-left: 4px; }
a { color: var(--accent); text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
main { flex: 1; padding: 12px 24px 40px; min-width: 0; }
main h2 { overflow-wrap: anywhere; margin-top: 4px; }
main h3 { margin: 22px 0 6px; font-size: 16px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; border: 1px solid var(--line); font-size: 12px; margin-left: 6px; }
.lineage { display: flex; gap: 10px; align-items: stretch; overflow-x: auto; padding: 4px 0; }
.hop { min-width: 140px; max-width: 230px; display: flex; flex-direction: column; gap: 6px; justify-content: center; }
.hop h4 { margin: 0; font-size: 12px; color: var(--muted); font-weight: 600; text-align: center; }
.hop .node { border: 1px solid var(--line); border-radius: 6px; padding: 4px 6px; font-size: 13px; overflow-wrap: anywhere; background: #fff; }
.hop .node.self { border-color: var(--accent); background: #ddf4ff; font-weight: 700; }
.arrow { align-self: center; color: var(--muted); font-size: 20px; }
.empty { color: var(--muted); }
@media (max-width: 800px) { .layout { display: block; } nav { width: auto; max-height: none; position: static; border-right: 0; } }
)CSS";

const char* const kCatalogJs = R"JS(
(function () {
  "use strict";
  var MAX_HOPS = 3;
  var data = JSON.parse(document.getElementById("catalog-data").textContent);
  var tables = data.tables || [];
  var byName = new Map();
  tables.forEach(function (t) { byName.set(t.name, t); });
  var search = document.getElementById("search");
  var count = document.getElementById("count");
  var detail = document.getElementById("detail");
  var items = Array.prototype.slice.call(document.querySelectorAll("#table-list li[data-i]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("#table-list section"));

  var haystacks = tables.map(function (t) {
    var words = [t.name, t.owner || "", t.layer || "", t.kind];
    if (t.contract) {
      words.push(t.contract.id || "", t.contract.name || "", t.contract.status || "");
      t.contract.columns.forEach(function (c) { words.push(c.name); });
    }
    return words.join(" \u0001 ").toLowerCase();
  });

  function readHash() {
    var state = { q: "", table: "" };
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var eq = kv.indexOf("=");
      if (eq < 0) return;
      var key = kv.slice(0, eq), value = kv.slice(eq + 1).replace(/\+/g, " ");
      try { value = decodeURIComponent(value); } catch (e) { return; }
      if (key === "q" || key === "table") state[key] = value;
    });
    return state;
  }

  function hashOf(state) {
    var parts = [];
    if (state.q) parts.push("q=" + encodeURIComponent(state.q));
    if (state.table) parts.push("table=" + encodeURIComponent(state.table));
    return parts.length ? "#" + parts.join("&") : "#";
  }

  function filter(q) {
    var terms = q.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (li) {
      var hay = haystacks[Number(li.getAttribute("data-i"))] || "";
      var match = terms.every(function (w) { return hay.indexOf(w) >= 0; });
      li.hidden = !match;
      if (match) shown++;
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector("li[data-i]:not([hidden])"); });
    count.textContent = shown + " of " + tables.length + " tables";
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  // The name with line-break opportunities after '.', '_' and '/'.
  function breakable(name, e) {
    var start = 0;
    for (var i = 0; i <= name.length; i++) {
      if (i < name.length && "._/".indexOf(name[i]) < 0) continue;
      if (start > 0) e.appendChild(document.createElement("wbr"));
      e.appendChild(document.createTextNode(name.slice(start, i + 1)));
      start = i + 1;
      if (start >= name.length) break;
    }
    return e;
  }

  function tableLink(name) {
    if (!byName.has(name)) return breakable(name, el("code"));
    var a = breakable(name, el("a"));
    a.href = hashOf({ q: search.value, table: name });
    a.setAttribute("data-table", name);
    return a;
  }

  function fact(dl, label, value) {
    dl.appendChild(el("dt", label));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = value || "\u2014";
    dl.appendChild(dd);
  }

  function slaText(c) {
    if (!c || !c.sla) return "";
    return ["latency", "frequency", "retention"].filter(function (k) { return c.sla[k]; }).map(function (k) {
      var s = c.sla[k];
      return k + " " + s.text + (s.element ? " (" + s.element + ")" : "");
    }).join("; ");
  }

  function contractNode(c) {
    if (!c) return null;
    var span = el("span");
    span.appendChild(el("code", c.path));
    var facts = [];
    if (c.id) facts.push("id " + c.id);
    if (c.version) facts.push("version " + c.version);
    if (c.team) facts.push("team " + c.team);
    if (facts.length) span.appendChild(document.createTextNode(" (" + facts.join(", ") + ")"));
    if (c.status) span.appendChild(el("span", c.status, "badge"));
    return span;
  }

  // Tables by distance: hops[0] = one pipeline step away, and so on.
  function hopsFrom(name, key) {
    var seen = new Set([name]), frontier = [name], hops = [];
    for (var depth = 0; depth < MAX_HOPS && frontier.length; depth++) {
      var next = [];
      frontier.forEach(function (n) {
        var t = byName.get(n);
        (t ? t[key] : []).forEach(function (m) {
          if (!seen.has(m)) { seen.add(m); next.push(m); }
        });
      });
      next.sort();
      if (next.length) hops.push(next);
      frontier = next;
    }
    return hops;
  }

  function hopColumn(title, names, self) {
    var col = el("div", null, "hop");
    col.appendChild(el("h4", title));
    names.forEach(function (n) {
      var node = el("div", null, "node" + (self ? " self" : ""));
      node.appendChild(self ? breakable(n, el("span")) : tableLink(n));
      col.appendChild(node);
    });
    return col;
  }

  function lineage(t) {
    var up = hopsFrom(t.name, "upstream"), down = hopsFrom(t.name, "downstream");
    var box = el("div", null, "lineage");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "lineage of " + t.name);
    for (var i = up.length - 1; i >= 0; i--) {
      box.appendChild(hopColumn("upstream " + (i + 1), up[i], false));
      box.appendChild(el("span", "\u2192", "arrow"));
    }
    box.appendChild(hopColumn("this table", [t.name], true));
    down.forEach(function (names, i) {
      box.appendChild(el("span", "\u2192", "arrow"));
      box.appendChild(hopColumn("downstream " + (i + 1), names, false));
    });
    if (!up.length && !down.length) return el("p", "No upstream or downstream tables found.", "empty");
    return box;
  }

  function accessTable(list, what) {
    if (!list.length) return el("p", "No " + what + " found.", "empty");
    var table = el("table"), head = el("tr");
    ["pipeline (first access)", "mode", "team", "run by"].forEach(function (h) { head.appendChild(el("th", h)); });
    table.appendChild(head);
    list.forEach(function (a) {
      var tr = el("tr");
      var p = el("td");
      p.appendChild(el("code", a.pipeline + ":" + a.line + ":" + a.col));
      tr.appendChild(p);
      tr.appendChild(el("td", a.modes.length ? a.modes.join(", ") : "\u2014"));
      tr.appendChild(el("td", a.team || "\u2014"));
      tr.appendChild(el("td", a.runs.length ? a.runs.map(function (r) { return r.dag + " \u203a " + r.task; }).join(", ") : "\u2014"));
      table.appendChild(tr);
    });
    return table;
  }

  function columnTable(c) {
    var table = el("table"), head = el("tr");
    ["column", "type", "required", "classification", "description"].forEach(function (h) { head.appendChild(el("th", h)); });
    table.appendChild(head);
    c.columns.forEach(function (col) {
      var tr = el("tr"), name = el("td");
      name.appendChild(el("code", col.name));
      if (col.primary_key) name.appendChild(el("span", "key", "badge"));
      tr.appendChild(name);
      tr.appendChild(el("td", col.physical_type || col.logical_type || "\u2014"));
      tr.appendChild(el("td", col.required ? "yes" : "no"));
      tr.appendChild(el("td", col.classification || "\u2014"));
      tr.appendChild(el("td", col.description || ""));
      table.appendChild(tr);
    });
    return table;
  }

  function showTable(name) {
    items.forEach(function (li) {
      var a = li.querySelector("a");
      if (a) a.setAttribute("aria-current", String(li.getAttribute("data-name") === name));
    });
    var t = byName.get(name);
    detail.textContent = "";
    if (!name) {
      detail.appendChild(el("p", "Choose a table on the left, or search by table name, team, layer or column.", "empty"));
      return;
    }
    if (!t) {
      detail.appendChild(el("p", "No table named " + name + " in this catalog.", "empty"));
      return;
    }
    var h = breakable(t.name, el("h2"));
    h.id = "table-title";
    detail.appendChild(h);
    var dl = el("dl", null, "facts");
    fact(dl, "owner", t.owner);
    fact(dl, "layer", t.layer);
    fact(dl, "kind", t.kind + (t.external ? ", external" : "") + (t.unresolved ? ", unresolved name" : ""));
    fact(dl, "contract", contractNode(t.contract));
    fact(dl, "SLA", slaText(t.contract));
    if (t.contract && t.contract.also_in.length) fact(dl, "also in", t.contract.also_in.join(", "));
    detail.appendChild(dl);
    detail.appendChild(el("h3", "Lineage"));
    detail.appendChild(lineage(t));
    var producers = el("section");
    producers.id = "producers";
    producers.appendChild(el("h3", "Producers (" + t.producers.length + ")"));
    producers.appendChild(accessTable(t.producers, "producers"));
    detail.appendChild(producers);
    var consumers = el("section");
    consumers.id = "consumers";
    consumers.appendChild(el("h3", "Consumers (" + t.consumers.length + ")"));
    consumers.appendChild(accessTable(t.consumers, "consumers"));
    detail.appendChild(consumers);
    if (t.contract && t.contract.columns.length) {
      detail.appendChild(el("h3", "Columns (contract)"));
      detail.appendChild(columnTable(t.contract));
    }
  }

  function render() {
    var state = readHash();
    if (search.value !== state.q) search.value = state.q;
    filter(state.q);
    items.forEach(function (li) {
      var a = li.querySelector("a");
      if (a) a.href = hashOf({ q: state.q, table: li.getAttribute("data-name") });
    });
    showTable(state.table);
  }

  search.addEventListener("input", function () {
    var state = readHash();
    state.q = search.value;
    history.replaceState(null, "", hashOf(state));
    render();
  });
  window.addEventListener("hashchange", render);
  document.body.classList.add("js");
  render();
})();
)JS";

}  // namespace pipelint
