// Overview: filter panel, key figures, map, weekly timeline with brushing, breakdowns and the
// event table. Every part reads the same filters (kept in the address, so views can be shared
// and the back button works) and the brush on the timeline writes since/until into them.
import { get, url } from "../api.js";
import {
  h, clear, EVENT_TYPES, typeColor, typeLabel, subTypeLabel, typeSwatch, fmtDate, fmtNumber, fmtCompact, reviewBadge,
  statusBadge, eventHref, actorHref, notice,
} from "../dom.js";
import { t } from "../i18n.js";
import { EventMap } from "../map.js";
import { Timeline } from "../timeline.js";
import { navigate, begin } from "../router.js";

const MULTI = ["country", "admin1", "event_type", "sub_event_type", "status", "review_state"];
const SINGLE = ["since", "until", "actor", "fatalities_min", "fatalities_max", "q"];
const PAGE = 50;
const NONE = "";

let layers = null;
let facets = null;

/** Filters from the address: repeatable keys as arrays, the rest as strings. */
export function filtersFrom(params) {
  const f = {};
  for (const k of MULTI) f[k] = params.getAll(k).filter(Boolean);
  for (const k of SINGLE) f[k] = params.get(k) || "";
  f.sort = params.get("sort") || "-event_date";
  return f;
}

function withoutDates(f) {
  const { since, until, sort, ...rest } = f;
  return rest;
}

function apiFilters(f) {
  const { sort, ...rest } = f;
  return rest;
}

function go(f) {
  navigate("/", f);
}

async function loadLayers() {
  if (!layers) {
    const [admin1, towns] = await Promise.all([get("/layers/admin1"), get("/layers/towns")]);
    layers = { admin1, towns };
  }
  return layers;
}

function options(values, selected, label = (v) => v) {
  return [
    h("option", { value: "" }, t("filters.any")),
    ...values.map(([v, n]) => h("option", { value: v, selected: selected.includes(v) }, `${label(v)} (${fmtNumber(n)})`)),
  ];
}

function field(labelKey, control) {
  return h("label.field", {}, h("span.field-label", {}, t(labelKey)), control);
}

function filterPanel(f) {
  const fx = facets || {};
  const sel = (name, label = (v) => v) =>
    h("select", { name, "data-filter": name }, options(fx[name] || [], f[name], label));
  const input = (name, attrs = {}) => h("input", { name, "data-filter": name, value: f[name], ...attrs });
  const form = h("form.filters", { "aria-label": t("filters.title") },
    h("h2", {}, t("filters.title")),
    h("div.field-row.dates", {}, field("filters.since", input("since", { type: "date" })), field("filters.until", input("until", { type: "date" }))),
    field("filters.q", input("q", { type: "search", placeholder: t("filters.q.placeholder") })),
    field("filters.country", sel("country")),
    field("filters.admin1", sel("admin1")),
    field("filters.event_type", sel("event_type", typeLabel)),
    field("filters.sub_event_type", sel("sub_event_type", subTypeLabel)),
    field("filters.actor", h("select", { name: "actor", "data-filter": "actor" }, options(fx.actor || [], [f.actor]))),
    field("filters.status", sel("status", (v) => t("status." + v))),
    field("filters.review_state", sel("review_state", (v) => t("state." + v))),
    h("div.field", { role: "group", "aria-label": t("filters.fatalities") }, h("span.field-label", {}, t("filters.fatalities")),
      h("div.field-row", {},
        input("fatalities_min", { type: "number", min: 0, placeholder: t("filters.min"), "aria-label": `${t("filters.fatalities")} ${t("filters.min")}` }),
        input("fatalities_max", { type: "number", min: 0, placeholder: t("filters.max"), "aria-label": `${t("filters.fatalities")} ${t("filters.max")}` }))),
    h("div.actions", {},
      h("button.primary", { type: "submit" }, t("filters.apply")),
      h("button", { type: "button", onclick: () => go({ sort: f.sort }) }, t("filters.reset"))),
  );
  const read = () => {
    const next = { sort: f.sort };
    for (const el of form.querySelectorAll("[data-filter]")) {
      const k = el.dataset.filter;
      next[k] = MULTI.includes(k) ? (el.value ? [el.value] : []) : el.value;
    }
    return next;
  };
  form.addEventListener("submit", (e) => { e.preventDefault(); go(read()); });
  for (const el of form.querySelectorAll("select")) el.addEventListener("change", () => go(read()));
  return form;
}

function kpi(labelKey, value, extra = "") {
  return h("div.kpi", {}, h("div.kpi-value", { "data-kpi": labelKey }, value), h("div.kpi-label", {}, t(labelKey), extra));
}

