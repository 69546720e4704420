// Hash routing: "#/view/arg?key=value". Every view and document has an address; Back and reload keep the view.
export function current() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = raw.split("?");
  const [view = "", ...rest] = path.split("/").map(decodeURIComponent);
  return { view: view || "home", arg: rest.join("/") || null, params: Object.fromEntries(new URLSearchParams(query)) };
}

export function href(view, arg, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "")).toString();
  return `#/${view}${arg ? "/" + encodeURIComponent(arg) : ""}${query ? "?" + query : ""}`;
}

// A new entry in the history (Back returns here).
export function go(view, arg, params) { location.hash = href(view, arg, params); }

// The same entry, changed (e.g. a filter): no extra step for Back.
export function replace(view, arg, params) { history.replaceState(null, "", href(view, arg, params)); }

export function onChange(handler) { addEventListener("hashchange", handler); }

// Draws the current view again from the server, at the same address.
export function reload() { dispatchEvent(new HashChangeEvent("hashchange")); }
