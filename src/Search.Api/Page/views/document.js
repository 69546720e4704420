import { api, enc, json, objectUrl, download } from "../api.js";
import { h, announce, errorBox } from "../dom.js";
import { ctx } from "../context.js";
import { href, replace as replaceAddress, go, reload as reloadView } from "../router.js";
import { beijingTime } from "../format.js";
import { ask, deleteDocument } from "./bulk.js";

// A document: the page itself with the hit highlighted, its text and metadata beside it, and the reviewer's decisions.
export async function render(container, route, fresh) {
  const id = route.arg;
  const p = route.params;
  const base = `/api/documents/${enc(id)}`;
  const coverageOf = () => api(`/api/frameworks/${enc(ctx.framework)}/coverage`).catch(() => null);
  const [d, mappings, coverage] = await Promise.all([api(base), api(`${base}/mappings`), coverageOf()]);
  if (!fresh()) return;
  const terms = (p.hl ?? "").split("|").filter(Boolean);
  const pages = Math.max(1, d.pageCount);
  let page = Math.min(pages, Math.max(1, +(p.page ?? 1)));

  const back = h("button", { type: "button", onclick: () => history.length > 1 ? history.back() : go("home") }, "← 返回");
  const feedback = h("p", { id: "feedback", className: "notice", role: "status", "aria-live": "polite" });
  container.append(h("div", { className: "row" }, back, h("h2", { id: "doc-title", style: "margin:6px 0" }, d.title)), feedback);

  if (d.quarantinedAt) {
    container.append(h("p", { className: "error", role: "alert" }, "含密级标识，已隔离：未编入索引，不提供下载和预览。"));
  } else if (d.reason) {
    container.append(h("p", { className: "notice" }, d.reason));
  }

  const viewer = h("section", { "aria-label": "页面", id: "page-pane" });
  const side = h("div", {});
  container.append(h("div", { className: "grid2" }, viewer, side));

  // Element.append would write a null out as the word "null".
  side.append(...[metadata(d), originals(d, base), d.mayDelete ? deleteButton(container, d, feedback) : null].filter(Boolean));
  const decisions = h("section", { "aria-labelledby": "h-indicators", id: "indicators" });
  side.append(decisions);
  const textPane = h("section", { "aria-labelledby": "h-text", id: "text-pane" });
  const showPage = async n => {
    page = Math.min(pages, Math.max(1, n));
    replaceAddress("doc", id, { ...p, page });
    await Promise.all([renderViewer(viewer, d, base, page, pages, terms, showPage), renderText(textPane, d, page, terms)]);
  };
  const items = h("section", { "aria-labelledby": "h-items", id: "items-pane" });
  side.append(items);
  // A decision on an indicator or an item changes both lists: they are drawn again from the server's answer.
  const reload = async () => {
    const [m, c] = await Promise.all([api(`${base}/mappings`), coverageOf()]);
    renderDecisions(decisions, d, m, c, feedback, reload);
    renderItems(items, d, m, c, reload);
  };
  renderDecisions(decisions, d, mappings, coverage, feedback, reload);
  renderItems(items, d, mappings, coverage, reload);
  side.append(textPane);
  await showPage(page);
}

