// Sources: the feeds and folders the server watches (last poll, outcome, next poll, failures in
// a row), the server's latest ingest runs, and, with an ingester's or admin's token, a form to
// watch a new source, remove one or poll it now. Every request carries the token: sources name
// server paths and run reports name files, so even reading them needs one.
import { token, ApiError } from "../api.js";
import { h, clear, notice } from "../dom.js";
import { lang } from "../i18n.js";
import { begin } from "../router.js";

const STRINGS = {
  en: {
    nav: "Sources", title: "Watched sources", needtoken: "Set an API token (any role) with the Token button to see the watched sources and runs.",
    none: "No watched sources yet: add a feed URL or a server folder below, or use `peacewatch sources add`.",
    location: "Feed URL or folder", every: "Every", kind: "Kind", last: "Last poll", status: "Outcome", next: "Next poll",
    failures: "Failures", add: "Watch", remove: "Remove", poll: "Poll now", polled: "Poll queued (run {id}).",
    added: "Now watching {location}.", refused: "Refused ({status}): {detail}", loading: "Loading…", runs: "Latest runs",
    noruns: "No runs yet.", run: "Run", state: "State", what: "What", when: "Submitted", docs: "New documents",
    never: "not yet",
  },
  fr: {
    nav: "Sources", title: "Sources suivies", needtoken: "Saisissez un jeton d’API (tout rôle) avec le bouton Jeton pour voir les sources suivies et les passes.",
    none: "Aucune source suivie : ajoutez l’URL d’un flux ou un dossier du serveur ci-dessous, ou `peacewatch sources add`.",
    location: "URL du flux ou dossier", every: "Tous les", kind: "Type", last: "Dernière lecture", status: "Résultat",
    next: "Prochaine lecture", failures: "Échecs", add: "Suivre", remove: "Retirer", poll: "Lire maintenant",
    polled: "Lecture demandée (passe {id}).", added: "{location} est désormais suivi.", refused: "Refusé ({status}) : {detail}",
    loading: "Chargement…", runs: "Dernières passes", noruns: "Aucune passe.", run: "Passe", state: "État", what: "Quoi",
    when: "Soumise", docs: "Nouveaux documents", never: "pas encore",
  },
};

export function st(key, vars = {}) {
  const table = STRINGS[lang()] || STRINGS.en;
  return (table[key] || STRINGS.en[key] || key).replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));
}

async function call(method, path, body) {
  const response = await fetch("/api/v1" + path, {
    method, credentials: "omit",
    headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: "Bearer " + token() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data && data.detail ? String(data.detail) : response.statusText);
  return data;
}

const when = (iso) => (iso ? iso.replace("T", " ").slice(0, 19) : st("never"));

function refusal(out, err) {
  out.append(notice("error", st("refused", { status: err.status || "?", detail: err.message })));
}

function sourcesTable(sources, reload, out) {
  if (!sources.length) return h("p.muted", {}, st("none"));
  return h("table.plain.sources", {},
    h("thead", {}, h("tr", {}, [st("location"), st("kind"), st("every"), st("last"), st("status"), st("failures"), st("next"), ""]
      .map((k) => h("th", {}, k)))),
    h("tbody", {}, sources.map((s) => h("tr", { "data-source": s.id },
      h("td", {}, s.location), h("td", {}, s.kind), h("td", {}, s.every), h("td", {}, when(s.last_polled_at)),
      h("td", {}, s.last_status || "", s.last_error ? h("div.sub", {}, s.last_error) : null),
      h("td.num", {}, String(s.failures)), h("td", {}, when(s.next_poll_at)),
      h("td", {},
        h("button", { type: "button", "data-action": "poll", onclick: async () => {
          clear(out);
          try {
            const made = await call("POST", `/sources/${encodeURIComponent(s.id)}/poll`);
            reload(st("polled", { id: made.run.id }));
          } catch (err) { refusal(out, err); }
        } }, st("poll")), " ",
        h("button", { type: "button", "data-action": "remove", onclick: async () => {
          clear(out);
          try {
            await call("DELETE", `/sources/${encodeURIComponent(s.id)}`);
            reload();
          } catch (err) { refusal(out, err); }
        } }, st("remove")))))));
}

function runsTable(runs) {
  if (!runs.length) return h("p.muted", {}, st("noruns"));
  return h("table.plain.runs", {},
    h("thead", {}, h("tr", {}, [st("run"), st("kind"), st("what"), st("state"), st("when"), st("docs")].map((k) => h("th", {}, k)))),
    h("tbody", {}, runs.map((r) => h("tr", { "data-run": r.id, "data-state": r.state },
      h("td", {}, r.id), h("td", {}, r.kind), h("td", {}, r.label), h("td", {}, r.state, r.error ? h("div.sub", {}, r.error) : null),
      h("td", {}, when(r.submitted_at)), h("td.num", {}, String(r.summary.documents_new ?? "–"))))));
}

function sourceForm(reload, out) {
  const location = h("input", { type: "text", name: "location", size: 50, placeholder: "https://…/feed.xml" });
  const every = h("input", { type: "text", name: "every", size: 6, value: "30m" });
  return h("form.source-form", { onsubmit: async (e) => {
    e.preventDefault();
    clear(out);
    try {
      const made = await call("POST", "/sources", { location: location.value.trim(), every: every.value.trim() });
      reload(st("added", { location: made.source.location }));
    } catch (err) { refusal(out, err); }
  } },
  h("label.field", {}, h("span.field-label", {}, st("location")), location),
  h("label.field", {}, h("span.field-label", {}, st("every")), every),
  h("div.actions", {}, h("button.primary", { type: "submit" }, st("add"))));
}

export async function renderSources(root) {
  const current = begin(root);
  if (!token()) {
    clear(root).append(h("div.sources-page", { "data-ready": location.hash },
      h("header.page-head", {}, h("h1", {}, st("title"))), notice("info", st("needtoken"))));
    return;
  }
  clear(root).append(h("p.muted", {}, st("loading")));
  let sources, runs;
  try {
    [sources, runs] = await Promise.all([call("GET", "/sources"), call("GET", "/runs?limit=20")]);
  } catch (err) {
    if (!current()) return;
    clear(root).append(notice("error", st("refused", { status: err.status || "?", detail: err.message })));
    return;
  }
  if (!current()) return;
  const out = h("div.review-out");
  const reload = (message) => renderSources(root).then(() => {
    if (message) root.querySelector(".review-out")?.append(notice("ok", message));
  });
  clear(root).append(h("div.sources-page", { "data-ready": location.hash },
    h("header.page-head", {}, h("h1", {}, st("title"))),
    sourcesTable(sources.sources, reload, out),
    out,
    sourceForm(reload, out),
    h("h2", {}, st("runs")),
    runsTable(runs.runs)));
}
