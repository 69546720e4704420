import { api, enc } from "../api.js";
import { h } from "../dom.js";
import { ctx } from "../context.js";
import { href } from "../router.js";
import { uploadFiles } from "./upload.js";

// 本单位待办: per indicator the unit leads or shares, each material item and whether evidence for it is there yet.
export async function render(container, route, fresh) {
  const unit = ctx.session.unit;
  container.append(h("h2", {}, `本单位待办（${unit ?? "未设置单位"}）`));
  if (!unit) { container.append(h("p", { className: "notice" }, "只有设置了所属单位的用户才有本单位待办。")); return; }
  const coverage = await api(`/api/frameworks/${enc(ctx.framework)}/coverage?unit=${enc(unit)}`);
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
}
