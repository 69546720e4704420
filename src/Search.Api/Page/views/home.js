import { api, enc } from "../api.js";
import { h } from "../dom.js";
import { ctx } from "../context.js";
import { href } from "../router.js";
import { beijingTime } from "../format.js";

// The landing page: how much evidence there is, how far each framework is covered, what awaits review, what is due next.
export async function render(container, route, fresh) {
  container.append(h("h2", {}, "概况"), h("p", { className: "notice" }, "正在读取概况…"));
  const framework = ctx.framework;
  const [overview, deadlines] = await Promise.all([
    api(`/api/overview?framework=${enc(framework)}`),
    api(`/api/frameworks/${enc(framework)}/deadlines`),
  ]);
  if (!fresh()) return;
  container.replaceChildren(h("h2", {}, "概况"));

  container.append(h("div", { className: "cards" },
    stat("文件", overview.documents, `${overview.searchable} 份可检索${overview.failed ? `，${overview.failed} 份处理失败` : ""}${overview.quarantined ? `，${overview.quarantined} 份含密级标识已隔离` : ""}`),
    stat("经 OCR 识别", overview.ocrDocumentPages, `页，来自 ${overview.ocrDocuments} 份扫描件或图片`),
    stat("待审核的自动匹配", overview.awaitingReviewCount, `处（${ctx.frameworkInfo?.name ?? ""}）`),
  ));

  container.append(h("section", { "aria-labelledby": "h-progress" },
    h("h3", { id: "h-progress" }, "各指标体系的覆盖情况"),
    h("table", {},
      h("thead", {}, h("tr", {}, h("th", {}, "指标体系"), h("th", {}, "已有佐证的指标"), h("th", {}, "其中经人工确认"), h("th", {}, "解析情况"))),
      h("tbody", {}, overview.frameworks.map(f => h("tr", {},
        h("td", {}, h("a", { href: href("coverage", null, { framework: f.id }) }, f.name)),
        h("td", {}, `${f.covered}/${f.indicatorCount}`),
        h("td", {}, `${f.confirmed}`),
        h("td", { className: f.clean ? "yes" : "no" }, f.clean ? "完整" : `不完整：缺少 ${f.missingNumbers.length} 个序号`))))),
  ));

  container.append(h("div", { className: "grid2" },
    h("section", { "aria-labelledby": "h-deadlines", className: "panel" },
      h("h3", { id: "h-deadlines" }, "接下来的时间节点"),
      deadlines.length
        ? h("ul", {}, deadlines.map(d => h("li", {},
            h("strong", {}, `${d.month}月${d.day}日前`), `（${d.next}，还有 ${d.daysLeft} 天）：${d.text}`,
            h("div", { className: "meta" }, "指标 ", d.indicators.map(n => h("a", { className: "chip ind", href: href("coverage", null, { framework, n }) }, `指标${n}`)),
              d.publication ? "· 须按期向社会公开，可用网络检索核对" : ""))))
        : h("p", { className: "notice" }, "该指标体系没有写明每年的时间节点。")),
    h("section", { "aria-labelledby": "h-review", className: "panel" },
      h("h3", { id: "h-review" }, "待审核"),
      overview.toReview.length
        ? h("ul", {}, overview.toReview.map(r => h("li", {},
            h("a", { href: href("doc", r.documentId, { framework }) }, r.title),
            h("span", { className: "meta" }, ` ${r.department ?? ""} · 自动匹配到 ${r.numbers.map(n => "指标" + n).join("、")}，尚未确认`))))
        : h("p", { className: "notice" }, "没有待审核的自动匹配。")),
  ));

  container.append(h("section", { "aria-labelledby": "h-recent", className: "panel" },
    h("h3", { id: "h-recent" }, ctx.session.unit && ctx.session.role === "department" ? "本单位最近上传" : "最近上传"),
    overview.recent.length
      ? h("table", {}, h("tbody", {}, overview.recent.map(d => h("tr", {},
          h("td", {}, h("a", { href: href("doc", d.id, { framework }) }, d.title)),
          h("td", {}, d.department ?? ""),
          h("td", {}, ctx.label("fileTypes", d.kind)),
          h("td", {}, ctx.label("documentStatuses", d.status)),
          h("td", { className: "meta" }, beijingTime(d.updatedAt))))))
      : h("p", { className: "notice" }, "还没有上传任何文件。", ctx.session.mayUpload ? h("a", { href: href("upload", null, { framework }) }, "上传材料") : null)));
}

function stat(title, value, note) {
  return h("div", { className: "card" }, h("div", { className: "meta" }, title), h("div", { className: "stat" }, String(value)), h("div", { className: "meta" }, note));
}
