// Agreement tracker: agreements with their implementation score, then one agreement's provisions
// with due vs actual dates, status history, linked events (reviewers confirm or reject links)
// and allegations.
import { get, post, ApiError, token } from "../api.js";
import { h, clear, fmtDate, typeLabel, typeSwatch, eventHref, notice, reviewBadge } from "../dom.js";
import { t, tv, lang } from "../i18n.js";
import { begin } from "../router.js";

/** The provision's title in the interface language when the agreement file gives one. */
const titleOf = (p) => (p.titles && p.titles[lang()]) || p.title;

const pct = (score) => (score === null || score === undefined ? "—" : `${Math.round(score * 100)}%`);

function scoreBar(score) {
  const value = score === null || score === undefined ? 0 : score;
  return h("span.score-bar", { title: pct(score) }, h("span.score-fill", { style: `width:${value * 100}%` }));
}

function scoreDots(score) {
  return h("span.dots", { title: `${score}/3` }, [0, 1, 2].map((i) => h(`span.dot${i < score ? ".on" : ""}`)));
}

export async function renderAgreements(root) {
  const current = begin(root);
  clear(root).append(h("p.muted", {}, t("loading")));
  let data;
  try {
    data = await get("/agreements");
  } catch (err) {
    if (!current()) return;
    clear(root).append(notice("error", t("error.load", { detail: err.message })));
    return;
  }
  if (!current()) return;
  clear(root).append(h("div.agreements-page", { "data-ready": location.hash },
    h("header.page-head", {}, h("h1", {}, t("agr.title"))),
    h("div.cards", {}, data.agreements.map((a) => h("a.card", { href: `#/agreements/${encodeURIComponent(a.id)}` },
      h("div.card-title", {}, a.short_name || a.name),
      h("div.muted", {}, a.name),
      h("div", {}, t("agr.signed"), t("colon"), a.signed.map(fmtDate).join(", ") || "—"),
      h("div.score-line", {}, t("agr.score"), t("colon"), h("strong", {}, pct(a.score.score)), " ", scoreBar(a.score.score)),
      h("div.muted", {}, t("agr.assessed", { a: a.score.assessed, p: a.score.provisions })))))));
}

function milestones(list) {
  if (!list.length) return h("p.muted", {}, t("agr.none"));
  return h("table.plain", {},
    h("thead", {}, h("tr", {}, ["agr.what", "agr.due", "agr.rule", "agr.met", "agr.state", "agr.delay"].map((k) => h("th", {}, t(k))))),
    h("tbody", {}, list.map((m) => h("tr", { class: m.superseded_by ? "reverted" : "" },
      h("td", {}, m.description, m.supersedes ? h("div.sub", {}, `↻ ${m.supersedes}`) : null),
      h("td.nowrap", {}, fmtDate(m.due)),
      h("td.sub", {}, m.due_rule || ""),
      h("td.nowrap", {}, fmtDate(m.met_on)),
      h("td", {}, h(`span.badge.ms-${(m.state || "").replace(/[\s,]+/g, "-")}`, {}, tv("ms", m.state))),
      h("td.num", {}, m.delay_days === null ? "—" : t("agr.days", { n: m.delay_days }))))));
}

function observations(list) {
  if (!list.length) return h("p.muted", {}, t("agr.none"));
  return h("table.plain", {},
    h("thead", {}, h("tr", {}, ["table.date", "agr.score_col", "agr.note", "agr.assessor"].map((k) => h("th", {}, t(k))))),
    h("tbody", {}, list.slice().reverse().map((o) => h("tr", {},
      h("td.nowrap", {}, fmtDate(o.date)),
      h("td.nowrap", {}, scoreDots(o.score), " ", tv("score", o.label), o.suspended ? " ⏸" : "", o.reversed ? " ↩" : ""),
      h("td", {}, o.note, o.events.length ? h("div.sub", {}, o.events.map((id, i) => [i ? ", " : "", h("a", { href: eventHref(id) }, id)])) : null),
      h("td.sub", {}, o.assessor, o.source ? ` (${o.source})` : "")))));
}

function linkedEvents(list, reload) {
  if (!list.length) return h("p.muted", {}, t("agr.none"));
  const out = h("div.review-out");
  const decide = async (link, state) => {
    clear(out);
    try {
      await post(`/agreements/links/${encodeURIComponent(link.link_id)}/review`, { state, note: "" });
      reload();
    } catch (err) {
      const status = err instanceof ApiError ? err.status : "?";
      const text = t("review.refused", { status, detail: err.message });
      out.append(notice("error", status === 401 && !token() ? `${text} — ${t("review.needtoken")}` : text));
    }
  };
  return h("div", {}, h("table.plain", {},
    h("thead", {}, h("tr", {}, ["table.date", "table.type", "table.location", "agr.relation", "agr.link_state", ""].map((k) => h("th", {}, k ? t(k) : "")))),
    h("tbody", {}, list.map((ev) => h("tr", { "data-link": ev.link_id },
      h("td.nowrap", {}, h("a", { href: eventHref(ev.event_id) }, fmtDate(ev.event_date))),
      h("td", {}, typeSwatch(ev.event_type), " ", typeLabel(ev.event_type), " ", ev.review_state ? reviewBadge(ev.review_state) : null),
      h("td", {}, ev.location || "—"),
      h("td", {}, tv("rel", ev.relation), h("div.sub", {}, ev.reason)),
      h("td", {}, h(`span.badge.link-${ev.state}`, {}, tv("link", ev.state)), ev.reviewer ? h("div.sub", {}, ev.reviewer) : null),
      h("td.nowrap", {}, ev.state !== "confirmed" ? h("button.small.ok", { type: "button", onclick: () => decide(ev, "confirmed") }, t("agr.confirm")) : null,
        " ", ev.state !== "rejected" ? h("button.small.danger", { type: "button", onclick: () => decide(ev, "rejected") }, t("agr.reject")) : null))))), out);
}

