// Small DOM and formatting helpers shared by every view.
import { t, lang } from "./i18n.js";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Build an element: h("a.link", {href: "#/"}, "text", child...). Class shorthand after the tag. */
export function h(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split(".");
  const el = document.createElement(tag || "div");
  if (classes.length) el.className = classes.join(" ");
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

/** The same for SVG elements. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "style") el.style.cssText = v;
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function applyAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "value") el.value = v;
    else if (k === "checked") el.checked = v;
    // Through the CSSOM: the CSP allows no inline style attribute.
    else if (k === "style") el.style.cssText = v;
    else if (k === "href" || k === "src") {
      const target = safeUrl(v);
      if (target !== null) el.setAttribute(k, target);
    } else el.setAttribute(k, v === true ? "" : v);
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** A link target we can render: a path or fragment of our own site, or an http(s) URL. Anything
 * else (javascript:, data:, vbscript:, a protocol-relative //host) gives null: documents bring
 * their own URLs, and a link must never run script or leave for a scheme we did not choose. */
export function safeUrl(value) {
  const text = String(value ?? "").trim();
  if (!text) return null;
  if (/^(#|\/(?!\/)|\?)/.test(text)) return text;
  let parsed;
  try {
    parsed = new URL(text);
  } catch {
    return null;
  }
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export const EVENT_TYPES = [
  "Battles", "Violence against civilians", "Explosions/Remote violence",
  "Riots", "Protests", "Strategic developments",
];

const TYPE_COLORS = {
  "Battles": "#c62828",
  "Violence against civilians": "#6a1b9a",
  "Explosions/Remote violence": "#ef6c00",
  "Riots": "#00897b",
  "Protests": "#1565c0",
  "Strategic developments": "#546e7a",
};

export function typeColor(type) {
  return TYPE_COLORS[type] || "#8d6e63";
}

/** Event type label in the interface language (values stay ACLED's English in the data). */
/** An ACLED sub-event type in the interface language. */
export function subTypeLabel(sub) {
  if (!sub) return "";
  const key = "sub." + sub;
  const label = t(key);
  return label === key ? sub : label;
}

export function typeLabel(type) {
  if (!type) return "—";
  const key = "type." + type;
  const label = t(key);
  return label === key ? type : label;
}

export function fmtNumber(n) {
  if (n === null || n === undefined || n === "") return "—";
  return Number(n).toLocaleString(lang() === "fr" ? "fr-FR" : "en-GB");
}

/** Short form for large numbers in tight spaces (12k, 1.4M); exact below ``exactBelow``. */
export function fmtCompact(n, exactBelow = 10000) {
  if (n === null || n === undefined) return "—";
  if (Math.abs(n) < exactBelow) return fmtNumber(n);
  return new Intl.NumberFormat(lang() === "fr" ? "fr-FR" : "en-GB", { notation: "compact", maximumFractionDigits: 1 }).format(n);
}

export function fmtDate(iso) {
  if (!iso) return "—";
  const d = new Date(iso.length === 10 ? iso + "T00:00:00Z" : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const opts = iso.length === 10
    ? { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }
    : { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" };
  return d.toLocaleString(lang() === "fr" ? "fr-FR" : "en-GB", opts);
}

/** Review state badge: unreviewed events are marked wherever they appear. */
export function reviewBadge(state) {
  const value = state || "unreviewed";
  return h(`span.badge.review-${value}`, { title: t("review.state") }, t("state." + value));
}

export function statusBadge(status) {
  if (!status || status === "reported") return null;
  return h(`span.badge.status-${status}`, {}, t("status." + status));
}

export function typeSwatch(type) {
  return h("span.swatch", { style: `background:${typeColor(type)}` });
}

export function link(href, ...children) {
  return h("a", { href }, ...children);
}

export function eventHref(id) {
  return "#/event/" + encodeURIComponent(id);
}

export function actorHref(name) {
  return "#/actor/" + encodeURIComponent(name);
}

/** A message box for errors and refusals; role=alert so screen readers announce it. */
export function notice(kind, text) {
  return h(`div.notice.notice-${kind}`, { role: kind === "error" ? "alert" : "status" }, text);
}
