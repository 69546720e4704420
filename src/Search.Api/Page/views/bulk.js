import { api, enc, json } from "../api.js";
import { h, announce } from "../dom.js";
import { ctx } from "../context.js";

// Acting on several documents at once: real checkboxes, one action per document through the same endpoints as a
// single action (so the same rules apply), and one result line per document in a live region.

export function selection(onChange) {
  const chosen = new Map();
  return {
    chosen,
    toggle(id, title, on) { if (on) chosen.set(id, title); else chosen.delete(id); onChange?.(chosen.size); },
    clear() { chosen.clear(); onChange?.(0); },
  };
}

export function checkbox(sel, id, title) {
  const box = h("input", { type: "checkbox", id: "pick-" + id, className: "pick", dataset: { doc: id },
    onchange: () => sel.toggle(id, title, box.checked) });
  box.checked = sel.chosen.has(id);
  return h("label", { for: box.id, className: "pick-label" }, box, h("span", { className: "sr-only" }, `选择“${title}”`), h("span", { "aria-hidden": "true" }, "选择"));
}

// The list every bulk action writes its per-document outcome to.
export function resultList(id) {
  return h("ul", { id, className: "bulk-results", role: "status", "aria-live": "polite" });
}

// Runs one call per chosen document, one after another, and says for each whether it worked.
export async function forEach(sel, list, doneLabel, call) {
  const entries = [...sel.chosen];
  list.replaceChildren();
  let ok = 0;
  for (const [id, title] of entries) {
    const line = h("li", { dataset: { doc: id } }, `${title}：正在处理…`);
    list.append(line);
    try {
      await call(id);
      ok++;
      line.className = "yes";
      line.textContent = `✔ ${title}：${doneLabel}`;
    } catch (error) {
      line.className = "no";
      line.textContent = `✘ ${title}：失败，${error.message}`;
    }
  }
  const summary = `${doneLabel} ${ok} 份${entries.length - ok ? `，${entries.length - ok} 份失败` : ""}`;
  list.prepend(h("li", { className: "bulk-summary" }, summary));
  announce(summary);
  return ok;
}

// The reviewer's bar: one indicator, one note, confirm or reject for every chosen document.
export function decideBar(sel, list, after) {
  const count = h("span", { id: "bulk-count", className: "meta" }, "未选择文件");
  const number = h("input", { type: "number", min: 1, id: "bulk-number", style: "width:90px" });
  const note = h("input", { type: "text", id: "bulk-note", placeholder: "备注（可空）" });
  const run = async kind => {
    if (!sel.chosen.size) { announce("请先勾选文件", list); return; }
    if (!number.value) { announce("请填写指标序号", list); number.focus(); return; }
    const n = +number.value;
    const label = `已${ctx.label("decisionActions", kind)}指标${n}`;
    await forEach(sel, list, label, id => api(`/api/documents/${enc(id)}/mappings`,
      json("POST", { framework: ctx.framework, number: n, decision: kind, note: note.value.trim() || null })));
    await after?.();
  };
  const bar = h("form", { id: "bulk-bar", className: "bulk-bar decision", "aria-label": "批量审核", onsubmit: e => e.preventDefault() },
    h("strong", {}, "批量审核"), count,
    h("label", { for: "bulk-number" }, "指标序号"), number,
    h("label", { for: "bulk-note", className: "sr-only" }, "批量审核的备注"), note,
    h("button", { type: "button", id: "bulk-confirm", onclick: () => run("confirm") }, `${ctx.label("decisionActions", "confirm")}所选`),
    h("button", { type: "button", id: "bulk-reject", onclick: () => run("reject") }, `${ctx.label("decisionActions", "reject")}所选`));
  return { bar, count: n => { count.textContent = n ? `已选 ${n} 份` : "未选择文件"; } };
}

// A modal question in a real <dialog>: resolves true only when the user presses the confirming button.
export function ask(title, message, yes) {
  return new Promise(resolve => {
    const dialog = h("dialog", { id: "confirm-dialog", "aria-labelledby": "confirm-title", "aria-describedby": "confirm-text" },
      h("h3", { id: "confirm-title" }, title),
      h("p", { id: "confirm-text" }, message),
      h("form", { method: "dialog", className: "row" },
        h("button", { value: "yes", className: "primary", id: "confirm-yes" }, yes),
        h("button", { value: "no", id: "confirm-no", autofocus: true }, "取消")));
    dialog.addEventListener("close", () => { dialog.remove(); resolve(dialog.returnValue === "yes"); });
    document.body.append(dialog);
    dialog.showModal();
  });
}

export const deleteDocument = id => api(`/api/documents/${enc(id)}`, { method: "DELETE" });