function breakdown(titleKey, rows, key, f, label = (v) => v, color = () => null) {
  const totals = new Map();
  for (const r of rows) {
    const k = r.key || NONE;
    const cur = totals.get(k) || { events: 0, fatalities: 0 };
    cur.events += r.events;
    cur.fatalities += r.fatalities || 0;
    totals.set(k, cur);
  }
  const sorted = [...totals.entries()].sort((a, b) => b[1].events - a[1].events).slice(0, 10);
  const max = Math.max(1, ...sorted.map(([, v]) => v.events));
  return h("section.panel.breakdown", {},
    h("h3", {}, t(titleKey)),
    sorted.length ? h("ul.bars", {}, sorted.map(([k, v]) => h("li", {},
      h("button.bar-row", {
        type: "button", title: `${fmtNumber(v.events)} ${t("timeline.events")}, ${fmtNumber(v.fatalities)} ${t("timeline.fatalities")}`,
        onclick: () => k !== NONE && go({ ...f, [key]: f[key].includes(k) ? [] : [k] }),
      },
      h("span.bar-label", {}, k === NONE ? t("agg.none") : label(k)),
      h("span.bar-track", {}, h("span.bar-fill", { style: `width:${(v.events / max) * 100}%;${color(k) ? "background:" + color(k) : ""}` })),
      h("span.bar-num", {}, fmtCompact(v.events)),
      h("span.bar-num.fat", {}, fmtCompact(v.fatalities)))))) : h("p.muted", {}, t("table.empty")));
}

function actorsCell(e) {
  const parts = [];
  if (e.actor1) parts.push(h("a", { href: actorHref(e.actor1) }, e.actor1));
  if (e.actor2) parts.push(" — ", h("a", { href: actorHref(e.actor2) }, e.actor2));
  return parts.length ? parts : "—";
}

const SORTABLE = { date: "event_date", fatalities: "fatalities" };

function eventTable(f, data, pageState, reload) {
  const sortHead = (labelKey, key) => {
    const col = SORTABLE[key];
    if (!col) return h("th", { scope: "col" }, t(labelKey));
    const active = f.sort.replace("-", "") === col;
    const desc = f.sort.startsWith("-");
    const next = active && desc ? col : "-" + col;
    return h("th", { scope: "col", "aria-sort": active ? (desc ? "descending" : "ascending") : "none" },
      h("button.sort", { type: "button", onclick: () => go({ ...f, sort: next }) }, t(labelKey), active ? (desc ? " ▼" : " ▲") : ""));
  };
  const rows = data.events.map((e) => h("tr", { "data-id": e.event_id, class: e.review_state === "rejected" ? "rejected" : "" },
    h("td.nowrap", {}, h("a", { href: eventHref(e.event_id) }, fmtDate(e.event_date))),
    h("td", {}, typeSwatch(e.event_type), " ", typeLabel(e.event_type), h("div.sub", {}, subTypeLabel(e.sub_event_type))),
    h("td", {}, actorsCell(e)),
    h("td", {}, e.location || "—", h("div.sub", {}, [e.admin1, e.country].filter(Boolean).join(", "))),
    h("td.num", {}, fmtNumber(e.fatalities)),
    h("td", {}, statusBadge(e.status) || t("status." + (e.status || "reported"))),
    h("td", {}, reviewBadge(e.review_state)),
    h("td.num", {}, e.sources.length),
  ));
  const pager = h("div.pager", {},
    h("button", { type: "button", disabled: pageState.stack.length <= 1, onclick: () => { pageState.stack.pop(); reload(); } }, "← ", t("table.prev")),
    h("span", {}, t("table.page", { n: pageState.stack.length })),
    h("button", { type: "button", disabled: !data.next_cursor, onclick: () => { pageState.stack.push(data.next_cursor); reload(); } }, t("table.next"), " →"));
  const exportLinks = h("span.exports", {}, t("export.title"), t("colon"),
    ["csv", "geojson", "jsonl"].map((fmt, i) => [i ? " · " : "", h("a", { href: url("/events", { ...apiFilters(f), sort: f.sort, format: fmt }), download: `events.${fmt}` }, fmt.toUpperCase())]));
  return h("section.panel.table-panel", {},
    h("div.panel-head", {}, h("h3", {}, t("table.title")), exportLinks),
    data.events.length ? h("div.table-wrap", {}, h("table.events", {},
      h("thead", {}, h("tr", {},
        sortHead("table.date", "date"), sortHead("table.type"), sortHead("table.actors"), sortHead("table.location"),
        sortHead("table.fatalities", "fatalities"), sortHead("table.status"), sortHead("table.review"), sortHead("table.sources"))),
      h("tbody", {}, rows))) : h("p.muted", {}, t("table.empty")),
    pager);
}

