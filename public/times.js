// Times marked data-relative read as "3 hours ago" in the reader's own clock; the exact time stays in the
// element's title (shown on hover) and in its datetime.
const UNITS = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];
const words = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
for (const element of document.querySelectorAll("time[data-relative]")) {
  const seconds = (Date.parse(element.getAttribute("datetime") ?? "") - Date.now()) / 1000;
  if (Number.isNaN(seconds)) continue;
  const unit = UNITS.find(([, size]) => Math.abs(seconds) >= size);
  element.textContent = unit ? words.format(Math.round(seconds / unit[1]), unit[0]) : "just now";
}
