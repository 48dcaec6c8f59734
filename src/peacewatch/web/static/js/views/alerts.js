// Alerts: what the rules raised (newest first), each with its rule, window and the events behind
// it (linked to their pages, with the supporting spans); the rules; admins create or remove
// rules here. The nav badge counts alerts raised since this browser last opened the page.
import { get, post, token, ApiError } from "../api.js";
import { h, clear, fmtDate, eventHref, notice, typeLabel, reviewBadge } from "../dom.js";
import { lang } from "../i18n.js";
import { begin } from "../router.js";

const SEEN_KEY = "peacewatch.alerts.seen";

const STRINGS = {
  en: {
    nav: "Alerts", title: "Alerts", none: "No alerts yet: rules run after every ingest and with `peacewatch alerts run`.",
    rule: "Rule", window: "Window", fired: "Fired on", raised: "Raised", events: "{n} event(s)", rules: "Rules",
    norules: "No rules yet. Add one with `peacewatch alerts add FILE`, the API, or below (admin token).",
    kind: "Kind", count: "Alerts", create: "New rule (JSON, admin token)", save: "Create rule", remove: "Remove",
    created: "Rule {id} created.", refused: "Refused ({status}): {detail}", loading: "Loading…", killed: "{n} killed",
    newcount: "{n} new alert(s) since your last visit",
  },
  fr: {
    nav: "Alertes", title: "Alertes", none: "Aucune alerte : les règles tournent après chaque ingestion et avec `peacewatch alerts run`.",
    rule: "Règle", window: "Période", fired: "Déclenchée le", raised: "Émise", events: "{n} événement(s)", rules: "Règles",
    norules: "Aucune règle. Ajoutez-en avec `peacewatch alerts add FICHIER`, l’API, ou ci-dessous (jeton admin).",
    kind: "Type", count: "Alertes", create: "Nouvelle règle (JSON, jeton admin)", save: "Créer la règle", remove: "Supprimer",
    created: "Règle {id} créée.", refused: "Refusé ({status}) : {detail}", loading: "Chargement…", killed: "{n} tués",
    newcount: "{n} nouvelle(s) alerte(s) depuis votre dernière visite",
  },
};

export function at(key, vars = {}) {
  const table = STRINGS[lang()] || STRINGS.en;
  return (table[key] || STRINGS.en[key] || key).replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));
}

const EXAMPLE = JSON.stringify({
  id: "gao-surge", name: "Surge of events in Gao", kind: "surge", area: { admin1: "Gao" },
  window_days: 7, baseline_windows: 12, factor: 2, min_count: 3,
}, null, 2);

/** Fill the nav badge with the number of alerts raised since the alerts page was last opened. */
export async function alertsBadge(el) {
  try {
    const seen = localStorage.getItem(SEEN_KEY);
    const data = await get("/alerts", seen ? { since: seen, limit: 1000 } : { limit: 1000 });
    const n = data.alerts.length;
    el.textContent = n ? String(n) : "";
    el.hidden = !n;
    el.title = at("newcount", { n });
  } catch {
    el.hidden = true;
  }
}

