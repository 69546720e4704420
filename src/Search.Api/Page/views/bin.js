import { api, enc } from "../api.js";
import { h, announce } from "../dom.js";
import { ctx } from "../context.js";
import { href } from "../router.js";
import { beijingTime } from "../format.js";
import { selection, checkbox, resultList, forEach, ask } from "./bulk.js";

const restore = id => api(`/api/recycle-bin/${enc(id)}/restore`, { method: "POST" });
const purge = id => api(`/api/recycle-bin/${enc(id)}`, { method: "DELETE" });

// 回收站: deleted files wait here until they are purged; whoever could delete one restores it, one or several at once,
// and an administrator may purge them at once. What each caller may do comes from the server with the list.
export async function render(container, route, fresh) {
  container.append(h("h2", {}, "回收站"));
  const contents = await api("/api/recycle-bin");
  if (!fresh()) return;
  const own = ctx.session.role === "department" ? `这里只列出本单位（${ctx.session.unit}）的文件。` : "";
  container.append(h("p", { className: "notice" },
    `删除的文件在回收站中保留 ${contents.retentionDays} 天：不出现在检索、覆盖、台账和统计中，期间可以恢复，恢复后原有的审核决定仍然有效；到期后原件和文字永久删除。${own}`));
  const results = resultList("bin-results");
  const list = h("div", { id: "bin-list" });
  container.append(results, list);
  const reload = async () => {
    const next = await api("/api/recycle-bin");
    list.replaceChildren(table(next.entries, results, reload));
  };
  list.append(table(contents.entries, results, reload));
}

function table(entries, results, reload) {
  if (!entries.length) return h("p", { className: "notice", id: "bin-empty" }, "回收站是空的。");
  const count = h("span", { className: "meta", id: "bin-count" }, "未选择文件");
  const sel = selection(n => { count.textContent = n ? `已选 ${n} 份` : "未选择文件"; });
  const mayPurge = entries.some(e => e.mayPurge);
  // Each restored file gets a link back to it, in the line that says it was restored.
  const linkRestored = () => {
    for (const line of results.querySelectorAll("li.yes[data-doc]")) {
      line.append(" ", h("a", { href: href("doc", line.dataset.doc, { framework: ctx.framework }) }, "打开"));
    }
  };
  const restoreSelected = async () => {
    if (!sel.chosen.size) { announce("请先勾选要恢复的文件", results); return; }
    await forEach(sel, results, "已恢复", restore);
    linkRestored();
    await reload();
  };
  const purgeSelected = async () => {
    if (!sel.chosen.size) { announce("请先勾选要永久删除的文件", results); return; }
    if (!await ask("永久删除", `确定要永久删除所选的 ${sel.chosen.size} 份文件吗？原件、文字和检索索引将立即删除，无法恢复。`, "永久删除")) {
      announce("已取消永久删除", results);
      return;
    }
    await forEach(sel, results, "已永久删除", purge);
    await reload();
  };
  const one = (e, call, doneLabel) => async () => {
    const single = selection();
    single.toggle(e.id, e.title, true);
    if (call === purge && !await ask("永久删除", `确定要永久删除“${e.title}”吗？原件、文字和检索索引将立即删除，无法恢复。`, "永久删除")) {
      announce("已取消永久删除", results);
      return;
    }
    await forEach(single, results, doneLabel, call);
    if (call === restore) linkRestored();
    await reload();
  };
  return h("div", {},
    h("div", { className: "row bulk-bar" }, count,
      h("button", { type: "button", id: "restore-selected", className: "primary", onclick: restoreSelected }, "恢复所选"),
      mayPurge ? h("button", { type: "button", id: "purge-selected", className: "danger", onclick: purgeSelected }, "永久删除所选") : null),
    h("table", { id: "bin-table" },
      h("thead", {}, h("tr", {}, h("th", {}, h("span", { className: "sr-only" }, "选择")), h("th", {}, "文件"), h("th", {}, "报送单位"),
        h("th", {}, "删除人"), h("th", {}, "删除时间"), h("th", {}, "到期永久删除"), h("th", {}, "操作"))),
      h("tbody", {}, entries.map(e => h("tr", { dataset: { doc: e.id } },
        h("td", {}, checkbox(sel, e.id, e.title)),
        h("td", {}, e.title, h("div", { className: "meta" }, e.file)),
        h("td", {}, e.department ?? "未填报送单位"),
        h("td", {}, e.deletedBy ?? ""),
        h("td", { className: "meta" }, beijingTime(e.deletedAt)),
        h("td", { className: "meta" }, beijingTime(e.purgeAt)),
        h("td", {},
          e.mayRestore ? h("button", { type: "button", dataset: { restore: e.id }, "aria-label": `恢复“${e.title}”`, onclick: one(e, restore, "已恢复") }, "恢复") : null, " ",
          e.mayPurge ? h("button", { type: "button", className: "danger", dataset: { purge: e.id }, "aria-label": `永久删除“${e.title}”`, onclick: one(e, purge, "已永久删除") }, "永久删除") : null))))));
}
