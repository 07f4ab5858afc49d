// The dashboard: filters in the URL hash, a timeline, an actor network, the event table, event and document views.
import { el, add, clear, dirOf } from "./dom.js";
import { drawTimeline, drawNetwork, colourFor } from "./charts.js";

const FILTERS = ["q", "actor", "country", "quad", "type", "mode", "lang", "outlet", "since", "until"];
const PAGE = 25;
const state = { filters: {}, offset: 0, by: "quad", nodes: "country", meta: null, quadColours: {}, labels: {}, view: null };
const $ = (sel) => document.querySelector(sel);

async function api(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) url.searchParams.set(k, v);
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json();
  if (!res.ok) throw new Error(body && body.error ? body.error.message : res.statusText);
  return body;
}

// --- URL hash <-> state ----------------------------------------------------------------------
function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  state.filters = {};
  for (const k of FILTERS) if (p.get(k)) state.filters[k] = p.get(k);
  state.offset = Number(p.get("offset")) || 0;
  state.view = p.get("event") ? { event: p.get("event") } : p.get("doc") ? { doc: p.get("doc") } : null;
}

function writeHash(extra = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state.filters)) if (v) p.set(k, v);
  if (state.offset) p.set("offset", state.offset);
  for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v);
  const h = "#" + p.toString();
  if (location.hash !== h) location.hash = h; else route();
}

function setFilter(k, v) {
  if (v) state.filters[k] = v; else delete state.filters[k];
  state.offset = 0;
  writeHash();
}

// --- filters form and chips --------------------------------------------------------------------
function fillSelect(name, values, label = (v) => v) {
  const sel = document.querySelector(`select[name=${name}]`);
  for (const v of values) add(sel, el("option", { value: v }, label(v)));
}

function syncForm() {
  const form = $("#filters");
  for (const k of FILTERS) form.elements[k].value = state.filters[k] || "";
  const chips = clear($("#chips"));
  for (const [k, v] of Object.entries(state.filters)) {
    const chip = el("span", { class: "chip", "data-filter": k }, `${k}: ${k === "quad" ? state.labels[v] || v : v}`);
    const x = el("button", { type: "button", "aria-label": `remove ${k}` }, "×");
    x.addEventListener("click", () => setFilter(k, ""));
    add(chips, add(chip, x));
  }
}

function readForm(ev) {
  ev.preventDefault();
  const form = $("#filters");
  state.filters = {};
  for (const k of FILTERS) { const v = form.elements[k].value.trim(); if (v) state.filters[k] = v; }
  state.offset = 0;
  writeHash();
}

// --- table -------------------------------------------------------------------------------------
function badge(event, quad) {
  const b = el("span", { class: "badge", title: state.labels[quad] || "" }, event);
  b.style.background = colourFor(quad || "", state.quadColours);
  return b;
}

function who(codes, names) {
  const cell = el("td", { class: "who" });
  (codes || []).forEach((c, i) => {
    if (i) add(cell, el("br"));
    const name = el("span", { dir: "auto", class: "name", title: "Filter by this actor" }, names[i] || c);
    name.addEventListener("click", (ev) => { ev.stopPropagation(); setFilter("actor", names[i] || c); });
    add(cell, name, el("span", { class: "code" }, c));
  });
  return cell;
}

function renderTable(page) {
  const body = clear($("#events tbody"));
  if (!page.items.length) add(body, add(el("tr"), el("td", { colspan: 6, class: "empty" }, "No events match these filters.")));
  for (const r of page.items) {
    const tr = el("tr", { "data-event": r.event_id, "data-codes": [...r.actor_codes, ...r.recipient_codes].join(" "),
      "data-names": [...r.actor_names, ...r.recipient_names].join("|"), tabindex: 0 });
    const typeCell = add(el("td"), badge(r.event, r.quad));
    if (r.mode) add(typeCell, el("span", { class: "mode" }, r.mode));
    add(tr, el("td", { class: r.date ? "" : "reported", title: r.date ? "event date" : "publication date" }, r.day || "—"),
      typeCell, who(r.actor_codes, r.actor_names), who(r.recipient_codes, r.recipient_names),
      el("td", { class: "ev", dir: dirOf(r.lang), lang: r.lang || "", title: r.evidence || "" }, r.evidence || ""),
      el("td", {}, r.lang || ""));
    tr.addEventListener("click", () => writeHash({ event: r.event_id }));
    tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") writeHash({ event: r.event_id }); });
    add(body, tr);
  }
  const end = Math.min(page.offset + page.items.length, page.total);
  $("#page-info").textContent = page.total ? `${page.offset + 1}–${end} of ${page.total}` : "0 events";
  $("#prev").disabled = page.offset === 0;
  $("#next").disabled = end >= page.total;
}

