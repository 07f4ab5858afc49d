// The timeline (stacked bars per day) and the actor network (force layout), drawn in SVG by hand.
import { clear, svg, el, add } from "./dom.js";

const PALETTE = ["#2f5d8a", "#3f8f5a", "#c0392b", "#d08a1e", "#7b4ea3", "#1f8a8a", "#a35a2a", "#5a6b7b",
  "#b8427a", "#6b8e23", "#8a6d1f", "#3a7bd5", "#9b2d20", "#2a9d8f", "#e76f51", "#264653"];

export function colourFor(key, quadColours) {
  if (quadColours[key]) return quadColours[key];
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

const DAY = 86400000;
const MAX_EDGES = 70; // the strongest links only: a readable network, not a hairball
const toTime = (d) => Date.parse(d + "T00:00:00Z");
const fmtDay = (t) => new Date(t).toISOString().slice(0, 10);

// The window of days holding the bulk of the events (3rd to 97th percentile), so that stray historical
// dates ("the 1979 revolution") do not squeeze the timeline.
const TAIL = 0.03;
function bulkWindow(days) {
  const total = days.reduce((s, d) => s + d.total, 0);
  let acc = 0, lo = days[0], hi = days[days.length - 1];
  for (const d of days) { acc += d.total; if (acc >= total * TAIL) { lo = d; break; } }
  acc = 0;
  for (let i = days.length - 1; i >= 0; i--) { acc += days[i].total; if (acc >= total * TAIL) { hi = days[i]; break; } }
  return [toTime(lo.day), toTime(hi.day)];
}

// Bars per day for a short window, per week or month for a long one.
function unitFor(spanDays) {
  return spanDays <= 92 ? "day" : spanDays <= 730 ? "week" : "month";
}

function bucketStart(t, unit) {
  const d = new Date(t);
  if (unit === "week") return t - ((d.getUTCDay() + 6) % 7) * DAY;
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return t;
}

function bucketEnd(b, unit) {
  const d = new Date(b);
  if (unit === "week") return b + 6 * DAY;
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY;
  return b;
}

function buckets(days, t0, t1, unit) {
  const out = new Map();
  for (const d of days) {
    const t = toTime(d.day);
    if (t < t0 || t > t1) continue;
    const b = bucketStart(t, unit);
    const acc = out.get(b) || { start: b, end: bucketEnd(b, unit), counts: {}, total: 0 };
    for (const [k, v] of Object.entries(d.counts)) acc.counts[k] = (acc.counts[k] || 0) + v;
    acc.total += d.total;
    out.set(b, acc);
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

export function drawTimeline(node, legend, data, quadColours, labels, onRange) {
  clear(node); clear(legend);
  const W = node.clientWidth || 600, H = node.clientHeight || 290, m = { l: 38, r: 36, t: 10, b: 26 };
  node.setAttribute("viewBox", `0 0 ${W} ${H}`);
  if (!data.days.length) {
    add(node, svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#667085" }, "No dated events for this filter"));
    return { hidden: 0, unit: "day" };
  }
  let [t0, t1] = bulkWindow(data.days);
  const unit = unitFor((t1 - t0) / DAY + 1);
  const bars = buckets(data.days, t0, t1, unit);
  const hidden = data.days.reduce((s, d) => s + d.total, 0) - bars.reduce((s, b) => s + b.total, 0);
  t0 = bucketStart(t0, unit); t1 = bucketEnd(bucketStart(t1, unit), unit) + DAY;
  if (unit === "day" && (t1 - t0) / DAY < 14) { const pad = Math.ceil((14 - (t1 - t0) / DAY) / 2) * DAY; t0 -= pad; t1 += pad; }
  const iw = W - m.l - m.r, ih = H - m.t - m.b;
  const x = (t) => m.l + ((t - t0) / (t1 - t0)) * iw;
  const max = Math.max(...bars.map((b) => b.total), 1);
  const y = (v) => m.t + ih - (v / max) * ih;
  const fmt = (t) => new Date(t).toISOString().slice(0, unit === "month" ? 7 : 10);
  const axis = svg("g", { class: "axis" });
  for (const v of [...new Set([0, Math.round(max / 2), max])]) {
    add(axis, svg("line", { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), stroke: "#eef0f3" }));
    add(axis, svg("text", { x: m.l - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 10, fill: "#667085" }, v));
  }
  const ticks = 6;
  for (let i = 0; i < ticks; i++) {
    const t = bucketStart(t0 + ((t1 - t0 - DAY) * i) / (ticks - 1), unit);
    const anchor = i === 0 ? "start" : i === ticks - 1 ? "end" : "middle";
    add(axis, svg("text", { x: x(t), y: H - 8, "text-anchor": anchor, "font-size": 10, fill: "#667085" }, fmt(t)));
  }
  add(node, axis);
  for (const b of bars) {
    const slot = x(b.end + DAY) - x(b.start), w = Math.max(2, Math.min(slot * 0.8, 28));
    const bx = x(b.start) + (slot - w) / 2;
    let acc = 0;
    const g = svg("g", { class: "bar", "data-day": fmt(b.start) });
    const span = unit === "day" ? fmt(b.start) : `${fmtDay(b.start)} – ${fmtDay(b.end)}`;
    for (const k of data.keys) {
      const v = b.counts[k] || 0;
      if (!v) continue;
      const r = svg("rect", { x: bx, width: w, y: y(acc + v), height: Math.max(0.5, y(acc) - y(acc + v)), fill: colourFor(k, quadColours) });
      add(r, svg("title", {}, `${span} · ${labels[k] || k}: ${v}`));
      add(g, r);
      acc += v;
    }
    g.addEventListener("click", () => onRange(fmtDay(b.start), fmtDay(b.end)));
    add(node, g);
  }
  for (const k of data.keys) add(legend, add(el("span"), el("span", { class: "sw", "data-key": k }), labels[k] || k));
  legend.querySelectorAll(".sw").forEach((s) => { s.style.background = colourFor(s.dataset.key, quadColours); });
  return { hidden, unit };
}

// A small deterministic force layout in the manner of d3-force: many-body repulsion (bounded range), links
// pulling to a rest length, a weak pull to the centre, velocity decay, cooling over 300 ticks.
function layout(nodes, edges, W, H) {
  const N = nodes.length, idx = new Map(nodes.map((n, i) => [n.id, i]));
  const pos = nodes.map((_, i) => {
    const r = 10 * Math.sqrt(i + 0.5), a = i * Math.PI * (3 - Math.sqrt(5)); // phyllotaxis start, as d3
    return { x: W / 2 + r * Math.cos(a), y: H / 2 + r * Math.sin(a), vx: 0, vy: 0 };
  });
  const links = edges.map((e) => [idx.get(e.source), idx.get(e.target), e.weight]).filter((l) => l[0] !== undefined && l[1] !== undefined);
  const degree = new Array(N).fill(0);
  for (const [a, b] of links) { degree[a]++; degree[b]++; }
  const rest = 55, charge = -160, maxDist2 = 300 * 300, centre = 0.07;
  let alpha = 1;
  const cool = 1 - Math.pow(0.001, 1 / 300);
  for (let it = 0; it < 300; it++) {
    for (const [a, b] of links) {
      const dx = pos[b].x + pos[b].vx - pos[a].x - pos[a].vx, dy = pos[b].y + pos[b].vy - pos[a].y - pos[a].vy;
      const d = Math.sqrt(dx * dx + dy * dy) || 1, strength = 1 / Math.min(degree[a], degree[b]);
      const l = ((d - rest) / d) * alpha * strength, bias = degree[a] / (degree[a] + degree[b]);
      pos[b].vx -= dx * l * bias; pos[b].vy -= dy * l * bias;
      pos[a].vx += dx * l * (1 - bias); pos[a].vy += dy * l * (1 - bias);
    }
    for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) {
      const dx = pos[j].x - pos[i].x, dy = pos[j].y - pos[i].y, d2 = Math.max(dx * dx + dy * dy, 1);
      if (d2 > maxDist2) continue;
      const f = (charge * alpha) / d2;
      pos[i].vx += dx * f; pos[i].vy += dy * f; pos[j].vx -= dx * f; pos[j].vy -= dy * f;
    }
    for (const p of pos) {
      p.vx += (W / 2 - p.x) * centre * alpha; p.vy += (H / 2 - p.y) * centre * alpha;
      p.vx *= 0.6; p.vy *= 0.6; p.x += p.vx; p.y += p.vy;
    }
    alpha -= alpha * cool;
  }
  const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Fill the box (each axis scaled on its own, at most 2x), leaving room for labels on the right.
  const sx = Math.min((W - 110) / Math.max(1, x1 - x0), 2), sy = Math.min((H - 50) / Math.max(1, y1 - y0), 2);
  return pos.map((p) => ({ x: W / 2 - 20 + (p.x - (x0 + x1) / 2) * sx, y: H / 2 + (p.y - (y0 + y1) / 2) * sy }));
}

export function edgeColour(e) {
  if (e.cooperation && e.conflict) return e.conflict > e.cooperation * 2 ? "#c0392b" : e.cooperation > e.conflict * 2 ? "#3f8f5a" : "#d08a1e";
  return e.conflict ? "#c0392b" : "#3f8f5a";
}

export function drawNetwork(node, data, selected, onNode) {
  clear(node);
  const W = node.clientWidth || 500, H = node.clientHeight || 330;
  node.setAttribute("viewBox", `0 0 ${W} ${H}`);
  if (!data.nodes.length) {
    add(node, svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#667085" }, "No actors for this filter"));
    return;
  }
  const edges = [...data.edges].sort((a, b) => b.weight - a.weight).slice(0, MAX_EDGES);
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  data = { ...data, edges, nodes: edges.length ? data.nodes.filter((n) => linked.has(n.id)) : data.nodes };
  const pos = layout(data.nodes, data.edges, W, H);
  const at = new Map(data.nodes.map((n, i) => [n.id, pos[i]]));
  const maxW = Math.max(...data.edges.map((e) => e.weight), 1);
  const maxN = Math.max(...data.nodes.map((n) => n.events), 1);
  const g = svg("g", { class: "edges" });
  for (const e of data.edges) {
    const a = at.get(e.source), b = at.get(e.target);
    const line = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: edgeColour(e),
      "stroke-width": 1 + 6 * Math.sqrt(e.weight / maxW), "stroke-opacity": 0.55, "stroke-linecap": "round" });
    add(line, svg("title", {}, `${e.source} — ${e.target}: ${e.weight} events (${e.cooperation} cooperation, ${e.conflict} conflict)`));
    add(g, line);
  }
  add(node, g);
  data.nodes.forEach((n, i) => {
    const p = pos[i], r = 5 + 13 * Math.sqrt(n.events / maxN);
    const grp = svg("g", { class: "node" + (selected === n.id ? " on" : ""), "data-id": n.id, "data-code": n.code || "",
      transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`, tabindex: 0, role: "button" });
    add(grp, svg("circle", { r, fill: "#2f5d8a", "fill-opacity": 0.85 }));
    add(grp, svg("text", { x: r + 3, y: 4 }, n.label));
    add(grp, svg("title", {}, `${n.label} (${n.code}): ${n.events} events — click to filter`));
    grp.addEventListener("click", () => onNode(n));
    grp.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onNode(n); });
    add(node, grp);
  });
}
