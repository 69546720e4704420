import { api, enc, json } from "../api.js";
import { h, announce, errorBox } from "../dom.js";
import { ctx } from "../context.js";
import { href } from "../router.js";

// An indicator's material items on the board: each item's state in words, its confirmed and its suggested evidence
// listed apart, and for reviewers confirm or reject per document and item, with feedback and undo. The states and
// what counts come from the server's coverage; the page only draws them and sends the decisions.
export function materialsTable(i, refresh, redraw) {
  if (!i.materials.length) return h("p", { className: "notice" }, "该指标未列材料。");
  const may = ctx.session.mayDecide;
  const doc = id => href("doc", id, { framework: ctx.framework });
  const url = m => `/api/frameworks/${enc(ctx.framework)}/indicators/${i.number}/items/${m.index}/decisions`;

  // Sends one decision, draws the panel again from the server, then says what happened in the new panel's status line.
  const act = async (send, message, undo) => {
    try {
      await send();
      await redraw(await refresh());
      const line = document.getElementById("item-feedback");
      announce(message);
      line.replaceChildren(message, ...(undo ? [" ", h("button", { type: "button", id: "item-undo", onclick: () => act(undo, "已撤销上一步") }, "撤销")] : []));
    } catch (error) { document.getElementById("item-feedback")?.replaceChildren(errorBox(error)); }
  };
  const decide = (m, e, kind) => act(
    () => api(url(m), json("POST", { documentId: e.documentId, decision: kind })),
    `已${ctx.label("decisionActions", kind)}：“${e.title}”作为指标${i.number}第${m.index}项材料`,
    () => api(`${url(m)}/${enc(e.documentId)}?note=${enc("撤销")}`, { method: "DELETE" }));
  const withdraw = (m, e) => act(
    () => api(`${url(m)}/${enc(e.documentId)}?note=${enc("撤销")}`, { method: "DELETE" }),
    `已撤销“${e.title}”在指标${i.number}第${m.index}项上的${ctx.label("decisionActions", e.decision)}`);

  const entry = (m, e) => h("li", { dataset: { doc: e.documentId, source: e.source } },
    h("a", { href: doc(e.documentId) }, e.title),
    e.duplicates.length ? h("span", { className: "meta" }, `（另有 ${e.duplicates.length} 份相同内容的副本，只计一次）`) : null,
    h("div", { className: "meta" }, e.reason),
    may ? h("span", { className: "decision" },
      e.source === "confirmed"
        ? (e.decision ? h("button", { type: "button", dataset: { itemUndo: e.documentId }, onclick: () => withdraw(m, e) }, `撤销${ctx.label("decisionActions", e.decision)}`) : null)
        : [h("button", { type: "button", dataset: { itemConfirm: e.documentId }, onclick: () => decide(m, e, "confirm") }, ctx.label("decisionActions", "confirm")),
           h("button", { type: "button", dataset: { itemReject: e.documentId }, onclick: () => decide(m, e, "reject") }, ctx.label("decisionActions", "reject"))]) : null);
  const group = (m, source, title) => {
    const list = m.evidence.filter(e => e.source === source);
    return h("div", { className: `evidence-group ${source}`, dataset: { group: source } },
      h("strong", {}, `${title}（${list.length}）`),
      list.length ? h("ul", {}, list.map(e => entry(m, e))) : h("span", { className: "meta" }, "：无"));
  };

  return h("div", {},
    h("p", { id: "item-feedback", className: "notice", role: "status", "aria-live": "polite" }),
    h("table", { id: "materials" },
      h("thead", {}, h("tr", {}, h("th", {}, "状态"), h("th", {}, "材料项"), h("th", {}, "佐证（已确认与待确认分开列出）"))),
      h("tbody", {}, i.materials.map(m => h("tr", { dataset: { item: m.index, status: m.status } },
        h("td", { className: `item-state ${m.status}` }, `${m.satisfied ? "✔" : "✘"} ${ctx.label("itemStatuses", m.status)}`,
          m.required > 1 ? h("div", { className: "meta" }, `需 ${m.required} 份，已有 ${m.documentIds.length} 份`) : null),
        h("td", {}, m.item, m.leadUnit ? h("div", { className: "meta" }, m.leadUnit) : null,
          m.outsideWindow.length ? h("div", { className: "error" }, `有 ${m.outsideWindow.length} 份材料不在“${m.timeWindow}”时限内`) : null,
          !m.satisfied && m.askUnit ? h("div", { className: "meta" }, `请向${m.askUnit}索取`) : null),
        h("td", {}, group(m, "confirmed", ctx.label("itemStatuses", "confirmed")), group(m, "suggested", ctx.label("itemStatuses", "suggested"))))))));
}
