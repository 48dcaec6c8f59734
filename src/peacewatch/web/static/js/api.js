// HTTP access to /api/v1. The reviewer's token lives in sessionStorage (gone when the tab closes)
// and travels only in the Authorization header, never in a cookie, so no other site can make
// the browser write on the reviewer's behalf.

const BASE = "/api/v1";
const TOKEN_KEY = "peacewatch.token";

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
    this.detail = detail;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value.trim());
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Query string from a params object; arrays become repeated keys, empty values are dropped. */
export function qs(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (Array.isArray(v)) v.forEach((x) => x !== "" && q.append(k, x));
    else if (v !== null && v !== undefined && v !== "") q.append(k, v);
  }
  const text = q.toString();
  return text ? "?" + text : "";
}

export function url(path, params) {
  return BASE + path + qs(params);
}

async function request(method, path, { params, body } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const tok = token();
  if (tok && method !== "GET") headers.Authorization = "Bearer " + tok;
  const response = await fetch(url(path, params), {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "omit",
  });
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    const detail = data && data.detail ? (typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail)) : response.statusText;
    throw new ApiError(response.status, detail);
  }
  return data;
}

export const get = (path, params) => request("GET", path, { params });
export const post = (path, body) => request("POST", path, { body });

/** Check the stored token against /me (sent explicitly: GETs carry no token otherwise). */
export async function whoami() {
  const tok = token();
  if (!tok) return null;
  const response = await fetch(url("/me"), { headers: { Authorization: "Bearer " + tok }, credentials: "omit" });
  if (!response.ok) return null;
  return response.json();
}
