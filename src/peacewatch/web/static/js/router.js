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
