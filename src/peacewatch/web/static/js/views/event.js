// Event page: coded fields (current vs machine output), each source's text with the spans that
// support a field highlighted, disagreements between reports, and the review panel with history.
import { get, post, token, ApiError } from "../api.js";
import {
  EVENT_TYPES, h, clear, safeUrl, typeLabel, subTypeLabel, typeSwatch, fmtDate, fmtNumber, reviewBadge, statusBadge, actorHref, notice,
} from "../dom.js";
import { t, lang } from "../i18n.js";
import { begin } from "../router.js";

const FIELDS = [
  "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
  "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "country", "iso3", "admin1",
  "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "fatalities", "fatalities_low",
  "fatalities_high", "injuries", "injuries_low", "injuries_high", "status", "claimed_by", "denied_by", "notes",
];
const INTEGER = new Set(["time_precision", "inter1", "inter2", "interaction", "geo_precision", "fatalities",
  "fatalities_low", "fatalities_high", "injuries", "injuries_low", "injuries_high"]);
const FLOAT = new Set(["latitude", "longitude"]);

const STATUSES = ["reported", "claimed", "alleged", "denied", "planned"];
let facetsPromise = null;

/** Suggestions for the edit box: the values the store already uses for that field. */
async function suggestions() {
  facetsPromise = facetsPromise || get("/facets").catch(() => ({}));
  const f = await facetsPromise;
  const values = (name) => (f[name] || []).map(([v]) => v);
  const actors = values("actor");
  return {
    event_type: [...new Set([...EVENT_TYPES, ...values("event_type")])], sub_event_type: values("sub_event_type"),
    status: STATUSES, country: values("country"), admin1: values("admin1"),
    actor1: actors, actor2: actors, assoc_actor_1: actors, assoc_actor_2: actors, claimed_by: actors, denied_by: actors,
  };
}

function show(value) {
  if (value === null || value === undefined || value === "") return "—";
  return String(value);
}

/** The value a reviewer typed, in the field's type (empty numbers mean "unknown"). */
function parseValue(name, raw) {
  const text = raw.trim();
  if (INTEGER.has(name)) return text === "" ? null : Number.parseInt(text, 10);
  if (FLOAT.has(name)) return text === "" ? null : Number.parseFloat(text);
  return text;
}

