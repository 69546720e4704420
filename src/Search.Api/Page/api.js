// Every request carries the access key the user entered; errors come back as Chinese messages.
const KEY = "search-key";

export const getKey = () => localStorage.getItem(KEY) ?? "";
export const setKey = key => localStorage.setItem(KEY, key);

export class ApiError extends Error {
  constructor(message, status) { super(message); this.status = status; }
}

export async function send(path, options = {}) {
  const key = getKey();
  let response;
  try {
    response = await fetch(path, { ...options, headers: { ...(options.headers ?? {}), ...(key ? { "X-Api-Key": key } : {}) } });
  } catch {
    throw new ApiError("无法连接检索服务，请检查网络或服务是否在运行", 0);
  }
  if (response.status === 401) throw new ApiError("请在页面右上角填写有效的访问密钥", 401);
  if (response.status === 403) throw new ApiError("您的角色无权进行此操作", 403);
  if (!response.ok) {
    const body = response.headers.get("content-type")?.includes("json") ? await response.json().catch(() => null) : null;
    throw new ApiError(body?.detail || body?.title || `请求失败（HTTP ${response.status}）`, response.status);
  }
  return response;
}

export async function api(path, options = {}) {
  const response = await send(path, options);
  return response.status === 204 ? null : response.headers.get("content-type")?.includes("json") ? await response.json() : null;
}

export const json = (method, body) => ({ method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

// Files are fetched with the key and handed to the browser as object URLs: a plain link would carry no key.
export async function objectUrl(path) {
  const response = await send(path);
  return { url: URL.createObjectURL(await response.blob()), response };
}

export async function download(path, suggested) {
  const { url, response } = await objectUrl(path);
  const disposition = response.headers.get("content-disposition") ?? "";
  const named = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const save = Object.assign(document.createElement("a"), { href: url, download: suggested || (named ? decodeURIComponent(named) : "download") });
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const enc = encodeURIComponent;
