// Actor page: registry entry (acronym, inter code, aliases, memberships over time) and recent events.
import { get, qs } from "../api.js";
import { h, clear, typeLabel, subTypeLabel, typeSwatch, fmtDate, fmtNumber, eventHref, actorHref, notice, reviewBadge } from "../dom.js";
import { t } from "../i18n.js";
import { begin } from "../router.js";

export async function renderActor(root, name) {
  const current = begin(root);
  clear(root).append(h("p.muted", {}, t("loading")));
  let actor;
  try {
    actor = await get(`/actors/${encodeURIComponent(name)}`);
    actor.events = await get("/events", { actor: actor.name, limit: 100 });
  } catch (err) {
    if (!current()) return;
    clear(root).append(notice("error", t("error.load", { detail: err.message })));
    return;
  }
  if (!current()) return;
  const aliases = Object.entries(actor.aliases || {}).map(([language, list]) =>
    h("div", {}, h("span.badge.muted-badge", {}, language.toUpperCase()), " ", list.join(" · ")));
  const memberships = actor.memberships.length ? h("table.plain", {},
    h("thead", {}, h("tr", {}, ["actor.parent", "actor.relation", "actor.from", "actor.to"].map((k) => h("th", {}, t(k))))),
    h("tbody", {}, actor.memberships.map((m) => h("tr", {},
      h("td", {}, h("a", { href: actorHref(m.parent) }, m.parent)), h("td", {}, m.relation),
      h("td", {}, fmtDate(m.start)), h("td", {}, m.end ? fmtDate(m.end) : "…"))))) : h("p.muted", {}, t("actor.none"));
  const list = actor.events.events;
  const events = list.length ? h("div.table-wrap", {}, h("table.events", {},
    h("thead", {}, h("tr", {}, ["table.date", "table.type", "table.actors", "table.location", "table.fatalities", "table.review"].map((k) => h("th", {}, t(k))))),
    h("tbody", {}, list.map((e) => h("tr", { "data-id": e.event_id },
      h("td.nowrap", {}, h("a", { href: eventHref(e.event_id) }, fmtDate(e.event_date))),
      h("td", {}, typeSwatch(e.event_type), " ", typeLabel(e.event_type), h("div.sub", {}, subTypeLabel(e.sub_event_type))),
      h("td", {}, [e.actor1, e.actor2].filter(Boolean).map((a, i) => [i ? " — " : "", a === actor.name ? h("strong", {}, a) : h("a", { href: actorHref(a) }, a)])),
      h("td", {}, e.location || "—"),
      h("td.num", {}, fmtNumber(e.fatalities)),
      h("td", {}, reviewBadge(e.review_state))))))) : h("p.muted", {}, t("actor.none"));
  clear(root).append(h("div.actor-page", { "data-ready": location.hash },
    h("a.back", { href: "#/" }, "← ", t("event.back")),
    h("header.page-head", {},
      h("div.kicker", {}, t("actor.title")),
      h("h1", {}, actor.name),
      h("div.meta", {},
        actor.acronym ? [t("actor.acronym"), t("colon"), h("strong", {}, actor.acronym), " · "] : null,
        actor.inter ? [t("actor.inter"), t("colon"), h("strong", {}, actor.inter), " · "] : null,
        t("actor.kind"), t("colon"), actor.kind || "—", actor.country ? ` · ${actor.country}` : ""),
      h("a", { href: "#/" + qs({ actor: actor.name }) }, t("actor.filter"))),
    h("div.event-grid", {},
      h("div.event-main", {}, h("section.panel", {}, h("h3", {}, t("actor.recent"), ` (${fmtNumber(actor.events.total)})`), events)),
      h("div.event-side", {},
        h("section.panel", {}, h("h3", {}, t("actor.memberships")), memberships),
        aliases.length ? h("section.panel", {}, h("h3", {}, t("actor.aliases")), h("div.aliases", {}, aliases)) : null))));
}
