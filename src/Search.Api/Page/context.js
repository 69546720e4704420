import { api, enc } from "./api.js";

// What every view reads: the caller, the words for codes, the frameworks and the one selected.
export const ctx = {
  session: null,
  labels: null,
  frameworks: [],
  framework: null,
  label(group, code) { return this.labels?.[group]?.[code] ?? code ?? ""; },
  get frameworkInfo() { return this.frameworks.find(f => f.id === this.framework); },
};

export async function load() {
  [ctx.session, ctx.labels, ctx.frameworks] = await Promise.all([api("/api/session"), api("/api/labels"), api("/api/frameworks")]);
  return ctx;
}

const FRAMEWORK = "search-framework";

// The framework a view works on: the one in the address, else the last chosen, else the default notice.
export function chooseFramework(fromAddress) {
  const known = id => ctx.frameworks.some(f => f.id === id);
  ctx.framework = [fromAddress, localStorage.getItem(FRAMEWORK), "shapotou-2023", ctx.frameworks[0]?.id].find(known) ?? null;
  if (ctx.framework) localStorage.setItem(FRAMEWORK, ctx.framework);
  return ctx.framework;
}

export const frameworkReport = id => api(`/api/frameworks/${enc(id)}/report`);
