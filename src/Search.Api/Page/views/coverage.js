import { api, enc, json, download } from "../api.js";
import { materialsTable } from "./items.js";
import { h, announce, errorBox } from "../dom.js";
import { ctx } from "../context.js";
import { href, go } from "../router.js";
import { beijingTime } from "../format.js";

// The four states a tile can be in; shown by colour, by a word on the tile, and in the legend with counts.
const STATES = [
  ["complete", "已确认，材料齐全", "var(--ok)", "齐全"],
  ["partial", "已确认，材料不全", "var(--part)", "不全"],
  ["suggested", "仅有待确认的佐证（自动匹配或单位上传）", "var(--auto)", "待确认"],
  ["missing", "尚无佐证", "var(--miss)", "缺"],
];

// An indicator's state as the coverage report gives it (a reviewer's word on the indicator or on one of its items counts as confirmed).
export function stateOf(i) {
  return i.state;
}

// A tile says its indicator's state in words as well as by colour.
function showState(tile, i) {
  const state = stateOf(i);
  const label = STATES.find(([s]) => s === state);
  tile.className = `tile ${state}`;
  tile.dataset.n = i.number;
  tile.dataset.state = state;
  tile.setAttribute("aria-label", `指标${i.number}：${label[1]}`);
  tile.replaceChildren(String(i.number), h("small", {}, label[3]));
}

// 指标覆盖: the board of one framework, filtered by unit, section and state; the filters and the open indicator are in the address.
export async function render(container, route, fresh) {
  const p = route.params;
  const address = changes => ({ framework: ctx.framework, unit: p.unit, section: p.section, status: p.status, n: p.n, ...changes });
  const unit = h("input", { type: "text", id: "unit", value: p.unit ?? "", placeholder: "例如：区司法局" });
  unit.value = p.unit ?? "";
  const filters = h("form", { className: "row", id: "coverage-filters", onsubmit: event => {
    event.preventDefault();
    go("coverage", null, address({ unit: unit.value.trim(), n: undefined }));
  } },
    h("label", { for: "unit" }, "单位"), unit, h("button", { className: "primary", id: "load-coverage", type: "submit" }, "查看"));
  const summary = h("p", { id: "coverage-summary", className: "notice", role: "status" }, "计算中…");
  container.append(h("h2", {}, "指标覆盖"), filters, summary);

  const query = p.unit ? `?unit=${enc(p.unit)}` : "";
  const coverage = await api(`/api/frameworks/${enc(ctx.framework)}/coverage${query}`);
  if (!fresh()) return;

  const counts = Object.fromEntries(STATES.map(([s]) => [s, 0]));
  for (const i of coverage.indicators) counts[stateOf(i)]++;
  summary.textContent = `${coverage.name}：${coverage.coveredCount}/${coverage.indicatorCount} 个指标已有佐证，共 ${coverage.documentCount} 份文件${p.unit ? `（只看${p.unit}负责的指标）` : ""}`;

  const sections = [...new Map(coverage.indicators.map(i => [String(i.section), i.sectionTitle ?? `第${i.section}部分`])).entries()];
  const sectionSelect = h("select", { id: "section-filter" }, h("option", { value: "" }, "全部"), sections.map(([v, t]) => h("option", { value: v, selected: p.section === v }, t)));
  const statusSelect = h("select", { id: "status-filter" }, h("option", { value: "" }, "全部"), STATES.map(([s, label]) => h("option", { value: s, selected: p.status === s }, `${label}（${counts[s]}）`)));
  sectionSelect.addEventListener("change", () => go("coverage", null, address({ section: sectionSelect.value })));
  statusSelect.addEventListener("change", () => go("coverage", null, address({ status: statusSelect.value })));
  const ledger = h("button", { type: "button", id: "ledger", onclick: async () => {
    try { await download(`/api/frameworks/${enc(ctx.framework)}/coverage.xlsx${query}`); announce("台账已开始下载"); } catch (error) { summary.append(errorBox(error)); }
  } }, "下载台账 XLSX");
  container.append(h("div", { className: "row" },
    h("label", { for: "section-filter" }, "一级指标"), sectionSelect,
    h("label", { for: "status-filter" }, "状态"), statusSelect, ledger));

  const legendOf = indicators => {
    const n = Object.fromEntries(STATES.map(([s]) => [s, 0]));
    for (const i of indicators) n[stateOf(i)]++;
    return h("div", { className: "legend", id: "legend", "aria-label": "图例" },
      STATES.map(([s, label, colour]) => h("span", { style: `--c:${colour}` }, `${label}：${n[s]} 项`)));
  };
  let legend = legendOf(coverage.indicators);
  container.append(legend);

  const shown = coverage.indicators.filter(i => (!p.section || String(i.section) === p.section) && (!p.status || stateOf(i) === p.status));
  const panel = h("section", { id: "indicator", className: "panel", hidden: true, "aria-live": "polite" });
  const board = h("div", { className: "board", id: "board", role: "list", "aria-label": "指标" },
    shown.map(i => {
      const tile = h("button", {
        type: "button", "aria-pressed": String(p.n === String(i.number)), title: i.text,
        onclick: () => go("coverage", null, address({ n: i.number })),
      });
      showState(tile, i);
      return h("div", { role: "listitem" }, tile);
    }));
  // Element.append would write a null out as the word "null".
  container.append(board, ...(shown.length ? [] : [h("p", { className: "notice" }, "没有符合筛选条件的指标。")]), panel);

  if (p.n) {
    const indicator = coverage.indicators.find(i => String(i.number) === p.n);
    // A decision on an item redraws the panel from the server's coverage, keeping the filters.
    // Its tile and the legend's counts follow, since a reviewer's word on an item confirms the indicator.
    const refresh = async () => {
      const all = (await api(`/api/frameworks/${enc(ctx.framework)}/coverage${query}`)).indicators;
      const current = all.find(i => String(i.number) === p.n);
      const tile = board.querySelector(`button.tile[data-n="${p.n}"]`);
      if (tile && current) showState(tile, current);
      const next = legendOf(all);
      legend.replaceWith(next);
      legend = next;
      return current;
    };
    if (indicator) await showIndicator(panel, indicator, address, refresh);
  }
}

