// Keyboard shortcuts for readers: j/k next/previous paper, o or Enter open it, u upvote it (when the page
// offers an upvote control), / search. Pages work without this file; it only moves focus and presses
// controls that are already on the page.
(() => {
  const papers = () => Array.from(document.querySelectorAll("[data-paper]"));

  function current() {
    const active = document.activeElement;
    const inside = active instanceof Element ? active.closest("[data-paper]") : null;
    return inside || document.querySelector("[data-paper].is-current");
  }

  function select(paper) {
    for (const other of document.querySelectorAll("[data-paper].is-current"))
      other.classList.remove("is-current");
    paper.classList.add("is-current");
    const link = paper.querySelector("[data-paper-link]") || paper;
    if (link === paper && !paper.hasAttribute("tabindex")) paper.setAttribute("tabindex", "-1");
    link.focus({ preventScroll: true });
    paper.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    const list = papers();
    if (list.length === 0) return false;
    const at = list.indexOf(current());
    const next =
      at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
    select(list[next]);
    return true;
  }

  function open() {
    const link = current()?.querySelector("[data-paper-link]");
    if (!link) return false;
    link.click();
    return true;
  }

  function upvote() {
    const control = current()?.querySelector('[data-upvote], form[action="/upvote"]');
    if (!control) return false;
    if (control instanceof HTMLFormElement) control.requestSubmit();
    else control.click();
    return true;
  }

  function search() {
    const box = document.querySelector('input[type="search"], input[name="q"]');
    if (box) {
      box.focus();
      box.select();
    } else {
      window.location.assign("/search");
    }
    return true;
  }

  const actions = { j: () => move(1), k: () => move(-1), o: open, u: upvote, "/": search };

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target instanceof Element && target.closest("input, textarea, select, [contenteditable]")) return;
    const action = Object.hasOwn(actions, event.key) ? actions[event.key] : null;
    if (action?.()) event.preventDefault();
  });
})();
