// Dashboard entry point: header (navigation, language, reviewer token) and the hash router.
import { setToken, token, whoami } from "./api.js";
import { h, clear } from "./dom.js";
import { t, lang, setLang } from "./i18n.js";
import { parseHash } from "./router.js";
import { renderOverview } from "./views/overview.js";
import { renderEvent } from "./views/event.js";
import { renderActor } from "./views/actor.js";
import { renderAgreements, renderAgreement } from "./views/agreements.js";
import { renderAlerts, alertsBadge, at } from "./views/alerts.js";
import { renderSources, st } from "./views/sources.js";

const header = document.getElementById("header");
const main = document.getElementById("main");
const footer = document.getElementById("footer");
let user = null;

function tokenPanel() {
  const input = h("input", { type: "password", name: "token", autocomplete: "off", placeholder: "pw_…", value: token() });
  const panel = h("form.token-panel", { hidden: true, onsubmit: async (e) => {
    e.preventDefault();
    setToken(input.value);
    await refreshUser();
    renderHeader();
    route();
  } },
  h("label.field", {}, h("span.field-label", {}, t("token.label")), input),
  h("div.actions", {},
    h("button.primary", { type: "submit" }, t("token.save")),
    h("button", { type: "button", onclick: async () => { setToken(""); await refreshUser(); renderHeader(); route(); } }, t("token.clear"))),
  h("p.muted.small", {}, t("token.help")));
  return panel;
}

async function refreshUser() {
  user = await whoami();
}

function renderHeader() {
  document.title = `peacewatch — ${t("app.tagline")}`;
  const { parts } = parseHash();
  const here = parts[0] || "";
  const panel = tokenPanel();
  const who = token()
    ? (user ? t("token.set", { name: user.name, role: user.role }) : t("token.invalid"))
    : t("token.none");
  clear(header).append(h("div.bar", {},
    h("a.brand", { href: "#/" }, h("span.logo", { "aria-hidden": "true" }), "peacewatch"),
    h("span.tagline", {}, t("app.tagline")),
    h("nav.nav", {},
      h("a", { href: "#/", class: here === "" || here === "event" || here === "actor" ? "active" : "" }, t("nav.overview")),
      h("a", { href: "#/agreements", class: here === "agreements" ? "active" : "" }, t("nav.agreements")),
      h("a", { href: "#/alerts", class: here === "alerts" ? "active" : "" }, at("nav"), " ", h("span.badge.muted-badge", { "data-alerts-badge": "", hidden: true })),
      h("a", { href: "#/sources", class: here === "sources" ? "active" : "" }, st("nav")),
      h("a", { href: "/docs", target: "_blank", rel: "noopener" }, t("nav.api"))),
    h("div.bar-right", {},
      h("span.who", { class: user ? "who ok" : token() ? "who bad" : "who", "data-user": user ? user.name : "" }, who),
      h("button.token-button", { type: "button", onclick: () => { panel.hidden = !panel.hidden; } }, t("token.button")),
      h("button.lang", { type: "button", lang: lang() === "en" ? "fr" : "en", onclick: () => {
        setLang(lang() === "en" ? "fr" : "en");
        renderHeader();
        renderFooter();
        route();
      } }, t("lang.switch")))),
  panel);
  alertsBadge(header.querySelector("[data-alerts-badge]"));
}

function renderFooter() {
  clear(footer).append(h("p", {}, t("footer.credits")));
}

async function route() {
  const { parts, params } = parseHash();
  renderHeader();
  window.scrollTo(0, 0);
  const [head, arg] = parts;
  if (head === "event" && arg) return renderEvent(main, arg);
  if (head === "actor" && arg) return renderActor(main, arg);
  if (head === "agreements" && arg) return renderAgreement(main, arg);
  if (head === "agreements") return renderAgreements(main);
  if (head === "alerts") return renderAlerts(main, arg);
  if (head === "sources") return renderSources(main);
  return renderOverview(main, params);
}

setLang(lang());
renderFooter();
refreshUser().then(route);
window.addEventListener("hashchange", route);