async function showIndicator(panel, i, address, refresh, focus = true) {
  panel.hidden = false;
  const state = STATES.find(([s]) => s === stateOf(i));
  const doc = id => href("doc", id, { framework: ctx.framework });
  panel.replaceChildren(
    h("div", { className: "row" }, h("h3", { id: "indicator-title", tabindex: "-1" }, `指标${i.number}`), h("span", { className: `state` }, state[1]),
      h("a", { href: href("coverage", null, address({ n: undefined })) }, "关闭")),
    h("p", {}, i.text),
    h("p", { className: "meta" }, `一级指标：${i.sectionTitle ?? ""}　牵头单位：${i.leadUnits.join("、") || "未写明"}　责任单位：${i.responsibleUnits.join("、") || "未写明"}`),
    h("h4", {}, "材料清单"),
    materialsTable(i, refresh, next => showIndicator(panel, next, address, refresh, false)),
    h("h4", {}, "佐证文件"),
    i.evidence.length
      ? h("ul", {}, i.evidence.map(e => h("li", {}, h("a", { href: doc(e.documentId) }, e.title),
          h("span", { className: `state ${e.source === "auto" ? "auto" : "confirm"}` }, ctx.label("linkSources", e.source)),
          h("span", { className: "meta" }, " ", e.reasons.join("；")))))
      : h("p", { className: "notice" }, "暂无"),
    h("h4", {}, "建议"),
    i.suggestions.length
      ? h("ul", {}, i.suggestions.map(s => s.documentId
          ? h("li", {}, h("a", { href: doc(s.documentId) }, s.title), h("span", { className: "meta" }, ` 相似度 ${s.score}${s.forItem ? "，可能用于：" + s.forItem : ""}`))
          : h("li", { className: "notice" }, `${s.title}：${s.askUnit ?? ""}`)))
      : h("p", { className: "notice" }, "无"));
  await drafts(panel, i);
  if (focus) panel.querySelector("#indicator-title").focus();
}

async function drafts(panel, i) {
  const base = `/api/frameworks/${enc(ctx.framework)}/indicators/${i.number}`;
  const area = h("div", { id: "draft" });
  const status = h("span", { id: "draft-status", className: "meta", role: "status" });
  panel.append(h("h4", {}, "情况说明草稿"), area);
  if (ctx.session.llm && ctx.session.mayDecide) {
    panel.append(h("button", { type: "button", id: "make-draft", onclick: async () => {
      status.textContent = "起草中…";
      try { showDraft(area, base, await api(`${base}/draft`, { method: "POST" }), status); status.textContent = "草稿已生成"; }
      catch (error) { status.replaceChildren(errorBox(error)); }
    } }, "请语言模型起草"), " ");
  }
  panel.append(status);
  const list = await api(`${base}/drafts`).catch(() => []);
  if (list.length) showDraft(area, base, list[0], status);
  else area.append(h("p", { className: "notice" }, ctx.session.llm ? "还没有草稿。" : "还没有草稿；未配置语言模型，不能自动起草。"));
}

function showDraft(area, base, d, status) {
  const text = h("textarea", { id: "draft-text", rows: 8, style: "width:100%", "aria-label": "情况说明草稿", readonly: !ctx.session.mayDecide });
  text.value = d.text;
  const count = h("span", { id: "draft-count", className: d.length > d.limit ? "error" : "" }, `${d.length}/${d.limit} 字`);
  text.addEventListener("input", () => { count.textContent = `已修改，保存后重新计算字数（上限 ${d.limit} 字）`; count.className = ""; });
  area.replaceChildren(h("p", { className: "notice" }, d.notice), text,
    h("div", { className: "meta" }, count, " · ", d.editedBy ? `${d.editedBy} 修改于 ${beijingTime(d.editedAt)}` : `${d.model} 起草于 ${beijingTime(d.createdAt)}`),
    h("div", {}, d.citations.map(c => h("a", { className: "chip", href: href("doc", c.documentId, { framework: ctx.framework, page: c.page }) }, `[${c.marker}] ${c.title} 第${c.page}页`))),
    d.warnings.map(w => h("p", { className: "error" }, w)),
    ctx.session.mayDecide ? h("button", { type: "button", id: "save-draft", onclick: async () => {
      try { showDraft(area, base, await api(`${base}/drafts/${d.id}`, json("PUT", { text: text.value })), status); announce("已保存（仍为草稿）", status); }
      catch (error) { status.replaceChildren(errorBox(error)); }
    } }, "保存修改") : null);
}
