// Weekly bars of event counts (up) and fatalities (down) with a brush: dragging across the bars
// picks a date range, which the overview turns into since/until filters for everything else.
import { h, s, clear, fmtDate, fmtNumber } from "./dom.js";
import { t } from "./i18n.js";

const H = 150;
const PAD = { left: 44, right: 10, top: 10, bottom: 20 };
const DAY = 86400000;

const toDate = (iso) => new Date(iso + "T00:00:00Z");
const isoOf = (d) => d.toISOString().slice(0, 10);

export class Timeline {
  constructor(container, { onBrush }) {
    this.onBrush = onBrush;
    this.svg = s("svg", { class: "timeline-svg" });
    this.info = h("div.timeline-info", {}, t("timeline.hint"));
    const key = h("span.timeline-key", {},
      h("span.key-box.events"), t("timeline.events"), h("span.key-box.fatalities"), t("timeline.fatalities"));
    this.clearButton = h("button.link-button", { type: "button", hidden: true, onclick: () => this.onBrush(null) }, t("timeline.clear"));
    clear(container).append(this.svg, h("div.timeline-foot", {}, key, this.info, this.clearButton));
    this.bind();
  }

  /** rows: [{period, events, fatalities}] summed over keys; range: {since, until} or null. */
  render(rows, range) {
    clear(this.svg);
    const W = Math.max(300, Math.round(this.svg.getBoundingClientRect().width) || 1000);
    this.width = W;
    this.svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    this.range = range;
    this.clearButton.hidden = !range;
    const weeks = new Map();
    for (const r of rows) {
      const w = weeks.get(r.period) || { events: 0, fatalities: 0 };
      w.events += r.events;
      w.fatalities += r.fatalities || 0;
      weeks.set(r.period, w);
    }
    if (!weeks.size) {
      this.scaleX = null;
      this.svg.append(s("text", { x: W / 2, y: H / 2, class: "axis-label", "text-anchor": "middle" }, t("table.empty")));
      return;
    }
    const keys = [...weeks.keys()].sort();
    const start = toDate(keys[0]).getTime();
    const end = toDate(keys[keys.length - 1]).getTime() + 7 * DAY;
    const innerW = W - PAD.left - PAD.right;
    const x = (ms) => PAD.left + ((ms - start) / (end - start)) * innerW;
    this.scaleX = { start, end, x, invert: (px) => start + ((px - PAD.left) / innerW) * (end - start) };
    const maxE = Math.max(...[...weeks.values()].map((w) => w.events), 1);
    const maxF = Math.max(...[...weeks.values()].map((w) => w.fatalities), 1);
    const mid = PAD.top + (H - PAD.top - PAD.bottom) * 0.62;
    const upH = mid - PAD.top - 2;
    const downH = H - PAD.bottom - mid - 2;
    const barW = Math.max(1, (7 * DAY / (end - start)) * innerW - 1);
    const bars = s("g", { class: "bars" });
    for (const [period, w] of weeks) {
      const bx = x(toDate(period).getTime());
      const eh = (w.events / maxE) * upH;
      const fh = (w.fatalities / maxF) * downH;
      const inRange = !range || (period >= weekStart(range.since) && period <= range.until);
      const g = s("g", { class: inRange ? "week" : "week dim" },
        s("rect", { x: bx, y: mid - eh, width: barW, height: eh, class: "bar-events" }),
        s("rect", { x: bx, y: mid + 1, width: barW, height: fh, class: "bar-fatalities" }),
        s("title", {}, `${t("timeline.week", { date: fmtDate(period) })}: ${fmtNumber(w.events)} ${t("timeline.events")}, ${fmtNumber(w.fatalities)} ${t("timeline.fatalities")}`));
      bars.append(g);
    }
    this.svg.append(
      s("line", { x1: PAD.left, x2: W - PAD.right, y1: mid, y2: mid, class: "axis" }),
      s("text", { x: PAD.left - 6, y: PAD.top + 8, class: "axis-label", "text-anchor": "end" }, fmtNumber(maxE)),
      s("text", { x: PAD.left - 6, y: H - PAD.bottom, class: "axis-label fat", "text-anchor": "end" }, fmtNumber(maxF)),
      bars,
    );
    for (const tick of ticks(start, end, innerW)) {
      const tx = x(tick.date.getTime());
      if (tx > W - PAD.right - 24) continue;
      this.svg.append(
        s("line", { x1: tx, x2: tx, y1: PAD.top, y2: H - PAD.bottom, class: tick.major ? "tick major" : "tick" }),
        s("text", { x: tx + 3, y: H - 6, class: tick.major ? "axis-label strong" : "axis-label" }, tick.label),
      );
    }
    this.brushRect = s("rect", { class: "brush", y: PAD.top, height: H - PAD.top - PAD.bottom, x: 0, width: 0, visibility: "hidden" });
    this.svg.append(this.brushRect);
    if (range) {
      const a = x(Math.max(start, toDate(range.since).getTime()));
      const b = x(Math.min(end, toDate(range.until).getTime() + DAY));
      this.showBrush(a, b);
      this.info.textContent = `${fmtDate(range.since)} – ${fmtDate(range.until)}`;
    } else {
      this.info.textContent = t("timeline.hint");
    }
  }

  showBrush(a, b) {
    this.brushRect.setAttribute("x", Math.min(a, b));
    this.brushRect.setAttribute("width", Math.abs(b - a));
    this.brushRect.setAttribute("visibility", "visible");
  }

  px(e) {
    const box = this.svg.getBoundingClientRect();
    return ((e.clientX - box.left) / box.width) * this.width;
  }

  bind() {
    let from = null;
    this.svg.addEventListener("pointerdown", (e) => {
      if (!this.scaleX) return;
      from = this.px(e);
      this.svg.setPointerCapture(e.pointerId);
    });
    this.svg.addEventListener("pointermove", (e) => {
      if (from === null) return;
      this.showBrush(from, this.px(e));
    });
    this.svg.addEventListener("pointerup", (e) => {
      if (from === null) return;
      const to = this.px(e);
      const a = Math.min(from, to);
      const b = Math.max(from, to);
      from = null;
      if (b - a < 3) return;
      const { invert, start, end } = this.scaleX;
      const since = new Date(Math.max(start, invert(a)));
      const until = new Date(Math.min(end - DAY, invert(b)));
      this.onBrush({ since: isoOf(since), until: isoOf(until) });
    });
  }
}

function weekStart(iso) {
  const d = toDate(iso);
  const day = (d.getUTCDay() + 6) % 7;
  return isoOf(new Date(d.getTime() - day * DAY));
}

/** Year ticks, plus month ticks (every 1, 3 or 6 months) when there is room for their labels. */
function ticks(start, end, width) {
  const months = (end - start) / (30.4 * DAY);
  const perLabel = 46;
  const step = [1, 3, 6, 12].find((m) => (width / months) * m >= perLabel) || 12;
  const out = [];
  const first = new Date(start);
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth() + 1;
  for (;;) {
    if (m > 11) { y += 1; m = 0; }
    const d = new Date(Date.UTC(y, m, 1));
    if (d.getTime() >= end) break;
    if (m % step === 0) {
      const label = m === 0 ? String(y) : d.toLocaleString(document.documentElement.lang === "fr" ? "fr-FR" : "en-GB", { month: "short", timeZone: "UTC" });
      out.push({ date: d, label, major: m === 0 });
    }
    m += 1;
  }
  return out;
}