async function send(method, path, body) {
  const response = await fetch("/api/v1" + path, {
    method, credentials: "omit",
    headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: "Bearer " + token() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data && data.detail ? String(data.detail) : response.statusText);
  return data;
}

function eventItem(ev) {
  return h("li.alert-event", { "data-event": ev.event_id },
    h("a", { href: eventHref(ev.event_id) }, `${fmtDate(ev.event_date)} — ${typeLabel(ev.event_type)} — ${ev.location || ev.admin1 || "?"}`),
    " ", at("killed", { n: ev.fatalities || 0 }), " ", reviewBadge(ev.review_state),
    ev.evidence.length ? h("div.sub", {}, ev.evidence.slice(0, 3).map((e, i) => [i ? " · " : "", h("q", {}, e.text)])) : null);
}

function alertCard(a, focused) {
  return h(`article.card.alert${focused ? ".focused" : ""}`, { id: a.alert_id, "data-alert": a.alert_id, "data-kind": a.kind },
    h("div.card-title", {}, a.title),
    h("div.muted", {}, `${at("rule")}: ${a.rule_name} (${a.rule_id}) · ${at("fired")} ${fmtDate(a.fired_on)}`,
      a.window_start || a.window_end ? ` · ${at("window")}: ${fmtDate(a.window_start)} – ${fmtDate(a.window_end)}` : "",
      ` · ${at("raised")} ${fmtDate(a.raised_at)}`),
    a.events.length ? h("div", {}, h("div.sub", {}, at("events", { n: a.event_count })), h("ul", {}, a.events.map(eventItem))) : null);
}

function rulesTable(rules, reload, out) {
  if (!rules.length) return h("p.muted", {}, at("norules"));
  return h("table.plain.alert-rules", {},
    h("thead", {}, h("tr", {}, ["id", at("kind"), at("rule"), at("count"), ""].map((k) => h("th", {}, k)))),
    h("tbody", {}, rules.map((r) => h("tr", { "data-rule": r.id },
      h("td", {}, r.id), h("td", {}, r.kind), h("td", {}, r.name || r.id), h("td.num", {}, String(r.alerts)),
      h("td", {}, h("button", { type: "button", onclick: async () => {
        clear(out);
        try {
          await send("DELETE", `/alert-rules/${encodeURIComponent(r.id)}`);
          reload();
        } catch (err) {
          out.append(notice("error", at("refused", { status: err.status || "?", detail: err.message })));
        }
      } }, at("remove")))))));
}

function ruleForm(reload, out) {
  const text = h("textarea", { name: "rule", rows: 9, cols: 60, spellcheck: "false" });
  text.value = EXAMPLE;
  return h("form.alert-rule-form", { onsubmit: async (e) => {
    e.preventDefault();
    clear(out);
    let body;
    try {
      body = JSON.parse(text.value);
    } catch (err) {
      out.append(notice("error", at("refused", { status: "JSON", detail: err.message })));
      return;
    }
    try {
      const made = await send("POST", "/alert-rules", body);
      reload(at("created", { id: made.rule.id }));
    } catch (err) {
      out.append(notice("error", at("refused", { status: err.status || "?", detail: err.message })));
    }
  } }, h("label.field", {}, h("span.field-label", {}, at("create")), text),
  h("div.actions", {}, h("button.primary", { type: "submit" }, at("save"))));
}

export async function renderAlerts(root, focus) {
  const current = begin(root);
  clear(root).append(h("p.muted", {}, at("loading")));
  let alerts, rules;
  try {
    [alerts, rules] = await Promise.all([get("/alerts", { limit: 200 }), get("/alert-rules")]);
  } catch (err) {
    if (!current()) return;
    clear(root).append(notice("error", err.message));
    return;
  }
  if (!current()) return;
  if (alerts.latest) localStorage.setItem(SEEN_KEY, alerts.latest);
  const badge = document.querySelector("[data-alerts-badge]");
  if (badge) alertsBadge(badge);
  const out = h("div.review-out");
  const reload = (message) => renderAlerts(root, focus).then(() => {
    if (message) root.querySelector(".review-out")?.append(notice("ok", message));
  });
  clear(root).append(h("div.alerts-page", { "data-ready": location.hash },
    h("header.page-head", {}, h("h1", {}, at("title"))),
    alerts.alerts.length
      ? h("div.cards.alerts", {}, alerts.alerts.map((a) => alertCard(a, a.alert_id === focus)))
      : h("p.muted", {}, at("none")),
    h("h2", {}, at("rules")),
    rulesTable(rules.rules, reload, out),
    out,
    ruleForm(reload, out)));
  if (focus) document.getElementById(focus)?.scrollIntoView();
}
