// The overview map: an SVG in a plain equirectangular projection (longitudes scaled by the cosine
// of Mali's middle latitude, so shapes look right at this size), with bundled region outlines,
// reference towns and events. Events close together on screen are drawn as one cluster; the
// clustering is redone at each zoom so a cluster splits as the analyst zooms in.
import { h, s, clear, typeColor, typeLabel, fmtDate, fmtNumber, fmtCompact, reviewBadge, eventHref } from "./dom.js";
import { t } from "./i18n.js";

const K = Math.cos((17 * Math.PI) / 180) * 100;
const HOME = { west: -12.6, east: 4.6, south: 9.9, north: 25.3 };
const CELL_PX = 26;
const MAX_ZOOM = 40;

const project = (lon, lat) => [lon * K, -lat * 100];

function ringPath(ring) {
  return ring.map(([lon, lat], i) => {
    const [x, y] = project(lon, lat);
    return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("") + "Z";
}

function homeView() {
  const [x0, y0] = project(HOME.west, HOME.north);
  const [x1, y1] = project(HOME.east, HOME.south);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export function radiusFor(fatalities) {
  return 4 + Math.min(16, Math.sqrt(fatalities || 0) * 2.2);
}

export class EventMap {
  constructor(container, { onRegion, onEvent }) {
    this.container = container;
    this.onRegion = onRegion;
    this.onEvent = onEvent;
    this.home = homeView();
    this.view = { ...this.home };
    this.points = { mode: "points", rows: [], columns: [] };
    this.selected = new Set();
    this.svg = s("svg", { class: "map-svg", role: "img", "aria-label": t("map.title"), preserveAspectRatio: "xMidYMid meet" });
    this.gRegions = s("g", { class: "regions" });
    this.gTowns = s("g", { class: "towns" });
    this.gEvents = s("g", { class: "events" });
    this.gLabels = s("g", { class: "labels" });
    this.svg.append(s("rect", { class: "map-bg", x: -5000, y: -5000, width: 10000, height: 10000 }),
      this.gRegions, this.gTowns, this.gEvents, this.gLabels);
    this.tip = h("div.map-tip", { hidden: true });
    const zoomBy = (factor) => {
      const v = this.view;
      this.zoomAt(factor, v.x + v.w / 2, v.y + v.h / 2);
    };
    this.controls = h("div.map-controls", {},
      h("button", { type: "button", title: "+", "aria-label": "zoom in", onclick: () => zoomBy(1.6) }, "+"),
      h("button", { type: "button", title: "−", "aria-label": "zoom out", onclick: () => zoomBy(1 / 1.6) }, "−"),
      h("button", { type: "button", onclick: () => this.reset() }, t("map.reset")));
    clear(container).append(this.svg, this.tip, this.controls);
    this.applyView();
    this.bindPanZoom();
    new ResizeObserver(() => this.renderDynamic()).observe(container);
  }

  scale() {
    const box = this.svg.getBoundingClientRect();
    if (!box.width || !box.height) return this.view.w / 800;
    return Math.max(this.view.w / box.width, this.view.h / box.height);
  }

  applyView() {
    const { x, y, w, h: hh } = this.view;
    this.svg.setAttribute("viewBox", `${x} ${y} ${w} ${hh}`);
  }

  reset() {
    this.view = { ...this.home };
    this.applyView();
    this.renderDynamic();
  }

  zoomAt(factor, mx, my) {
    const zoom = this.home.w / (this.view.w / factor);
    if (zoom > MAX_ZOOM || zoom < 0.8) return;
    const v = this.view;
    this.view = { x: mx - (mx - v.x) / factor, y: my - (my - v.y) / factor, w: v.w / factor, h: v.h / factor };
    this.applyView();
    this.renderDynamic();
  }

  toMap(clientX, clientY) {
    const pt = this.svg.createSVGPoint();
    pt.x = clientX;
    pt.y = clientY;
    const m = this.svg.getScreenCTM().inverse();
    const p = pt.matrixTransform(m);
    return [p.x, p.y];
  }

  bindPanZoom() {
    this.svg.addEventListener("wheel", (e) => {
      e.preventDefault();
      const [mx, my] = this.toMap(e.clientX, e.clientY);
      this.zoomAt(e.deltaY < 0 ? 1.4 : 1 / 1.4, mx, my);
    }, { passive: false });
    let drag = null;
    this.svg.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, view: { ...this.view }, moved: false };
    });
    window.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      drag.moved = true;
      this.svg.classList.add("dragging");
      const k = this.scale();
      this.view = { ...drag.view, x: drag.view.x - dx * k, y: drag.view.y - dy * k };
      this.applyView();
    });
    window.addEventListener("pointerup", () => {
      if (drag && drag.moved) {
        this.suppressClick = true;
        setTimeout(() => { this.suppressClick = false; }, 0);
        this.renderDynamic();
      }
      this.svg.classList.remove("dragging");
      drag = null;
    });
  }

  setLayers(admin1, towns) {
    this.towns = (towns.towns || []).filter((town) => town.country === "MLI" || town.capital);
    clear(this.gRegions);
    for (const f of admin1.features) {
      const d = f.geometry.coordinates.map((poly) => poly.map(ringPath).join("")).join("");
      const name = f.properties.name;
      const path = s("path", { d, class: "region", "data-region": name, "vector-effect": "non-scaling-stroke" },
        s("title", {}, name));
      path.addEventListener("click", () => { if (!this.suppressClick) this.onRegion(name); });
      this.gRegions.append(path);
    }
    this.renderRegionsState();
    this.renderDynamic();
  }

  setSelectedRegions(names) {
    this.selected = new Set(names);
    this.renderRegionsState();
  }

  renderRegionsState() {
    for (const path of this.gRegions.children) {
      path.classList.toggle("selected", this.selected.has(path.dataset.region));
    }
  }

  setPoints(points) {
    this.points = points;
    this.renderDynamic();
  }

  renderDynamic() {
    this.renderTowns();
    this.renderEvents();
  }

  renderTowns() {
    clear(this.gTowns);
    clear(this.gLabels);
    if (!this.towns) return;
    const k = this.scale();
    const zoom = this.home.w / this.view.w;
    const labelled = zoom > 2.5 ? 80 : zoom > 1.4 ? 35 : 14;
    this.towns.forEach((town, i) => {
      const [x, y] = project(town.lon, town.lat);
      const r = (town.capital ? 3.2 : 2.2) * k;
      this.gTowns.append(s("circle", { cx: x, cy: y, r, class: town.capital ? "town capital" : "town" }));
      if (i < labelled) {
        this.gLabels.append(s("text", { x: x + 5 * k, y: y + 3.5 * k, "font-size": 11 * k, class: "town-label" }, town.name));
      }
    });
  }

  renderEvents() {
    clear(this.gEvents);
    const k = this.scale();
    const { rows, columns, mode } = this.points;
    if (!rows || !rows.length) return;
    if (mode === "cells") {
      this.drawCells(rows, k);
      return;
    }
    const col = Object.fromEntries(columns.map((c, i) => [c, i]));
    const cellMap = new Map();
    for (const row of rows) {
      const [x, y] = project(row[col.lon], row[col.lat]);
      const key = `${Math.floor((x - this.view.x) / (CELL_PX * k))}:${Math.floor((y - this.view.y) / (CELL_PX * k))}`;
      if (!cellMap.has(key)) cellMap.set(key, []);
      cellMap.get(key).push({ row, x, y });
    }
    const singles = [];
    for (const members of cellMap.values()) {
      if (members.length === 1) singles.push(members[0]);
      else this.drawCluster(members, col, k);
    }
    singles.sort((a, b) => b.row[col.fatalities] - a.row[col.fatalities]);
    for (const m of singles) this.drawEvent(m, col, k);
  }

  /** Server-side grid cells, merged again on a screen grid so that circles never overlap. */
  drawCells(rows, k) {
    const size = CELL_PX * 1.6;
    const merged = new Map();
    for (const [lat, lon, count, fatalities] of rows) {
      const [x, y] = project(lon, lat);
      const key = `${Math.floor((x - this.view.x) / (size * k))}:${Math.floor((y - this.view.y) / (size * k))}`;
      const m = merged.get(key) || { x: 0, y: 0, count: 0, fatalities: 0 };
      m.x += x * count;
      m.y += y * count;
      m.count += count;
      m.fatalities += fatalities;
      merged.set(key, m);
    }
    const max = Math.max(...[...merged.values()].map((m) => m.count));
    for (const m of merged.values()) {
      const x = m.x / m.count;
      const y = m.y / m.count;
      const rPx = 3 + (size * 0.48 - 3) * Math.sqrt(m.count / max);
      const g = s("g", { class: "cell" },
        s("circle", { cx: x, cy: y, r: rPx * k, class: "cluster-dot", "vector-effect": "non-scaling-stroke" }),
        rPx >= 12 ? s("text", { x, y: y + 3.5 * k, "font-size": 9.5 * k, class: "cluster-label" }, fmtCompact(m.count, 1000)) : null,
        s("title", {}, `${fmtNumber(m.count)} ${t("timeline.events")}, ${fmtNumber(m.fatalities)} ${t("timeline.fatalities")}`));
      this.gEvents.append(g);
    }
  }

  drawEvent({ row, x, y }, col, k) {
    const id = row[col.event_id];
    const state = row[col.review_state];
    const circle = s("circle", {
      cx: x, cy: y, r: radiusFor(row[col.fatalities]) * k, fill: typeColor(row[col.event_type]),
      class: `event-dot${state === "unreviewed" ? " unreviewed" : ""}`, "data-id": id, "vector-effect": "non-scaling-stroke",
      tabindex: 0, role: "link", "aria-label": `${fmtDate(row[col.event_date])} ${row[col.location] || ""}`,
    });
    circle.addEventListener("pointerenter", (e) => this.showTip(e, [row], col));
    circle.addEventListener("pointerleave", () => this.hideTip());
    circle.addEventListener("click", () => { if (!this.suppressClick) this.onEvent(id); });
    circle.addEventListener("keydown", (e) => { if (e.key === "Enter") this.onEvent(id); });
    this.gEvents.append(circle);
  }

  drawCluster(members, col, k) {
    const x = members.reduce((a, m) => a + m.x, 0) / members.length;
    const y = members.reduce((a, m) => a + m.y, 0) / members.length;
    const counts = new Map();
    for (const m of members) counts.set(m.row[col.event_type], (counts.get(m.row[col.event_type]) || 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const r = (8 + Math.min(16, Math.sqrt(members.length) * 2.5)) * k;
    const ids = members.map((m) => m.row[col.event_id]);
    const g = s("g", { class: "cluster", "data-ids": ids.join(" "), tabindex: 0, role: "button" },
      s("circle", { cx: x, cy: y, r, fill: typeColor(top), class: "cluster-dot", "vector-effect": "non-scaling-stroke" }),
      s("text", { x, y: y + 3.8 * k, "font-size": 11 * k, class: "cluster-label" }, String(members.length)));
    g.addEventListener("pointerenter", (e) => this.showTip(e, members.map((m) => m.row), col));
    g.addEventListener("pointerleave", () => this.hideTip());
    g.addEventListener("click", (e) => {
      if (this.suppressClick) return;
      const spread = Math.max(...members.map((m) => Math.hypot(m.x - x, m.y - y)));
      if (spread < 0.5 || this.home.w / this.view.w > MAX_ZOOM / 2.5) this.showList(e, members.map((m) => m.row), col);
      else this.zoomAt(2.5, x, y);
    });
    this.gEvents.append(g);
  }

  placeTip(e) {
    const box = this.container.getBoundingClientRect();
    const left = Math.min(e.clientX - box.left + 14, box.width - 290);
    this.tip.style.left = `${Math.max(4, left)}px`;
    this.tip.style.top = `${Math.max(4, e.clientY - box.top + 10)}px`;
    this.tip.hidden = false;
  }

  showTip(e, rows, col) {
    if (this.tipPinned) return;
    clear(this.tip);
    this.tip.classList.remove("pinned");
    if (rows.length > 1) {
      this.tip.append(h("div.tip-title", {}, t("map.cluster", { n: rows.length })));
      rows.slice(0, 6).forEach((row) => this.tip.append(this.tipLine(row, col, false)));
    } else {
      const row = rows[0];
      this.tip.append(
        h("div.tip-title", {}, typeLabel(row[col.event_type])),
        h("div", {}, `${fmtDate(row[col.event_date])} · ${row[col.location] || "—"}`),
        h("div", {}, `${t("table.fatalities")}${t("colon")}${fmtNumber(row[col.fatalities])}`),
        h("div", {}, reviewBadge(row[col.review_state])),
      );
    }
    this.placeTip(e);
  }

  tipLine(row, col, linked) {
    const label = `${fmtDate(row[col.event_date])} · ${row[col.location] || "—"} · ${fmtNumber(row[col.fatalities])}`;
    return h("div.tip-line", {},
      h("span.swatch", { style: `background:${typeColor(row[col.event_type])}` }),
      linked ? h("a", { href: eventHref(row[col.event_id]) }, label) : label, " ", reviewBadge(row[col.review_state]));
  }

  showList(e, rows, col) {
    clear(this.tip);
    this.tipPinned = true;
    this.tip.classList.add("pinned");
    const close = h("button.tip-close", { type: "button", "aria-label": "×", onclick: () => { this.tipPinned = false; this.hideTip(); } }, "×");
    this.tip.append(close, h("div.tip-title", {}, `${rows.length} ${t("timeline.events")}`),
      h("div.tip-list", {}, rows.map((row) => this.tipLine(row, col, true))));
    this.placeTip(e);
  }

  hideTip() {
    if (!this.tipPinned) this.tip.hidden = true;
  }
}