/** Document text as nodes, with a <mark> for each stretch covered by evidence spans. */
export function highlight(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const sp of spans) {
    if (sp.start >= 0 && sp.end <= text.length && sp.end > sp.start) {
      cuts.add(sp.start);
      cuts.add(sp.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    const piece = text.slice(a, b);
    const fields = spans.filter((sp) => sp.start <= a && sp.end >= b).map((sp) => sp.field);
    if (fields.length) {
      const names = [...new Set(fields)];
      const sentence = names.every((n) => n === "notes");
      nodes.push(h(sentence ? "mark.sentence" : "mark", { title: names.join(", "), "data-field": names.join(" ") }, piece));
    } else {
      nodes.push(piece);
    }
  }
  return nodes;
}

/** Show only the spans that support one field (or all of them when field is empty). */
function focusField(container, field) {
  for (const chip of container.querySelectorAll(".chip")) chip.classList.toggle("active", chip.dataset.chip === field);
  let first = null;
  for (const mark of container.querySelectorAll("mark")) {
    const on = !field || mark.dataset.field.split(" ").includes(field);
    mark.classList.toggle("dim", !on);
    if (on && !first) first = mark;
  }
  return first;
}

function fieldChips(story, container) {
  const counts = new Map();
  for (const src of story.sources) for (const ev of src.evidence) counts.set(ev.field, (counts.get(ev.field) || 0) + 1);
  if (!counts.size) return null;
  const order = [...FIELDS, "notes"];
  const fields = [...counts.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const chip = (field, label) => h("button.chip", { type: "button", "data-chip": field, class: field ? "chip" : "chip active",
    onclick: (e) => focusField(container || e.currentTarget.closest(".panel"), field) }, label);
  return h("div.chips", {}, h("span.muted.small", {}, t("event.show_evidence")),
    chip("", t("event.all_fields")), fields.map((f) => chip(f, `${f} ${counts.get(f)}`)));
}

function fieldTable(event, machine, reviewed, evidenceCounts, onEvidence) {
  const rows = FIELDS.map((name) => {
    const cur = event[name];
    const mac = machine ? machine[name] : cur;
    const changed = machine && JSON.stringify(cur ?? null) !== JSON.stringify(mac ?? null);
    return h("tr", { class: changed ? "changed" : "", "data-field": name },
      h("th", { scope: "row" }, name, evidenceCounts.get(name)
        ? h("button.evidence-link", { type: "button", title: t("event.show_evidence"), onclick: () => onEvidence(name) }, `¶${evidenceCounts.get(name)}`)
        : null),
      h("td", { "data-current": name }, show(cur), changed ? h("span.badge.review-edited", {}, t("event.changed")) : null),
      reviewed ? h("td.muted", {}, show(mac)) : null);
  });
  return h("table.fields", {},
    h("thead", {}, h("tr", {}, h("th", {}, t("event.field")), h("th", {}, t("event.current")), reviewed ? h("th", {}, t("event.machine")) : null)),
    h("tbody", {}, rows));
}

async function sourceCard(src) {
  const card = h("article.source", { "data-document": src.document_id },
    h("header.source-head", {},
      h("div", {}, h("strong", {}, src.source || "—"), " · ", fmtDate(src.published), src.language ? ` · ${src.language.toUpperCase()}` : ""),
      h("div.source-title", {}, src.title || src.document_id),
      h("div.muted", {}, t("event.evidence_count", { n: src.evidence.length }),
        safeUrl(src.url) ? [" · ", h("a", { href: safeUrl(src.url), rel: "noopener noreferrer", target: "_blank" }, t("event.open_doc"))] : null)));
  try {
    const doc = await get(`/documents/${encodeURIComponent(src.document_id)}`);
    card.append(h("div.doc-text", { lang: src.language || "" }, highlight(doc.document.text, src.evidence)));
    if (!src.evidence.length) card.append(h("p.muted", {}, t("event.no_evidence")));
  } catch (err) {
    card.append(notice("error", t("error.load", { detail: err.message })));
  }
  return card;
}

function refusal(err) {
  if (err instanceof ApiError) {
    const text = t("review.refused", { status: err.status, detail: err.detail });
    return notice("error", err.status === 401 && !token() ? `${text} — ${t("review.needtoken")}` : text);
  }
  return notice("error", String(err));
}

function history(reviews, onDone, out) {
  if (!reviews.length) return h("p.muted", {}, t("event.no_history"));
  const revert = async (r) => {
    try {
      await post(`/reviews/${encodeURIComponent(r.review_id)}/revert`, { reason: "" });
      onDone();
    } catch (err) {
      clear(out).append(refusal(err));
    }
  };
  return h("ol.history", {}, reviews.slice().reverse().map((r) => h("li", { class: r.reverted_by ? "reverted" : "", "data-review": r.review_id },
    h("div.history-head", {},
      h("span", {}, h("strong", {}, r.reviewer), " ", t("action." + r.action),
        r.reverted_by ? [" ", h("span.badge.muted-badge", {}, t("review.reverted"))] : null),
      h("span.muted", {}, fmtDate(r.reviewed_at)),
      !r.reverted_by && r.action !== "revert"
        ? h("button.small", { type: "button", onclick: () => revert(r) }, t("review.revert")) : null),
    h("div", {}, r.field ? [h("code", {}, r.field), ": ", h("del", {}, show(r.before)), " → ", h("ins", {}, show(r.after))]
      : [t("state." + (r.before || "unreviewed")), " → ", t("state." + (r.after || "unreviewed"))]),
    r.reason ? h("div.history-why", {}, "“", r.reason, "”") : null)));
}

function reviewPanel(story, reload) {
  const event = story.event;
  const out = h("div.review-out", { "aria-live": "polite" });
  const reason = h("input", { type: "text", name: "reason", placeholder: t("review.reason.placeholder") });
  const fieldSel = h("select", { name: "field" }, FIELDS.map((f) => h("option", { value: f }, f)));
  const value = h("input", { type: "text", name: "value", list: "edit-suggestions", autocomplete: "off" });
  const list = h("datalist", { id: "edit-suggestions" });
  const syncValue = async () => {
    value.value = event[fieldSel.value] ?? "";
    const known = (await suggestions())[fieldSel.value] || [];
    clear(list).append(...known.map((v) => h("option", { value: v })));
  };
  fieldSel.addEventListener("change", syncValue);
  fieldSel.value = "fatalities";
  syncValue();
  const send = async (body) => {
    clear(out);
    try {
      await post(`/events/${encodeURIComponent(event.event_id)}/reviews`, body);
      await reload(t("review.done"));
    } catch (err) {
      out.append(refusal(err));
    }
  };
  const form = h("form.review-form", { onsubmit: (e) => {
    e.preventDefault();
    send({ action: "edit", reason: reason.value, changes: { [fieldSel.value]: parseValue(fieldSel.value, value.value) } });
  } },
  h("div.field-row", {},
    h("label.field", {}, h("span.field-label", {}, t("review.field")), fieldSel),
    h("label.field", {}, h("span.field-label", {}, t("review.value")), value, list)),
  h("label.field", {}, h("span.field-label", {}, t("review.reason")), reason),
  h("div.actions", {},
    h("button.primary", { type: "submit", name: "edit" }, t("review.edit")),
    h("button.ok", { type: "button", name: "verify", onclick: () => send({ action: "verify", reason: reason.value }) }, t("review.verify")),
    h("button.danger", { type: "button", name: "reject", onclick: () => send({ action: "reject", reason: reason.value }) }, t("review.reject"))));
  return h("section.panel.review", {},
    h("h3", {}, t("review.title"), " ", reviewBadge(event.review_state)),
    token() ? null : h("p.muted.small", {}, t("review.needtoken")),
    form, out,
    h("h3", {}, t("event.history")),
    history(story.reviews, () => reload(t("review.done")), out));
}

/** "1 of 8 reports says …": the server's English sentence, or in French one built from the counts. */
function disagreementText(d) {
  if (lang() === "en" || !Array.isArray(d.values) || !d.reports) return d.text || JSON.stringify(d.values || d);
  return d.values.map((v) => t(v.reports === 1 ? "event.disagree.one" : "event.disagree.many",
    { n: v.reports, total: d.reports, value: v.value })).join(" ; ");
}

function disagreements(list) {
  if (!list || !list.length) return null;
  return h("section.panel", {}, h("h3", {}, t("event.disagreements")),
    h("ul.disagreements", {}, list.map((d) => h("li", {},
      h("code", {}, d.field || "?"), ": ", h("strong", {}, show(d.chosen)), " — ", disagreementText(d)))));
}

export async function renderEvent(root, id, message = "") {
  const rendered = location.hash;
  const current = begin(root);
  clear(root).append(h("p.muted", {}, t("loading")));
  let story;
  try {
    story = await get(`/events/${encodeURIComponent(id)}`);
  } catch (err) {
    if (!current()) return;
    clear(root).append(notice("error", t("error.load", { detail: err.message })));
    return;
  }
  if (!current()) return;
  const e = story.event;
  const reload = (msg) => renderEvent(root, id, msg);
  const title = `${typeLabel(e.event_type)}${e.sub_event_type ? " — " + subTypeLabel(e.sub_event_type) : ""}`;
  const sources = h("div.sources", {});
  const evidenceCounts = new Map();
  for (const src of story.sources) for (const ev of src.evidence) evidenceCounts.set(ev.field, (evidenceCounts.get(ev.field) || 0) + 1);
  const showEvidence = (field) => {
    const first = focusField(sources.parentElement, field);
    if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
  };
  clear(root).append(h("div.event-page", { "data-event": e.event_id },
    h("a.back", { href: "#/" }, "← ", t("event.back")),
    h("header.page-head", {},
      h("h1", {}, typeSwatch(e.event_type), " ", title),
      h("div.meta", {},
        fmtDate(e.event_date), " · ", e.location || "—", e.admin1 ? `, ${e.admin1}` : "", e.country ? `, ${e.country}` : "",
        " · ", `${t("table.fatalities")}${t("colon")}${fmtNumber(e.fatalities)}`,
        e.fatalities_low !== null && e.fatalities_high !== null && e.fatalities_low !== e.fatalities_high ? ` (${e.fatalities_low}–${e.fatalities_high})` : "",
        " ", statusBadge(e.status), " ", reviewBadge(e.review_state),
        h("span.muted", {}, ` · ${e.event_id} · ${t("event.confidence")} ${Math.round((e.confidence || 0) * 100)}%`)),
      h("div.meta", {}, [e.actor1, e.actor2].filter(Boolean).map((a, i) => [i ? ` ${t("event.versus")} ` : "", h("a", { href: actorHref(a) }, a)])),
      message ? notice("ok", message) : null),
    h("div.event-grid", {},
      h("div.event-main", {},
        e.notes ? h("section.panel", {}, h("h3", {}, t("event.notes")), h("p", {}, e.notes)) : null,
        disagreements(e.disagreements),
        h("section.panel", {}, h("h3", {}, t("event.sources")), h("p.muted.small", {}, t("event.legend")),
          fieldChips(story, null), sources)),
      h("div.event-side", {},
        reviewPanel(story, reload),
        h("section.panel", {}, h("h3", {}, t("event.fields")), fieldTable(e, story.machine, story.reviews.length > 0, evidenceCounts, showEvidence))))));
  const cards = await Promise.all(story.sources.map(sourceCard));
  if (!current()) return;
  sources.append(...cards);
  root.querySelector(".event-page").dataset.ready = rendered;
}
