import { api } from "../api.js";
import { h, announce, errorBox } from "../dom.js";
import { ctx } from "../context.js";
import { href } from "../router.js";

// 上传材料: files go up with the unit they come from; each file's outcome is listed in Chinese, with its reason.
export async function render(container) {
  const unit = ctx.session.role === "department" ? ctx.session.unit : null;
  const files = h("input", { id: "files", type: "file", multiple: true });
  const department = h("input", { id: "department", type: "text", placeholder: "例如：区司法局", value: unit ?? "", readonly: !!unit });
  const status = h("p", { id: "upload-status", className: "notice", role: "status", "aria-live": "polite" });
  const results = h("table", { id: "upload-results" });
  const form = h("form", { id: "upload-form", className: "row", onsubmit: async event => {
    event.preventDefault();
    await uploadFiles(files.files, department.value, status, results);
  } },
    h("label", { for: "files" }, "选择文件"), files,
    h("label", { for: "department" }, "报送单位"), department,
    h("button", { className: "primary", type: "submit" }, "上传"));
  container.append(h("h2", {}, "上传材料"), form,
    h("p", { className: "hint" }, unit ? `以${unit}的名义上传。` : "可一次选择多个文件；压缩包会展开后逐个入库。"), status, results);
}

// Uploads and waits for the job, reporting progress; used here and by 本单位待办, whose buttons name the material item
// ({ framework, indicator, item }) the files are for: the server files what they store as that item.
export async function uploadFiles(list, department, status, results, onDone, forItem) {
  if (!list.length) { status.textContent = "请选择文件"; return null; }
  const form = new FormData();
  for (const f of list) form.append("file", f, f.webkitRelativePath || f.name);
  form.append("department", department ?? "");
  if (forItem) for (const [name, value] of Object.entries(forItem)) form.append(name, String(value));
  status.textContent = `正在上传 ${list.length} 个文件…`;
  try {
    let job = await api("/api/documents", { method: "POST", body: form });
    while (job.status === "queued" || job.status === "running") {
      status.textContent = `处理中：${job.processed}/${job.total}`;
      await new Promise(r => setTimeout(r, 600));
      job = await api(`/api/jobs/${job.id}`);
    }
    announce(`完成：${job.total - job.failed} 个成功，${job.failed} 个失败`, status);
    results?.replaceChildren(h("thead", {}, h("tr", {}, h("th", {}, "文件"), h("th", {}, "结果"), h("th", {}, "说明"))),
      h("tbody", {}, job.files.map(f => h("tr", {},
        h("td", {}, f.documentId && f.outcome !== "failed" ? h("a", { href: href("doc", f.documentId, { framework: ctx.framework }) }, f.file) : f.file),
        h("td", { className: f.outcome === "failed" ? "no" : "yes" }, (f.outcome === "failed" ? "✘ " : "✔ ") + ctx.label("ingestOutcomes", f.outcome)),
        h("td", { className: "meta" }, f.reason ?? "")))));
    await onDone?.(job);
    return job;
  } catch (error) {
    status.replaceChildren(errorBox(error));
    return null;
  }
}
