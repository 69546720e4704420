// Builds DOM nodes from data; text always goes in as text, never as HTML.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else if (name === "className") element.className = value;
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// A snippet from the server marks the matched words with <mark>; keep only text and those marks.
export function marked(html) {
  const source = new DOMParser().parseFromString(`<body>${html ?? ""}</body>`, "text/html").body;
  const out = document.createDocumentFragment();
  for (const node of source.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out.append(node.textContent);
    else if (node.nodeName === "MARK") out.append(h("mark", {}, node.textContent));
    else out.append(node.textContent ?? "");
  }
  return out;
}

// The words the server marked in a snippet, for highlighting them on the page image.
export function markedWords(html) {
  const source = new DOMParser().parseFromString(`<body>${html ?? ""}</body>`, "text/html").body;
  return [...new Set([...source.querySelectorAll("mark")].map(m => m.textContent.trim()).filter(Boolean))];
}

export function replace(container, ...children) {
  container.replaceChildren();
  append(container, children);
  return container;
}

// Announces a change to screen readers (and shows it to everyone in the element given, if any).
export function announce(message, visible) {
  const status = document.getElementById("status");
  status.textContent = "";
  setTimeout(() => { status.textContent = message; }, 30);
  if (visible) visible.textContent = message;
}

export function errorBox(error) {
  return h("div", { className: "error", role: "alert" }, error?.message ?? String(error));
}