function allegations(list) {
  if (!list.length) return null;
  return h("div", {}, h("h4", {}, t("agr.allegations")), h("table.plain", {},
    h("thead", {}, h("tr", {}, ["table.date", "agr.accuser", "agr.accused", "agr.what", "agr.verification"].map((k) => h("th", {}, t(k))))),
    h("tbody", {}, list.map((a) => h("tr", {},
      h("td.nowrap", {}, fmtDate(a.alleged_on)),
      h("td", {}, a.accuser), h("td", {}, a.accused),
      h("td", {}, a.what, a.denials.length ? h("div.sub", {}, t("agr.denied", { who: a.denials.map((d) => d.by).join(", ") })) : null,
        a.event_id ? h("div.sub", {}, h("a", { href: eventHref(a.event_id) }, a.event_id)) : null),
      h("td", {}, a.verification_status))))));
}

function provisionCard(p, reload) {
  const st = p.status;
  return h("section.panel.provision", { id: p.id, "data-provision": p.id },
    h("div.provision-head", {},
      h("div", {}, h("h3", {}, titleOf(p)), h("div.muted", {}, p.category, p.part ? ` · ${p.part}` : "", ` · ${p.id}`)),
      h("div.provision-status", {},
        h("div", {}, scoreDots(st.score), " ", h("strong", {}, tv("score", st.label)), st.suspended ? " ⏸" : "", st.reversed ? " ↩" : ""),
        h("div.muted", {}, st.since ? t("agr.since", { date: fmtDate(st.since) }) : ""),
        h("div", {}, t("agr.delay"), t("colon"), p.delay_days === null ? "—" : h("strong.delay", {}, t("agr.days", { n: p.delay_days }))))),
    p.summary ? h("p", {}, p.summary) : null,
    p.responsible.length ? h("p.muted.small", {}, t("agr.responsible"), t("colon"), p.responsible.join(", ")) : null,
    h("div.provision-grid", {},
      h("div", {}, h("h4", {}, t("agr.milestones")), milestones(p.milestones)),
      h("div", {}, h("h4", {}, t("agr.history")), observations(p.observations))),
    h("h4", {}, t("agr.events")), linkedEvents(p.events, reload),
    allegations(p.allegations));
}

export async function renderAgreement(root, id) {
  const current = begin(root);
  clear(root).append(h("p.muted", {}, t("loading")));
  let a;
  try {
    a = await get(`/agreements/${encodeURIComponent(id)}`);
  } catch (err) {
    if (!current()) return;
    clear(root).append(notice("error", t("error.load", { detail: err.message })));
    return;
  }
  if (!current()) return;
  const name = (a.names && a.names[lang()]) || a.name;
  const reload = () => renderAgreement(root, id);
  clear(root).append(h("div.agreement-page", { "data-ready": location.hash },
    h("a.back", { href: "#/agreements" }, "← ", t("agr.title")),
    h("header.page-head", {},
      h("div.kicker", {}, a.short_name || a.id),
      h("h1", {}, name),
      h("div.meta", {}, t("agr.score"), t("colon"), h("strong", {}, pct(a.score.score)), " ", scoreBar(a.score.score), " · ",
        t("agr.assessed", { a: a.score.assessed, p: a.score.provisions }), " · ", t("agr.as_of", { date: fmtDate(a.as_of) })),
      h("div.meta", {}, a.dates.filter((d) => d.kind === "signed" || d.kind === "initialled")
        .map((d, i) => [i ? " · " : "", `${tv("date", d.kind)} ${fmtDate(d.date)}${d.place ? " (" + d.place + ")" : ""}`]))),
    h("nav.toc", {}, h("h4", {}, t("agr.provisions")),
      h("ol", {}, a.provisions.map((p) => h("li", {}, h("a", { href: `#/agreements/${encodeURIComponent(a.id)}`, onclick: (e) => {
        e.preventDefault();
        document.getElementById(p.id).scrollIntoView({ behavior: "smooth" });
      } }, titleOf(p)), " ", scoreDots(p.score))))),
    a.provisions.map((p) => provisionCard(p, reload))));
}
