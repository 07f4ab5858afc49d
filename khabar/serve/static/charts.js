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
const toTime = (d) => Date.parse(d + "T00:00:00Z");
const fmtDay = (t) => new Date(t).toISOString().slice(0, 10);

// The window of days holding the bulk of the events (1st to 99th percentile), so that a few stray
// historical dates do not squeeze the timeline.
function bulkWindow(days) {
  const total = days.reduce((s, d) => s + d.total, 0);
  let acc = 0, lo = days[0], hi = days[days.length - 1];
  for (const d of days) { acc += d.total; if (acc >= total * 0.01) { lo = d; break; } }
  acc = 0;
  for (let i = days.length - 1; i >= 0; i--) { acc += days[i].total; if (acc >= total * 0.01) { hi = days[i]; break; } }
  return [toTime(lo.day), toTime(hi.day)];
}

export function drawTimeline(node, legend, data, quadColours, labels, onDay) {
  clear(node); clear(legend);
  const W = node.clientWidth || 600, H = node.clientHeight || 290, m = { l: 34, r: 36, t: 10, b: 26 };
  node.setAttribute("viewBox", `0 0 ${W} ${H}`);
  if (!data.days.length) {
    add(node, svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#667085" }, "No dated events for this filter"));
    return { hidden: 0 };
  }
  let [t0, t1] = bulkWindow(data.days);
  const shown = data.days.filter((d) => toTime(d.day) >= t0 && toTime(d.day) <= t1);
  const hidden = data.days.reduce((s, d) => s + d.total, 0) - shown.reduce((s, d) => s + d.total, 0);
  const span = Math.max(1, Math.round((t1 - t0) / DAY) + 1);
  const pad = span < 14 ? Math.ceil((14 - span) / 2) : 0;
  t0 -= pad * DAY; t1 += pad * DAY;
  const n = Math.round((t1 - t0) / DAY) + 1;
  const iw = W - m.l - m.r, ih = H - m.t - m.b;
  const bw = iw / n;
  const max = Math.max(...shown.map((d) => d.total), 1);
  const y = (v) => m.t + ih - (v / max) * ih;
  const axis = svg("g", { class: "axis" });
  for (const v of [0, Math.ceil(max / 2), max]) {
    add(axis, svg("line", { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), stroke: "#eef0f3" }));
    add(axis, svg("text", { x: m.l - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 10, fill: "#667085" }, v));
  }
  const ticks = Math.min(6, n);
  for (let i = 0; i < ticks; i++) {
    const t = t0 + Math.round((i * (n - 1)) / Math.max(1, ticks - 1)) * DAY;
    const x = m.l + ((t - t0) / DAY + 0.5) * bw;
    const anchor = i === 0 && ticks > 1 ? "start" : i === ticks - 1 && ticks > 1 ? "end" : "middle";
    add(axis, svg("text", { x, y: H - 8, "text-anchor": anchor, "font-size": 10, fill: "#667085" }, fmtDay(t)));
  }
  add(node, axis);
  const keys = data.keys;
  const drawn = Math.max(3, Math.min(bw * 0.8, 28));
  for (const d of shown) {
    const x = m.l + ((toTime(d.day) - t0) / DAY) * bw + (bw - drawn) / 2;
    let acc = 0;
    const g = svg("g", { class: "bar", "data-day": d.day });
    for (const k of keys) {
      const v = d.counts[k] || 0;
      if (!v) continue;
      const r = svg("rect", { x, width: Math.max(1, drawn), y: y(acc + v), height: y(acc) - y(acc + v),
        fill: colourFor(k, quadColours), rx: Math.min(2, bw / 4) });
      add(r, svg("title", {}, `${d.day} · ${labels[k] || k}: ${v}`));
      add(g, r);
      acc += v;
    }
    g.addEventListener("click", () => onDay(d.day));
    add(node, g);
  }
  for (const k of keys) add(legend, add(el("span"), el("span", { class: "sw", "data-key": k }), labels[k] || k));
  legend.querySelectorAll(".sw").forEach((s) => { s.style.background = colourFor(s.dataset.key, quadColours); });
  return { hidden };
}

// A small deterministic force layout: repulsion between all nodes, springs along edges, gravity to the centre.
function layout(nodes, edges, W, H) {
  const N = nodes.length, idx = new Map(nodes.map((n, i) => [n.id, i]));
  const pos = nodes.map((_, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, N), r = Math.min(W, H) * (i === 0 ? 0 : 0.32);
    return { x: W / 2 + r * Math.cos(a), y: H / 2 + r * Math.sin(a), vx: 0, vy: 0 };
  });
  const links = edges.map((e) => [idx.get(e.source), idx.get(e.target), e.weight]).filter((l) => l[0] !== undefined && l[1] !== undefined);
  const k = Math.sqrt((W * H) / Math.max(1, N)) * 0.55;
  for (let it = 0; it < 300; it++) {
    const temp = 0.1 * (1 - it / 300) + 0.005;
    for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) {
      let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
      const d2 = Math.max(dx * dx + dy * dy, 1), f = (k * k) / d2;
      pos[i].vx += dx * f; pos[i].vy += dy * f; pos[j].vx -= dx * f; pos[j].vy -= dy * f;
    }
    for (const [a, b, w] of links) {
      const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d / k) * (1 + Math.log1p(w) * 0.3);
      pos[a].vx -= dx * f; pos[a].vy -= dy * f; pos[b].vx += dx * f; pos[b].vy += dy * f;
    }
    for (const p of pos) {
      p.vx += (W / 2 - p.x) * 0.6; p.vy += (H / 2 - p.y) * 0.6;
      const v = Math.sqrt(p.vx * p.vx + p.vy * p.vy) || 1, step = Math.min(v, k * temp * 10);
      p.x += (p.vx / v) * step; p.y += (p.vy / v) * step; p.vx = 0; p.vy = 0;
    }
  }
  const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (W - 120) / Math.max(1, x1 - x0), sy = (H - 50) / Math.max(1, y1 - y0), s = Math.min(sx, sy, 3);
  return pos.map((p) => ({ x: W / 2 + (p.x - (x0 + x1) / 2) * s, y: H / 2 + (p.y - (y0 + y1) / 2) * s }));
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
