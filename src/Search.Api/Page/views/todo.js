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
  const coverageOf = () => api(`/api/frameworks/${enc(ctx.framework)}/coverage?unit=${enc(unit)}`);
  const [coverage, files] = await Promise.all([coverageOf(), api(`/api/documents?department=${enc(unit)}`)]);
  if (!fresh()) return;
  const owed = coverage.indicators.filter(i => !i.covered || i.materials.some(m => !m.satisfied));
  container.append(h("p", { className: "notice", role: "status" }, `${coverage.name}：本单位负责 ${coverage.indicators.length} 个指标，其中 ${owed.length} 个还缺材料。`));

  // After an upload for an item the card is drawn again from the server's coverage, so it says whether the item is now provided.
  const refreshCard = async (number, message) => {
    const next = (await coverageOf()).indicators.find(i => i.number === number);
    const old = container.querySelector(`section.card[data-n="${number}"]`);
    if (next && old) old.replaceWith(card(next, unit, refreshCard, message));
  };
  for (const i of owed) container.append(card(i, unit, refreshCard));

  // After a bulk delete the list is read again; the per-file results stay on screen.
  const refresh = async list => {
    const next = ownFiles(unit, await api(`/api/documents?department=${enc(unit)}`), refresh);
    next.querySelector("#delete-results").replaceWith(list);
    container.querySelector("#own-files").replaceWith(next);
  };
  container.append(ownFiles(unit, files, refresh));
}

// One indicator: every material item with its state in words, the files that count for it, and an upload button
// beside each item still missing that files the upload as that very item.
function card(i, unit, refreshCard, message) {
  const status = h("p", { className: "meta", role: "status", "aria-live": "polite" }, message ?? "");
  const upload = (id, forItem, label) => {
    const input = h("input", { type: "file", id, multiple: true, className: "sr-only",
      onchange: () => uploadFiles(input.files, unit, status, null, async job => {
        const done = status.textContent;
        if (forItem && job.files.some(f => f.documentId && f.outcome !== "failed")) {
          await refreshCard(i.number, `${done}。已作为“${(job.forItem?.text ?? label).replace(/[。；;，,]+$/, "")}”的材料提交，待审核确认。`);
        } else if (!forItem) {
          status.append("。上传的文件按内容自动匹配指标，刷新后可见是否已满足。");
        }
      }, forItem) });
    return [h("label", { for: input.id, className: "chip upload", tabindex: "0", role: "button", "aria-label": `为“${label}”上传材料`,
      onkeydown: e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); } } }, "上传材料"), input];
  };
  const items = i.materials.length
    ? i.materials.map(m => h("li", { dataset: { item: m.index, status: m.status } },
        h("span", { className: `item-state ${m.status}` }, `${m.satisfied ? "✔" : "✘"} ${ctx.label("itemStatuses", m.status)}`), " ",
        m.item, m.leadUnit ? h("span", { className: "meta" }, `（${m.leadUnit}）`) : null,
        m.required > 1 ? h("span", { className: "meta" }, `（需 ${m.required} 份，已有 ${m.documentIds.length} 份）`) : null, " ",
        m.satisfied ? null : upload(`todo-${i.number}-${m.index}`, { framework: ctx.framework, indicator: i.number, item: m.index }, m.item),
        m.evidence.length ? h("ul", { className: "meta" }, m.evidence.map(e => h("li", { dataset: { doc: e.documentId } },
          h("a", { href: href("doc", e.documentId, { framework: ctx.framework }) }, e.title), `：${ctx.label("itemStatuses", e.source)}`))) : null))
    : [h("li", {}, "✘ 该指标的佐证材料 ", upload(`todo-${i.number}-0`, null, "该指标的佐证材料"))];
  return h("section", { className: "card", dataset: { n: i.number } },
    h("h3", {}, h("a", { href: href("coverage", null, { framework: ctx.framework, n: i.number }) }, `指标${i.number}`), " ",
      h("span", { className: "state" }, !i.covered ? "尚无佐证" : i.materials.some(m => !m.satisfied) ? "材料不全" : i.materials.every(m => m.status === "confirmed") ? "材料已齐" : "材料已齐，待审核确认")),
    h("p", { className: "meta" }, i.text),
    h("ul", { className: "items" }, items),
    status);
}

// The unit's own files, to pick several and delete them at once (after a confirming dialog); they go to the recycle bin.
function ownFiles(unit, files, refresh) {
  const list = resultList("delete-results");
  const count = h("span", { className: "meta", id: "own-count" }, "未选择文件");
  const sel = selection(n => { count.textContent = n ? `已选 ${n} 份` : "未选择文件"; });
  const remove = async () => {
    if (!sel.chosen.size) { list.replaceChildren(h("li", {}, "请先勾选要删除的文件")); return; }
    if (!await ask("删除文件", `确定要删除所选的 ${sel.chosen.size} 份文件吗？文件将移入回收站，不再出现在检索、覆盖和台账中；到期前可以在回收站中恢复。`, "删除")) {
      list.replaceChildren(h("li", {}, "已取消删除"));
      return;
    }
    await forEach(sel, list, "已删除", deleteDocument);
    list.append(h("li", { className: "meta" }, "删除的文件在", h("a", { href: href("bin", null, { framework: ctx.framework }) }, "回收站"), "中，可以恢复。"));
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
