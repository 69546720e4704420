import { api, enc, json, download, objectUrl } from "../api.js";
import { h, announce, errorBox } from "../dom.js";
import { ctx } from "../context.js";
import { go, replace as replaceAddress } from "../router.js";
import { beijingTime } from "../format.js";

// 网络检索: start a check of the framework's published items, follow it, and read earlier runs; the open run is in the address.
export async function render(container, route, fresh) {
  const p = route.params;
  const indicator = h("input", { id: "web-indicator", type: "number", min: 1, style: "width:110px" });
  const urls = h("input", { id: "web-urls", type: "text", style: "flex:1;min-width:220px", placeholder: "多个用空格分隔，可空" });
  const expect = h("input", { id: "web-expect", type: "text", placeholder: "可空" });
  const status = h("p", { id: "web-status", className: "notice", role: "status", "aria-live": "polite" });
  const runs = h("div", { id: "web-runs" });
  const results = h("table", { id: "web-results" });
  const missing = h("div", { id: "web-missing" });
  const form = h("form", { id: "web-form", className: "row", onsubmit: async event => {
    event.preventDefault();
    const words = v => v.split(/[\s,，、]+/).filter(Boolean);
    const request = { framework: ctx.framework, indicator: indicator.value ? +indicator.value : null, urls: words(urls.value), expect: words(expect.value) };
    status.textContent = "正在提交…";
    try {
      let run = await api("/api/web-checks", json("POST", request));
      while (run.status === "queued" || run.status === "running") {
        status.textContent = `检查中：${run.done}/${run.total}`;
        await new Promise(r => setTimeout(r, 800));
        run = await api(`/api/web-checks/${run.id}`);
      }
      if (run.status === "failed") throw new Error(run.error);
      replaceAddress("web", null, { framework: ctx.framework, run: run.id });
      showRun(run, status, results, missing);
      status.prepend("完成。");
      announce("网络检索完成");
      await listRuns(runs, fresh);
    } catch (error) { status.replaceChildren(errorBox(error)); }
  } },
    h("label", { for: "web-indicator" }, "指标序号"), indicator,
    h("label", { for: "web-urls" }, "网址"), urls,
    h("label", { for: "web-expect" }, "应有的关键词"), expect,
    h("button", { className: "primary", type: "submit" }, "开始检查"));
  const plan = h("p", { id: "web-plan", className: "notice" }, "正在读取该指标体系的网络检索计划…");
  container.append(h("h2", {}, "网络检索"),
    h("p", { className: "hint" }, "指标序号可空：检查该指标体系中所有需网络检索的指标。网址和关键词可空：使用指标中写明的网址和关键词。"),
    plan, form, runs, status, results, missing);
  await Promise.all([listRuns(runs, fresh), showPlan(plan, fresh)]);
  if (p.run) showRun(await api(`/api/web-checks/${enc(p.run)}`), status, results, missing);
}

// Before anything is run, say what a check of this framework would cover, so the view is never empty.
async function showPlan(container, fresh) {
  try {
    const plan = await api(`/api/web-checks/plan?framework=${enc(ctx.framework)}`);
    if (!fresh()) return;
    const withAddress = new Set(plan.targets.map(t => t.indicator).filter(n => n != null)).size;
    container.textContent = `${ctx.frameworkInfo?.name ?? ""}：需网络检索的指标中，${withAddress} 个已有网址（共 ${plan.targets.length} 个网址可检查），${plan.unchecked.length} 个还缺少网址。`;
  } catch (error) { container.replaceChildren(errorBox(error)); }
}

async function listRuns(container, fresh) {
  const runs = await api(`/api/web-checks?framework=${enc(ctx.framework)}`);
  if (!fresh()) return;
  container.replaceChildren(runs.length
    ? h("div", { className: "row" }, "最近的检查：", runs.map(r => h("button", { type: "button", className: "chip", dataset: { run: r.id },
        onclick: () => go("web", null, { framework: ctx.framework, run: r.id }) },
        `${beijingTime(r.startedAt)} · ${r.status === "done"
          ? Object.entries(r.counts ?? {}).filter(([, n]) => n).map(([o, n]) => `${ctx.label("webOutcomes", o)} ${n}`).join("，") || "无网址"
          : ctx.label("runStatuses", r.status)}`)))
    : h("p", { className: "notice" }, "该指标体系还没有做过网络检索。填写上面的条件后点击“开始检查”。"));
}

function showRun(run, status, results, missing) {
  const report = run.report;
  if (!report) { status.textContent = `检查${ctx.label("runStatuses", run.status)}：${run.done}/${run.total}`; return; }
  status.replaceChildren(`检查于 ${beijingTime(run.startedAt)}：${report.checks.length} 个网址，${report.unchecked.length} 个指标缺少网址 `,
    h("button", { type: "button", className: "chip", onclick: () => download(`/api/web-checks/${run.id}/report.xlsx`) }, "下载报告 XLSX"));
  const snapshot = (c, file, label) => c.snapshotFiles.includes(file)
    ? h("a", { className: "chip", href: `/api/web-checks/results/${c.id}/${file}`, onclick: async event => { event.preventDefault(); await download(`/api/web-checks/results/${c.id}/${file}`, `${c.id}-${file}`); } }, label)
    : null;
  results.replaceChildren(
    h("thead", {}, h("tr", {}, ["指标", "网址", "结果", "标题 / 说明", "快照"].map(t => h("th", { scope: "col" }, t)))),
    h("tbody", {}, report.checks.map(c => h("tr", {},
      h("td", {}, c.indicator ?? ""),
      h("td", {}, h("a", { href: c.url, target: "_blank", rel: "noreferrer" }, c.url), c.finalUrl !== c.url ? h("div", { className: "meta" }, `→ ${c.finalUrl}`) : null),
      h("td", { className: c.outcome === "ok" ? "yes" : "no" }, (c.outcome === "ok" ? "✔ " : "✘ ") + ctx.label("webOutcomes", c.outcome), c.status ? h("span", { className: "meta" }, ` HTTP ${c.status}`) : null),
      h("td", {}, c.title ?? "", h("div", { className: "meta" }, c.notes.concat(c.changes).join("；"))),
      h("td", {}, snapshot(c, "page.png", "截图"), snapshot(c, "page.pdf", "PDF"), snapshot(c, "page.html", "网页"))))));
  missing.replaceChildren(report.unchecked.length ? h("section", {}, h("h3", {}, "缺少网址的指标"), h("table", {}, h("tbody", {}, report.unchecked.map(u =>
    h("tr", {}, h("td", {}, `指标${u.indicator}`), h("td", {}, u.text, h("div", { className: "meta" }, `应有关键词：${u.expect.join("、")}`))))))) : "");
}