function exportLinks() {
  for (const fmt of ["csv", "plover"]) {
    const url = new URL("/api/export", location.origin);
    for (const [k, v] of Object.entries(state.filters)) url.searchParams.set(k, v);
    url.searchParams.set("format", fmt);
    $(`#export-${fmt}`).href = url.pathname + url.search;
  }
}

// --- event and document views ------------------------------------------------------------------
function entities(list) {
  const dd = el("dd");
  list.forEach((e, i) => add(dd, i ? ", " : null, el("span", { dir: "auto" }, e.identifier_text || e.entity_text),
    el("span", { class: "code" }, ` ${e.code}${e.sector ? "/" + e.sector : ""}`)));
  if (!list.length) dd.textContent = "—";
  return dd;
}

function sentence(m) {
  const p = el("p", { class: "rtl-text", dir: dirOf(m.lang), lang: m.lang || "" });
  for (const s of m.segments) add(p, s.role ? el("mark", { class: s.role, title: `${s.role}: ${s.label || ""}` }, s.text) : s.text);
  return p;
}

function showEvent(v) {
  const e = v.event, body = clear($("#detail-body"));
  const title = add(el("h3"), badge(e.event, v.quad), " ", e.mode ? el("span", { class: "mode" }, e.mode) : null);
  const dl = add(el("dl"),
    el("dt", {}, "Actor"), entities(e.actor), el("dt", {}, "Recipient"), entities(e.recipient),
    el("dt", {}, "Date"), el("dd", {}, e.date ? `${e.date}${e.date_text ? " (" + e.date_text + ")" : ""}` : "not stated"),
    el("dt", {}, "Modality"), el("dd", {}, e.aux || "asserted"),
    el("dt", {}, "Context"), el("dd", {}, (e.context || []).join(", ") || "—"),
    el("dt", {}, "Source"), add(el("dd"), el("span", { dir: "auto" }, (e.cite_info && e.cite_info.publication) || v.document.doc_id),
      v.document.pub_date ? ` · ${v.document.pub_date}` : ""),
    el("dt", {}, "Rule"), add(el("dd"), el("bdi", {}, e.rule), ` · confidence ${e.confidence}`));
  const docLink = el("a", { href: "#doc=" + encodeURIComponent(v.document.doc_key), id: "doc-link" }, `Open document ${v.document.doc_id}`);
  const key = add(el("div", { class: "marks-key" }), el("mark", { class: "trigger" }, "trigger"),
    el("mark", { class: "actor" }, "actor"), el("mark", { class: "recipient" }, "recipient"));
  add(body, title, dl, el("h2", {}, `Mentions (${v.mentions.length})`), key);
  for (const m of v.mentions) {
    add(body, add(el("div", { class: "mention" }),
      el("div", { class: "meta" }, `${m.doc_id} · sentence ${m.sentence.index ?? "?"} · characters ${m.evidence.start}–${m.evidence.end}`),
      sentence(m)));
  }
  add(body, add(el("p"), docLink));
}

function showDocument(d) {
  const body = clear($("#detail-body"));
  add(body, el("h3", { dir: "auto" }, d.doc_id), add(el("dl"),
    el("dt", {}, "Outlet"), add(el("dd"), el("bdi", {}, d.outlet || d.source || "—")),
    el("dt", {}, "Published"), el("dd", {}, d.pub_date || "unknown"),
    el("dt", {}, "Language"), el("dd", {}, d.lang || "?"),
    el("dt", {}, "URL"), el("dd", {}, d.url || "—"),
    el("dt", {}, "Events"), el("dd", {}, String(d.events.length))));
  const list = el("p");
  d.events.forEach((ev, i) => add(list, i ? " · " : null, el("a", { href: "#event=" + encodeURIComponent(ev.event_id) }, ev.event)));
  add(body, list, docText(d));
}