export async function renderOverview(root, params) {
  const rendered = location.hash;
  const current = begin(root);
  const f = filtersFrom(params);
  const filters = h("aside.sidebar", {}, h("p.muted", {}, t("loading")));
  const kpis = h("div.kpis", {});
  const mapBox = h("div.map-box", {});
  const legend = h("div.legend", {},
    EVENT_TYPES.map((type) => h("span.legend-item", {}, h("span.swatch", { style: `background:${typeColor(type)}` }), typeLabel(type))),
    h("span.legend-item.muted", {}, h("span.swatch.ring"), t("state.unreviewed")),
    h("span.legend-item.muted", {}, t("map.legend.size")));
  const mapNote = h("div.map-note.muted", {}, t("map.zoomhint"));
  const timelineBox = h("div.timeline-box", {});
  const side = h("div.side-panels", {});
  const tableBox = h("div", {});
  clear(root).append(h("div.overview", {},
    filters,
    h("div.main-col", {},
      kpis,
      h("div.map-row", {},
        h("section.panel.map-panel", {}, h("div.panel-head", {}, h("h3", {}, t("map.title")), mapNote), mapBox, legend),
        side),
      h("section.panel", {}, h("div.panel-head", {}, h("h3", {}, t("timeline.title"))), timelineBox),
      tableBox)));

  const map = new EventMap(mapBox, {
    onRegion: (name) => go({ ...f, admin1: f.admin1.includes(name) ? [] : [name] }),
    onEvent: (id) => { location.hash = eventHref(id); },
  });
  map.setSelectedRegions(f.admin1);
  const timeline = new Timeline(timelineBox, {
    onBrush: (range) => go({ ...f, since: range ? range.since : "", until: range ? range.until : "" }),
  });
  const api = apiFilters(f);
  const pageState = { stack: [null] };

  const loadTable = async () => {
    const cursor = pageState.stack[pageState.stack.length - 1];
    try {
      const data = await get("/events", { ...api, sort: f.sort, limit: PAGE, cursor });
      if (!current()) return null;
      if (cursor === null) pageState.total = data.total;
      clear(tableBox).append(eventTable(f, data, pageState, loadTable));
      tableBox.dataset.total = pageState.total;
      return data;
    } catch (err) {
      clear(tableBox).append(notice("error", t("error.load", { detail: err.message })));
      return null;
    }
  };

  try {
    const [lay, fac] = await Promise.all([loadLayers(), facets ? Promise.resolve(facets) : get("/facets")]);
    facets = fac;
    if (!current()) return;
    clear(filters).append(filterPanel(f));
    map.setLayers(lay.admin1, lay.towns);
  } catch (err) {
    clear(filters).append(notice("error", t("error.load", { detail: err.message })));
  }

  const [points, weekly, byRegion, byType, byState, first] = await Promise.all([
    get("/points", api),
    get("/aggregates", { ...withoutDates(f), period: "week", by: "country" }),
    get("/aggregates", { ...api, period: "month", by: "admin1" }),
    get("/aggregates", { ...api, period: "month", by: "event_type" }),
    get("/aggregates", { ...api, period: "month", by: "review_state" }),
    loadTable(),
  ]).catch((err) => {
    if (current()) root.querySelector(".main-col").prepend(notice("error", t("error.load", { detail: err.message })));
    return [];
  });
  if (!points || !current()) return;
  map.setPoints(points);
  if (points.mode === "cells") mapNote.textContent = t("map.cells");
  timeline.render(weekly.rows, f.since || f.until ? { since: f.since || facets.range.first, until: f.until || facets.range.last } : null);
  const fatalities = byType.rows.reduce((a, r) => a + (r.fatalities || 0), 0);
  const unreviewed = byState.rows.filter((r) => r.key === "unreviewed").reduce((a, r) => a + r.events, 0);
  clear(kpis).append(
    kpi("kpi.events", fmtNumber(first ? first.total : points.total)),
    kpi("kpi.fatalities", fmtNumber(fatalities)),
    kpi("kpi.unreviewed", fmtNumber(unreviewed)),
    kpi("kpi.located", fmtNumber(points.located)),
  );
  clear(side).append(
    breakdown("agg.by_admin1", byRegion.rows, "admin1", f),
    breakdown("agg.by_event_type", byType.rows, "event_type", f, typeLabel, typeColor),
  );
  root.querySelector(".overview").dataset.ready = rendered;
}