function metadata(d) {
  const rows = [
    ["文号", d.docNumber],
    ["成文日期", d.date ? d.date + (d.dateFromDocNumber ? "（仅取自文号年份）" : "") : null],
    ["发文机关", d.issuingBody],
    ["报送单位", d.department],
    ["类型", ctx.label("fileTypes", d.kind)],
    ["文件名", d.file],
    ["页数", `${d.pageCount} 页${d.usedOcr ? "（含 OCR 识别的页面）" : ""}`],
    ["状态", ctx.label("documentStatuses", d.status)],
    ["来源网址", d.sourceUrl],
  ].filter(([, v]) => v);
  return h("section", { "aria-labelledby": "h-meta" },
    h("h3", { id: "h-meta" }, "文件信息"),
    h("dl", { className: "metadata" }, rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    d.warnings.length ? h("ul", { className: "meta" }, d.warnings.map(w => h("li", {}, w))) : null);
}

// Deleting asks first in a dialog and moves the file to the recycle bin; afterwards the view says so, offers to undo
// at once, and links to the bin.
function deleteButton(container, d, feedback) {
  const remove = async () => {
    if (!await ask("删除文件", `确定要删除“${d.title}”吗？文件将移入回收站，不再出现在检索、覆盖和台账中；到期前可以在回收站中恢复，恢复后审核决定仍然有效。`, "删除")) {
      announce("已取消删除", feedback);
      return;
    }
    feedback.textContent = "正在删除…";
    try {
      await deleteDocument(d.id);
      const undo = h("button", { type: "button", id: "undo-delete", onclick: async () => {
        try {
          await api(`/api/recycle-bin/${enc(d.id)}/restore`, { method: "POST" });
          announce(`已恢复“${d.title}”`);
          // The view of the document itself, drawn again from the server.
          reloadView();
        } catch (error) { container.querySelector("#feedback").replaceChildren(errorBox(error)); }
      } }, "撤销删除");
      container.replaceChildren(
        h("h2", {}, "文件已删除"),
        h("p", { id: "feedback", className: "notice", role: "status" }, `已删除“${d.title}”，文件已移入回收站。`),
        h("p", { className: "row" }, undo,
          h("a", { href: href("bin", null, { framework: ctx.framework }) }, "打开回收站"),
          h("a", { href: href("search", null, { framework: ctx.framework }) }, "返回检索"),
          h("a", { href: href("home", null, { framework: ctx.framework }) }, "返回首页")));
      announce(`已删除“${d.title}”，可在回收站中恢复`);
    } catch (error) { feedback.replaceChildren(errorBox(error)); }
  };
  return h("div", { className: "row", style: "margin:6px 0" }, h("button", { type: "button", id: "delete-document", className: "danger", onclick: remove }, "删除文件"));
}

function originals(d, base) {
  if (d.quarantinedAt) return null;
  const viewable = d.contentType === "application/pdf" || d.contentType.startsWith("image/");
  const status = h("span", { className: "meta", role: "status" });
  const frame = h("div", { id: "original-frame" });
  const open = async () => {
    status.textContent = "正在打开原件…";
    try {
      const { url } = await objectUrl(`${base}/original?inline=true`);
      frame.replaceChildren(d.contentType === "application/pdf"
        ? h("iframe", { src: url, title: `原件：${d.file}`, style: "width:100%;height:70vh;border:1px solid #ccc" })
        : h("img", { src: url, alt: `原件：${d.file}`, style: "max-width:100%" }),
        h("p", {}, h("a", { href: url, target: "_blank", rel: "noopener" }, "在新窗口中打开")));
      status.textContent = "原件已在下方打开";
    } catch (error) { status.textContent = "打开失败：" + error.message; }
  };
  const save = async () => {
    status.textContent = "正在下载…";
    try { await download(`${base}/original`); status.textContent = "已开始下载"; } catch (error) { status.textContent = "下载失败：" + error.message; }
  };
  return h("div", { className: "row", style: "margin:6px 0" },
    viewable ? h("button", { type: "button", id: "open-original", onclick: open }, "在浏览器中查看原件") : null,
    h("button", { type: "button", id: "download-original", onclick: save }, "下载原件"),
    status, frame);
}

async function renderViewer(viewer, d, base, page, pages, terms, showPage) {
  const nav = pager(page, pages, showPage, "page-nav");
  if (!d.pageImages) {
    viewer.replaceChildren(h("h3", {}, "页面"), nav,
      h("p", { className: "notice" }, `${ctx.label("fileTypes", d.kind)}没有版面图像，右侧是提取出的文字${pages > 1 ? "，按页（工作表、幻灯片）分开" : ""}。`));
    return;
  }
  const figure = h("div", { className: "pageview", id: "pageview" });
  const caption = h("p", { className: "meta", id: "highlight-note" });
  viewer.replaceChildren(h("h3", {}, "页面"), nav, figure, caption);
  const [{ url }, boxes] = await Promise.all([
    objectUrl(`${base}/pages/${page}/image`),
    terms.length ? api(`${base}/pages/${page}/highlights?${terms.map(t => "term=" + enc(t)).join("&")}`) : Promise.resolve([]),
  ]);
  const img = h("img", { src: url, alt: `${d.title} 第${page}页` });
  figure.append(img, ...boxes.map(b => h("span", { className: "box", style: `left:${b.x * 100}%;top:${b.y * 100}%;width:${b.width * 100}%;height:${b.height * 100}%`, title: b.term })));
  caption.textContent = !terms.length ? `第${page}页` : boxes.length
    ? `第${page}页：已在页面上标出“${terms.join("”“")}”（${boxes.length} 处）`
    : `第${page}页：页面上没有找到可标出的“${terms.join("”“")}”位置（该页的文字层或识别结果不含其位置），请看右侧文字中的标记`;
  await img.decode().catch(() => {});
  figure.querySelector(".box")?.scrollIntoView({ block: "center" });
}

function pager(page, pages, showPage, id) {
  const choose = h("select", { id: id + "-select", "aria-label": "跳到页" }, Array.from({ length: pages }, (_, i) => h("option", { value: i + 1, selected: i + 1 === page }, `第${i + 1}页`)));
  choose.addEventListener("change", () => showPage(+choose.value));
  return h("div", { className: "pager", id },
    h("button", { type: "button", disabled: page <= 1, onclick: () => showPage(page - 1) }, "上一页"),
    choose, h("span", {}, `共 ${pages} 页`),
    h("button", { type: "button", disabled: page >= pages, onclick: () => showPage(page + 1) }, "下一页"));
}

function renderText(pane, d, page, terms) {
  const passages = d.passages.filter(x => x.page === page);
  pane.replaceChildren(h("h3", { id: "h-text" }, `第${page}页的文字`),
    passages.length
      ? h("div", { className: "page-text", id: "page-text", tabindex: "0" }, passages.map(x => [x.location ? h("div", { className: "meta" }, x.location) : null, highlightText(x.text, terms), "\n"]))
      : h("p", { className: "notice" }, "这一页没有提取到文字。"));
  pane.querySelector("mark")?.scrollIntoView({ block: "nearest" });
}

function highlightText(text, terms) {
  if (!terms.length) return text;
  const pattern = new RegExp(terms.map(t => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  const out = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out.push(text.slice(last, m.index), h("mark", {}, m[0]));
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

function renderDecisions(section, d, mappings, coverage, feedback, reload) {
  const own = mappings.filter(m => m.framework === ctx.framework);
  const may = ctx.session.mayDecide && !d.quarantinedAt;
  const indicators = new Map((coverage?.indicators ?? []).map(i => [i.number, i]));
  section.replaceChildren(h("h3", { id: "h-indicators" }, `对应指标（${ctx.frameworkInfo?.name ?? ""}）`));
  if (!own.length) section.append(h("p", { className: "notice" }, "未匹配到该指标体系的指标。"));
  for (const m of own) {
    const indicator = indicators.get(m.number);
    const state = m.decision ?? "auto";
    const stateText = m.decision
      ? `${ctx.label("decisions", m.decision)}（${m.decidedBy} · ${beijingTime(m.decidedAt)}${m.note ? " · 备注：" + m.note : ""}）`
      : ctx.label("linkSources", "auto");
    const items = indicator?.materials.filter(x => x.documentIds.includes(d.id)) ?? [];
    const note = h("input", { type: "text", id: `note-${m.number}`, placeholder: "备注（可空）" });
    const act = async (label, call) => {
      feedback.textContent = "正在保存…";
      try {
        await call(note.value.trim() || null);
        await reload();
        announce(`${label}：指标${m.number}`, feedback);
      } catch (error) { feedback.replaceChildren(errorBox(error)); }
    };
    const decide = kind => act(`已${ctx.label("decisionActions", kind)}`, text => api(`/api/documents/${enc(d.id)}/mappings`, json("POST", { framework: ctx.framework, number: m.number, decision: kind, note: text })));
    const undo = () => act("已撤销决定", text => api(`/api/documents/${enc(d.id)}/mappings/${enc(ctx.framework)}/${m.number}${text ? "?note=" + enc(text) : ""}`, { method: "DELETE" }));
    section.append(h("div", { className: "card mapping", dataset: { n: m.number }, "aria-labelledby": `m-${m.number}` },
      h("div", { className: "row" },
        h("strong", { id: `m-${m.number}` }, h("a", { href: href("coverage", null, { framework: ctx.framework, n: m.number }) }, `指标${m.number}`)),
        m.score !== null ? h("span", { className: "meta" }, `匹配得分 ${m.score}`) : null,
        h("span", { className: `state ${state}` }, stateText)),
      indicator ? h("div", { className: "meta" }, indicator.text) : null,
      m.reasons.length ? h("div", {}, "理由：", m.reasons.join("；")) : null,
      items.length ? h("div", {}, "满足的材料：", h("ul", {}, items.map(x => h("li", {}, x.item, x.leadUnit ? h("span", { className: "meta" }, `（${x.leadUnit}）`) : null)))) : null,
      may ? h("div", { className: "decision" },
        h("label", { for: `note-${m.number}`, className: "sr-only" }, `指标${m.number}的备注`), note,
        m.decision
          ? h("button", { type: "button", "data-undo": m.number, onclick: undo }, `撤销${ctx.label("decisions", m.decision)}`)
          : [h("button", { type: "button", "data-d": "confirm", "data-n": m.number, onclick: () => decide("confirm") }, ctx.label("decisionActions", "confirm")),
             h("button", { type: "button", "data-d": "reject", "data-n": m.number, onclick: () => decide("reject") }, ctx.label("decisionActions", "reject"))]) : null));
  }
  if (may) section.append(addForm(d, feedback, reload));
}

function addForm(d, feedback, reload) {
  const number = h("input", { type: "number", min: 1, id: "add-number", style: "width:90px" });
  const note = h("input", { type: "text", id: "add-note", placeholder: "备注（可空）" });
  return h("form", { className: "decision", id: "add-form", onsubmit: async event => {
    event.preventDefault();
    if (!number.value) { feedback.textContent = "请填写指标序号"; return; }
    try {
      await api(`/api/documents/${enc(d.id)}/mappings`, json("POST", { framework: ctx.framework, number: +number.value, decision: "add", note: note.value.trim() || null }));
      await reload();
      announce(`已添加到指标${number.value}`, feedback);
    } catch (error) { feedback.replaceChildren(errorBox(error)); }
  } },
    h("label", { for: "add-number" }, "添加到指标"), number,
    h("label", { for: "add-note", className: "sr-only" }, "添加的备注"), note,
    h("button", { type: "submit" }, "添加"));
}

// The material items this document counts for (confirmed or suggested, and why), with undo of a decision on it, and
// for reviewers a form to assign it to an item picked from an indicator's material list, with a note and undo.
function renderItems(section, d, mappings, coverage, reload) {
  const may = ctx.session.mayDecide && !d.quarantinedAt;
  const status = h("p", { id: "items-feedback", className: "notice", role: "status", "aria-live": "polite" });
  section.replaceChildren(h("h3", { id: "h-items" }, `材料项（${ctx.frameworkInfo?.name ?? ""}）`));
  if (!coverage) { section.append(h("p", { className: "notice" }, "暂时无法读取覆盖情况。")); return; }
  const counted = coverage.indicators.flatMap(i => i.materials.flatMap(m => m.evidence
    .filter(e => e.documentId === d.id || e.duplicates.includes(d.id)).map(e => ({ i, m, e }))));
  const itemsUrl = (n, k) => `/api/frameworks/${enc(ctx.framework)}/indicators/${n}/items/${k}/decisions`;
  const undo = (n, k, label) => async () => {
    try {
      await api(`${itemsUrl(n, k)}/${enc(d.id)}?note=${enc("撤销")}`, { method: "DELETE" });
      await reload();
      announce(`已撤销${label}：指标${n}第${k}项`, section.querySelector("#items-feedback"));
    } catch (error) { section.querySelector("#items-feedback").replaceChildren(errorBox(error)); }
  };
  section.append(counted.length
    ? h("ul", { id: "item-list" }, counted.map(({ i, m, e }) => h("li", { dataset: { n: i.number, item: m.index, source: e.source } },
        h("a", { href: href("coverage", null, { framework: ctx.framework, n: i.number }) }, `指标${i.number} 第${m.index}项`), "：", m.item, " ",
        h("span", { className: `state ${e.source === "confirmed" ? "confirm" : "auto"}` }, ctx.label("itemStatuses", e.source)),
        h("div", { className: "meta" }, e.reason),
        may && e.decision && e.documentId === d.id
          ? h("button", { type: "button", dataset: { undoItem: `${i.number}-${m.index}` }, onclick: undo(i.number, m.index, ctx.label("decisionActions", e.decision)) },
              `撤销${ctx.label("decisionActions", e.decision)}`)
          : null)))
    : h("p", { className: "notice" }, "还没有对应到任何材料项。"));
  if (may) section.append(assignForm(d, mappings, coverage, status, itemsUrl, reload));
  section.append(status);
}

function assignForm(d, mappings, coverage, status, itemsUrl, reload) {
  const withItems = coverage.indicators.filter(i => i.materials.length);
  const mapped = mappings.filter(m => m.framework === ctx.framework).map(m => m.number).find(n => withItems.some(i => i.number === n));
  const short = text => text.length > 26 ? text.slice(0, 26) + "…" : text;
  const indicator = h("select", { id: "assign-indicator" },
    withItems.map(i => h("option", { value: i.number, selected: i.number === (mapped ?? withItems[0]?.number) }, `指标${i.number}：${short(i.text)}`)));
  const item = h("select", { id: "assign-item" });
  const fill = () => item.replaceChildren(...(withItems.find(i => i.number === +indicator.value)?.materials ?? [])
    .map(m => h("option", { value: m.index }, `第${m.index}项：${short(m.item)}`)));
  indicator.addEventListener("change", fill);
  fill();
  const note = h("input", { type: "text", id: "assign-note", placeholder: "备注（可空）" });
  return h("form", { className: "decision", id: "assign-form", onsubmit: async event => {
    event.preventDefault();
    const [n, k] = [+indicator.value, +item.value];
    if (!n || !k) { announce("请选择指标和材料项", status); return; }
    status.textContent = "正在保存…";
    try {
      await api(itemsUrl(n, k), json("POST", { documentId: d.id, decision: "confirm", note: note.value.trim() || null }));
      await reload();
      // The form was drawn again: its status line is the new one.
      const shown = document.getElementById("items-feedback");
      const back = h("button", { type: "button", id: "assign-undo", onclick: async () => {
        try {
          await api(`${itemsUrl(n, k)}/${enc(d.id)}?note=${enc("撤销指定")}`, { method: "DELETE" });
          await reload();
          announce(`已撤销指定：指标${n}第${k}项`, document.getElementById("items-feedback"));
        } catch (error) { document.getElementById("items-feedback").replaceChildren(errorBox(error)); }
      } }, "撤销");
      announce(`已将本文件指定为指标${n}第${k}项材料`);
      shown.replaceChildren(`已将本文件指定为指标${n}第${k}项材料（${ctx.label("itemStatuses", "confirmed")}）。`, " ", back);
    } catch (error) { status.replaceChildren(errorBox(error)); }
  } },
    h("label", { for: "assign-indicator" }, "指定为材料项"), indicator,
    h("label", { for: "assign-item", className: "sr-only" }, "材料项"), item,
    h("label", { for: "assign-note", className: "sr-only" }, "指定的备注"), note,
    h("button", { type: "submit", id: "assign-submit" }, "指定"));
}
