import { api, getKey, setKey } from "./api.js";
import { h, replace, errorBox } from "./dom.js";
import { ctx, load, chooseFramework, frameworkReport } from "./context.js";
import * as router from "./router.js";
import * as home from "./views/home.js";
import * as search from "./views/search.js";
import * as coverage from "./views/coverage.js";
import * as documentView from "./views/document.js";
import * as upload from "./views/upload.js";
import * as web from "./views/web.js";
import * as todo from "./views/todo.js";
import * as bin from "./views/bin.js";

const views = { home, search, coverage, doc: documentView, upload, web, todo, bin };
const titles = { home: "首页", search: "检索", coverage: "指标覆盖", doc: "文件", upload: "上传材料", web: "网络检索", todo: "本单位待办", bin: "回收站" };
const main = document.getElementById("view");
const select = document.getElementById("framework");
const tabs = [...document.querySelectorAll("#tabs [role=tab]")];
let loaded = false;
let rendering = 0;

async function start() {
  const key = document.getElementById("key");
  key.value = getKey();
  key.addEventListener("change", async () => { setKey(key.value.trim()); loaded = false; await render(); });
  select.addEventListener("change", () => {
    const route = router.current();
    chooseFramework(select.value);
    // The framework is part of the address: the view reloads for it, and Back returns to the previous one.
    router.go(route.view, route.arg, { ...route.params, framework: select.value });
  });
  for (const tab of tabs) {
    tab.addEventListener("click", () => router.go(tab.dataset.view, null, { framework: ctx.framework }));
    tab.addEventListener("keydown", moveBetweenTabs);
  }
  router.onChange(render);
  await render();
}

// Arrow keys move between tabs, Home/End to the ends; Enter or Space opens one (they are buttons).
function moveBetweenTabs(event) {
  const visible = tabs.filter(t => !t.hidden);
  const at = visible.indexOf(event.currentTarget);
  const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: visible.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  const target = visible[(next + visible.length) % visible.length];
  target.focus();
}

async function ensureLoaded() {
  if (loaded) return;
  await load();
  loaded = true;
  replace(select, ctx.frameworks.map(f => h("option", { value: f.id }, `${f.name}（${f.indicatorCount}项${f.clean ? "" : "，解析不完整"}）`)));
  const s = ctx.session;
  replace(document.getElementById("who"), `${s.name}（${s.roleLabel}${s.unit ? "·" + s.unit : ""}）`);
  // A department's own list of what it owes; other roles have no unit of their own.
  tabs.find(t => t.dataset.view === "todo").hidden = !s.unit;
  tabs.find(t => t.dataset.view === "upload").hidden = !s.mayUpload;
  // Whoever may delete files may restore them.
  tabs.find(t => t.dataset.view === "bin").hidden = !s.mayUpload;
}

async function render() {
  const ticket = ++rendering;
  const route = router.current();
  main.setAttribute("aria-busy", "true");
  try {
    await ensureLoaded();
  } catch (error) {
    selectTab(route.view);
    replace(main, h("h2", {}, "无法读取数据"), errorBox(error),
      error.status === 401 ? h("p", {}, "配置了用户时，请在右上角“访问密钥”中填写您的密钥，然后按回车。") : null);
    main.setAttribute("aria-busy", "false");
    return;
  }
  chooseFramework(route.params.framework);
  select.value = ctx.framework ?? "";
  selectTab(route.view);
  await warnIfUnclean();
  const view = views[route.view] ?? home;
  document.title = `${titles[route.view] ?? "首页"} · 法治政府建设示范创建 · 佐证材料检索`;
  const container = h("div", { className: "view-" + route.view });
  replace(main, container);
  try {
    await view.render(container, route, () => ticket === rendering);
  } catch (error) {
    if (ticket === rendering) container.append(errorBox(error));
  } finally {
    if (ticket === rendering) main.setAttribute("aria-busy", "false");
  }
}

function selectTab(view) {
  const active = view === "doc" ? null : view;
  for (const tab of tabs) {
    const selected = tab.dataset.view === active;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected || (!active && tab.dataset.view === "home") ? 0 : -1;
  }
}

let warned = null;
async function warnIfUnclean() {
  const box = document.getElementById("framework-warning");
  const info = ctx.frameworkInfo;
  if (!info || info.clean) { box.hidden = true; warned = null; return; }
  if (warned === info.id) return;
  warned = info.id;
  try {
    const report = await frameworkReport(info.id);
    const parts = [];
    if (report.missingNumbers.length) parts.push(`缺少指标序号 ${report.missingNumbers.join("、")}（共 ${report.missingNumbers.length} 个）`);
    if (report.duplicateNumbers.length) parts.push(`序号重复：${report.duplicateNumbers.join("、")}`);
    if (report.outOfOrder.length) parts.push(`序号顺序异常：${report.outOfOrder.join("、")}`);
    if (report.unassignedCells.length) parts.push(`${report.unassignedCells.length} 处表格内容未能归入指标`);
    replace(box, `注意：“${info.name}”是从通知原文解析的，解析不完整，只读出了 ${info.indicatorCount} 项指标。${parts.join("；")}。覆盖情况只涉及已读出的指标。`);
    box.hidden = false;
  } catch (error) {
    replace(box, `注意：“${info.name}”解析不完整。${error.message}`);
    box.hidden = false;
  }
}

start();
