// Hash routes: #/ (overview, filters in the query), #/event/ID, #/actor/NAME, #/agreements[/ID].
import { qs } from "./api.js";

export function parseHash() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, query = ""] = raw.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { parts, params: new URLSearchParams(query) };
}

export function navigate(path, params) {
  const target = "#" + path + qs(params);
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = target;
}

let renders = 0;

/** Start rendering a view into root; the returned check turns false once another render starts,
 * so a slow view never overwrites the page the user has moved on to. */
export function begin(root) {
  const seq = String(++renders);
  root.dataset.render = seq;
  return () => root.dataset.render === seq;
}
