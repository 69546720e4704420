// Times are shown in Beijing time, whatever the browser's own zone.
const dateTime = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
const dateOnly = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

export function beijingTime(value) {
  if (!value) return "";
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(value)).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour === "24" ? "00" : parts.hour}:${parts.minute}（北京时间）`;
}

export function beijingDate(value) {
  if (!value) return "";
  const parts = Object.fromEntries(dateOnly.formatToParts(new Date(value)).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

// A date without a time (成文日期 "2023-05-08") is shown as written.
export const plainDate = value => value ?? "";
