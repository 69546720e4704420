import { api, enc } from "../api.js";
import { h } from "../dom.js";
import { ctx } from "../context.js";
import { href } from "../router.js";
import { uploadFiles } from "./upload.js";
import { selection, checkbox, resultList, forEach, ask, deleteDocument } from "./bulk.js";
import { beijingTime } from "../format.js";

// 本单位待办: per indicator the unit leads or shares, each material item and whether evidence for it is there yet.
export async function render(container, route, fresh) {
  const unit = ctx.session.unit;
  container.append(h("h2", {}, `本单位待办（${unit ?? "未设置单位"}）`));
  if (!unit) { container.append(h("p", { className: "notice" }, "只有设置了所属单位的用户才有本单位待办。")); return; }
  const [coverage, files] = await Promise.all([
    api(`/api/frameworks/${enc(ctx.framework)}/coverage?unit=${enc(unit)}`),
    api(`/api/documents?department=${enc(unit)}`),
  ]);
  if (!fresh()) return;
  const owed = coverage.indicators.map(i => ({ i, open: i.materials.filter(m => !m.satisfied) })).filter(x => !x.i.covered || x.open.length);
  container.append(h("p", { className: "notice", role: "status" }, `${coverage.name}：本单位负责 ${coverage.indicators.length} 个指标，其中 ${owed.length} 个还缺材料。`));
  for (const { i, open } of owed) {
    const status = h("p", { className: "meta", role: "status", "aria-live": "polite" });
    const items = open.length ? open : [{ item: "该指标的佐证材料", leadUnit: null }];
    container.append(h("section", { className: "card", dataset: { n: i.number } },
      h("h3", {}, h("a", { href: href("coverage", null, { framework: ctx.framework, n: i.number }) }, `指标${i.number}`), " ", h("span", { className: "state" }, i.covered ? "材料不全" : "尚无佐证")),
      h("p", { className: "meta" }, i.text),
      h("ul", {}, items.map((m, k) => {
        const input = h("input", { type: "file", id: `todo-${i.number}-${k}`, multiple: true, className: "sr-only",
          onchange: () => uploadFiles(input.files, unit, status, null, () => status.append("。上传的文件按内容自动匹配指标，刷新后可见是否已满足。")) });
        return h("li", {}, "✘ ", m.item, m.leadUnit ? h("span", { className: "meta" }, `（${m.leadUnit}）`) : null, " ",
          h("label", { for: input.id, className: "chip", tabindex: "0", role: "button",
            onkeydown: e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); } } }, "上传材料"), input);
      })),
      status));
  }
  // After a bulk delete the list is read again; the per-file results stay on screen.
  const refresh = async list => {
    const next = ownFiles(unit, await api(`/api/documents?department=${enc(unit)}`), refresh);
    next.querySelector("#delete-results").replaceWith(list);
    container.querySelector("#own-files").replaceWith(next);
  };
  container.append(ownFiles(unit, files, refresh));
}

// The unit's own files, to pick several and delete them at once (after a confirming dialog).
function ownFiles(unit, files, refresh) {
  const list = resultList("delete-results");
  const count = h("span", { className: "meta", id: "own-count" }, "未选择文件");
  const sel = selection(n => { count.textContent = n ? `已选 ${n} 份` : "未选择文件"; });
  const remove = async () => {
    if (!sel.chosen.size) { list.replaceChildren(h("li", {}, "请先勾选要删除的文件")); return; }
    if (!await ask("删除文件", `确定要删除所选的 ${sel.chosen.size} 份文件吗？原件、文字、指标对应和检索索引都会一并删除，无法恢复。`, "删除")) {
      list.replaceChildren(h("li", {}, "已取消删除"));
      return;
    }
    await forEach(sel, list, "已删除", deleteDocument);
    await refresh(list);
  };
  return h("section", { className: "panel", id: "own-files", "aria-labelledby": "h-own" },
    h("h3", { id: "h-own" }, `本单位已上传的文件（${files.length} 份）`),
    files.length
      ? [h("div", { className: "row" }, count, h("button", { type: "button", id: "delete-selected", className: "danger", onclick: remove }, "删除所选")),
         list,
         h("table", {}, h("tbody", {}, files.map(f => h("tr", { dataset: { doc: f.id } },
           h("td", {}, checkbox(sel, f.id, f.title)),
           h("td", {}, h("a", { href: href("doc", f.id, { framework: ctx.framework }) }, f.title)),
           h("td", {}, ctx.label("documentStatuses", f.status)),
           h("td", { className: "meta" }, beijingTime(f.updatedAt))))))]
      : [list, h("p", { className: "notice" }, "本单位还没有上传文件。")]);
}
