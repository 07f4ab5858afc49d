// DOM helpers: every piece of data goes in through textContent or setAttribute, never innerHTML.
const SVG_NS = "http://www.w3.org/2000/svg";

export function el(tag, attrs = {}, text = null) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  if (text !== null && text !== undefined) node.textContent = String(text);
  return node;
}

export function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  if (text !== null && text !== undefined) node.textContent = String(text);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) throw new Error("no inline handlers");
    node.setAttribute(k, String(v));
  }
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function add(parent, ...children) {
  for (const c of children) if (c !== null && c !== undefined) parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  return parent;
}

// Text direction of a language code (Persian and Arabic are right-to-left).
export function dirOf(lang) {
  return ["fa", "ar", "ur", "ps", "ckb", "he"].includes(lang) ? "rtl" : "ltr";
}