// The raw text with each event's evidence marked. Offsets count code points (Python), so the text is
// cut as an array of code points, never by UTF-16 index.
function docText(d) {
  const pre = el("pre", { class: "doc-text", dir: dirOf(d.lang), lang: d.lang || "", id: "doc-text" });
  const cps = Array.from(d.text || "");
  const spans = d.events.filter((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start < e.end)
    .sort((a, b) => a.start - b.start);
  let pos = 0;
  for (const e of spans) {
    if (e.start < pos || e.end > cps.length) continue;
    add(pre, cps.slice(pos, e.start).join(""));
    const m = el("mark", { class: "evidence", title: `${e.event} — open the event`, tabindex: 0, "data-event": e.event_id }, cps.slice(e.start, e.end).join(""));
    m.addEventListener("click", () => writeHash({ event: e.event_id }));
    add(pre, m);
    pos = e.end;
  }
  add(pre, cps.slice(pos).join(""));
  return pre;
}

async function showView() {
  const aside = $("#detail");
  if (!state.view) { aside.hidden = true; return; }
  aside.hidden = false;
  try {
    if (state.view.event) showEvent(await api("/api/events/" + encodeURIComponent(state.view.event)));
    else showDocument(await api("/api/documents/" + encodeURIComponent(state.view.doc)));
  } catch (err) {
    add(clear($("#detail-body")), el("p", { class: "empty" }, `Cannot load: ${err.message}`));
  }
  document.querySelectorAll("#events tbody tr").forEach((tr) => tr.classList.toggle("sel", !!state.view.event && tr.dataset.event === state.view.event));
}

// --- panels ------------------------------------------------------------------------------------
async function renderPanels() {
  const f = state.filters;
  const [page, daily, net] = await Promise.all([
    api("/api/events", { ...f, limit: PAGE, offset: state.offset }),
    api("/api/counts/daily", { ...f, by: state.by }),
    api("/api/network", { ...f, by: state.nodes, nodes: 30 }),
  ]);
  renderTable(page);
  const { hidden, unit } = drawTimeline($("#timeline"), $("#timeline-legend"), daily, state.quadColours, state.labels,
    (since, until) => { state.filters.since = since; state.filters.until = until; state.offset = 0; writeHash(); });
  const und = Object.values(daily.undated).reduce((a, b) => a + b, 0);
  const left = [und ? `${und} with no date at all` : "", hidden ? `${hidden} outside the window` : ""].filter(Boolean);
  $("#undated").textContent = `Events per ${unit} (the event's date, else its report's)` +
    (left.length ? `; not shown: ${left.join(", ")}` : "") + ". Click a bar to filter.";
  const sel = state.nodes === "country" ? f.country : null;
  drawNetwork($("#network"), net, sel, (n) => setFilter(state.nodes === "country" ? "country" : "actor", state.nodes === "country" ? n.code : n.label));
  exportLinks();
  document.body.dataset.loaded = String(Date.now());
}

let rendering = Promise.resolve();
let shown = null; // what the panels show now: opening an event does not redraw them
async function route(force = false) {
  readHash();
  syncForm();
  const wide = !!state.view;
  const key = JSON.stringify([state.filters, state.offset, state.by, state.nodes, wide]);
  document.body.classList.toggle("with-detail", wide);
  rendering = rendering.then(async () => {
    if (force || key !== shown) {
      try { await renderPanels(); shown = key; } catch (err) { $("#page-info").textContent = `Error: ${err.message}`; }
    }
    await showView();
    document.body.dataset.ready = "1";
  });
  return rendering;
}

async function init() {
  const meta = await api("/api/meta");
  state.meta = meta;
  for (const q of meta.quad_classes) { state.quadColours[q.name] = q.colour; state.labels[q.name] = q.label; for (const e of q.events) state.quadColours[e] = q.colour; }
  $("#totals").textContent = `${meta.documents} documents · ${meta.events} events`;
  fillSelect("quad", meta.quad_classes.map((q) => q.name), (n) => state.labels[n]);
  fillSelect("type", meta.quad_classes.flatMap((q) => q.events));
  fillSelect("mode", meta.facets.modes);
  fillSelect("lang", meta.facets.langs, (l) => ({ fa: "Persian (fa)", ar: "Arabic (ar)" }[l] || l));
  fillSelect("outlet", meta.facets.outlets);
  const names = add(el("datalist", { id: "actor-names" }));
  for (const a of (await api("/api/actors", { limit: 300 })).items) if (a.name) add(names, el("option", { value: a.name }, a.code || ""));
  add(document.body, names);
  $("#filters").elements.actor.setAttribute("list", "actor-names");
  $("#filters").addEventListener("submit", readForm);
  $("#clear").addEventListener("click", () => { state.filters = {}; state.offset = 0; writeHash(); });
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); writeHash(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; writeHash(); });
  $("#close-detail").addEventListener("click", () => writeHash());
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && state.view) writeHash(); });
  for (const b of document.querySelectorAll("[data-by]")) b.addEventListener("click", () => {
    state.by = b.dataset.by; document.querySelectorAll("[data-by]").forEach((x) => x.classList.toggle("on", x === b)); route(true); });
  for (const b of document.querySelectorAll("[data-nodes]")) b.addEventListener("click", () => {
    state.nodes = b.dataset.nodes; document.querySelectorAll("[data-nodes]").forEach((x) => x.classList.toggle("on", x === b)); route(true); });
  window.addEventListener("hashchange", () => route());
  window.addEventListener("resize", () => route(true));
  await route();
}

init().catch((err) => { $("#totals").textContent = `Cannot reach the API: ${err.message}`; });
