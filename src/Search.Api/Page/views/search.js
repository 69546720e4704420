import { api, enc } from "../api.js";
import { h, marked, markedWords, announce } from "../dom.js";
import { ctx } from "../context.js";
import { href, go } from "../router.js";
import { selection, checkbox, decideBar, resultList } from "./bulk.js";

const FILTERS = ["department", "type", "year", "indicator"];
const SIZE = 20;

// 检索: the query, its filters and its page live in the address, so a search can be shared, saved and returned to.
export async function render(container, route, fresh) {
  const p = route.params;
  const q = h("input", { id: "q", type: "search", name: "q", value: p.q ?? "", "aria-describedby": "q-hint",
    placeholder: "输入检索词，例如：行政复议决定书" });
  q.value = p.q ?? "";
  const form = h("form", { id: "search-form", role: "search", className: "row", onsubmit: event => {
    event.preventDefault();
    const next = { ...keep(p), q: q.value.trim(), page: undefined };
    if (href("search", null, next) === location.hash) rerun(); else go("search", null, next);
  } },
    h("label", { for: "q", className: "sr-only" }, "检索词"), q, h("button", { className: "primary", type: "submit" }, "检索"));
  const hint = h("p", { id: "q-hint", className: "hint" },
    "例如：行政复议决定书、“重大行政决策”（加引号检索整个短语）、权责清单 year:2023（限定年份）、department:区司法局、indicator:12。");
  const facets = h("div", { id: "facets", className: "facets", "aria-label": "筛选" });
  const results = h("div", { id: "results" });
  // Element.append would write a null (no filter chosen) out as the word "null".
  container.append(...[h("h2", { className: "sr-only" }, "检索"), form, hint, activeFilters(p), facets].filter(Boolean));
  let sel = null;
  const rerun = () => run(p, facets, results, fresh, sel);
  const searched = p.q || FILTERS.some(f => p[f]);
  // Reviewers may pick several hits and decide on one indicator for all of them.
  if (searched && ctx.session.mayDecide) {
    const list = resultList("bulk-results");
    let bar;
    sel = selection(n => bar.count(n));
    bar = decideBar(sel, list, rerun);
    container.append(h("section", { className: "panel bulk", "aria-label": "批量审核" }, bar.bar, list));
  }
  container.append(results);
  if (!searched) {
    results.append(h("p", { className: "notice" }, "输入检索词后按回车或点击“检索”。检索结果按文件列出，每条标出它支撑的指标序号及理由。"));
    q.focus();
    return;
  }
  await rerun();
}

const keep = p => ({ framework: ctx.framework, q: p.q, department: p.department, type: p.type, year: p.year, indicator: p.indicator, sort: p.sort });

function activeFilters(p) {
  const active = FILTERS.filter(f => p[f]);
  if (!active.length) return null;
  return h("div", { className: "row", "aria-label": "已选的筛选条件" }, "已选：", active.map(f =>
    h("a", { className: "chip", href: href("search", null, { ...keep(p), [f]: undefined }), "aria-label": `取消筛选 ${ctx.label("facets", f === "type" ? "fileType" : f)} ${show(f, p[f])}` },
      `${ctx.label("facets", f === "type" ? "fileType" : f)}：${show(f, p[f])} ✕`)));
}

const show = (filter, value) => filter === "type" ? ctx.label("fileTypes", value) : filter === "indicator" ? `指标${value}` : value;

async function run(p, facets, results, fresh, sel) {
  results.replaceChildren(h("p", { className: "notice" }, "检索中…"));
  const page = Math.max(1, +(p.page ?? 1));
  const query = new URLSearchParams({ q: p.q ?? "", framework: ctx.framework, size: SIZE, page });
  for (const f of FILTERS) if (p[f]) query.set(f, p[f]);
  if (p.sort) query.set("sort", p.sort);
  const r = await api(`/api/search?${query}`);
  if (!fresh()) return;

  facets.replaceChildren(...facetRows(r.facets, p));
  const total = r.totalIsLowerBound ? `约 ${r.total} 份以上文件（只统计了完整词语的匹配）` : `共 ${r.total} 份文件`;
  results.replaceChildren(
    h("p", { className: "notice", id: "result-count" }, r.notice ?? total),
    ...r.hits.map(hit => hitCard(hit, p, sel)),
    pager(r, p, page));
  announce(r.notice ?? `检索完成，${total}`);
}

function facetRows(f, p) {
  const rows = [["department", f.department], ["type", f.fileType], ["year", f.year], ["indicator", f.indicator]];
  return rows.filter(([, values]) => values.length).map(([name, values]) =>
    h("div", { role: "group", "aria-label": ctx.label("facets", name === "type" ? "fileType" : name) },
      h("span", { className: "label" }, ctx.label("facets", name === "type" ? "fileType" : name) + "："),
      values.map(v => {
        const value = name === "indicator" ? v.value.split(":")[1] : v.value;
        const pressed = p[name] === value;
        return h("a", { className: "chip", href: href("search", null, { ...keep(p), [name]: pressed ? undefined : value }), "aria-pressed": String(pressed),
          "data-filter": `${name}:${value}` }, `${show(name, value)} ${v.count}`);
      })));
}

function hitCard(hit, p, sel) {
  const terms = markedWords(hit.snippet);
  const link = href("doc", hit.documentId, { framework: ctx.framework, page: hit.page, hl: terms.join("|"), q: p.q });
  const meta = [hit.fileName, `第${hit.page}页`, hit.location, hit.department, hit.docNumber, hit.date, ctx.label("fileTypes", hit.fileType)].filter(Boolean);
  return h("article", { className: "hit", "aria-labelledby": "hit-" + hit.documentId },
    sel ? checkbox(sel, hit.documentId, hit.title) : null,
    h("h3", { id: "hit-" + hit.documentId }, h("a", { href: link, "data-doc": hit.documentId }, hit.title)),
    h("div", { className: "meta" }, meta.join(" · "), hit.matchingPassages > 1 ? ` · 共 ${hit.matchingPassages} 处匹配` : ""),
    h("div", { className: "snippet" }, marked(hit.snippet)),
    h("div", {}, hit.indicators.filter(i => i.framework === ctx.framework).map(i =>
      h("a", { className: "chip ind", href: href("coverage", null, { framework: ctx.framework, n: i.number }), title: `得分 ${i.score}` }, `指标${i.number}`))));
}

function pager(r, p, page) {
  const pages = Math.ceil(r.total / SIZE);
  if (pages <= 1) return null;
  return h("nav", { className: "pager", "aria-label": "翻页" },
    page > 1 ? h("a", { href: href("search", null, { ...keep(p), page: page - 1 }) }, "上一页") : null,
    h("span", {}, `第 ${page} / ${pages} 页`),
    page < pages ? h("a", { href: href("search", null, { ...keep(p), page: page + 1 }) }, "下一页") : null);
}

