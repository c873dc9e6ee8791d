// Keyboard shortcuts and signals without a reload. Keys: j/k next/previous paper, o or Enter open it, u upvote,
// s save, x not interested, e open or close its abstract, / search. Signal buttons (`data-action`) are plain
// forms; here they are posted with fetch instead, so the page keeps its place, its order and the selected paper.
// Pages work without this file; it only moves focus, presses controls already on the page and posts their forms.
(() => {
  const papers = () => Array.from(document.querySelectorAll("[data-paper]"));

  function current() {
    const active = document.activeElement;
    const inside = active instanceof Element ? active.closest("[data-paper]") : null;
    return inside || document.querySelector("[data-paper].is-current");
  }

  function mark(paper) {
    for (const other of document.querySelectorAll("[data-paper].is-current"))
      if (other !== paper) other.classList.remove("is-current");
    paper.classList.add("is-current");
  }

  function select(paper) {
    mark(paper);
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

  /** Presses the current paper's signal button (`data-action`, or library's one-key save, `data-save`). */
  function press(selector) {
    const paper = current();
    const button = paper?.querySelector(selector);
    if (!button) return false;
    mark(paper);
    button.click();
    return true;
  }

  function expand() {
    const details = current()?.querySelector("details");
    if (!details) return false;
    details.open = !details.open;
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

  // Said aloud by screen readers after a signal changed without a reload.
  let live = null;
  function announce(text) {
    if (!live) {
      live = document.createElement("p");
      live.className = "visually-hidden";
      live.setAttribute("aria-live", "polite");
      document.body.append(live);
    }
    live.textContent = text;
  }

  const plural = (n, one) => `${n.toLocaleString("en-US")} ${one}${n === 1 ? "" : "s"}`;

  /** What a signal's answer says, as the button's pressed state, label and a sentence to announce. */
  const STATES = {
    upvoted: (s, button) => {
      const total = s.upvotes + Number(button.dataset.external || 0);
      return {
        pressed: s.upvoted,
        label: `▲ ${plural(total, "upvote")}`,
        said: s.upvoted ? "Upvoted" : "Upvote taken back",
      };
    },
    notInterested: (s) => ({
      pressed: s.notInterested,
      label: s.notInterested ? "Hidden: show again" : "Not interested",
      said: s.notInterested ? "Hidden from your lists" : "Shown again",
    }),
    following: (s) => ({
      pressed: s.following,
      label: s.following ? "Following" : "Follow",
      said: s.following ? "Following" : "No longer following",
    }),
  };

  function apply(form, button, state) {
    const key = Object.keys(STATES).find((name) => typeof state[name] === "boolean");
    if (!key) return;
    const { pressed, label, said } = STATES[key](state, button);
    const on = form.querySelector('input[name="on"]');
    if (on) on.value = pressed ? "0" : "1";
    button.setAttribute("aria-pressed", pressed ? "true" : "false");
    const count = button.querySelector(".upvote-count");
    if (count) count.textContent = label.replace(/^▲ /, "");
    else button.textContent = label;
    if (key === "notInterested") button.closest("[data-paper]")?.classList.toggle("is-dismissed", pressed);
    announce(said);
  }

  const pending = new WeakSet();

  async function post(form, button) {
    if (pending.has(form)) return;
    pending.add(form);
    button.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        headers: { accept: "application/json" },
        credentials: "same-origin",
      });
      // Anything but a new state (signed out, a limit reached) is shown the way the plain form shows it.
      if (!response.ok || !response.headers.get("content-type")?.includes("json")) return form.submit();
      apply(form, button, await response.json());
    } catch {
      form.submit();
    } finally {
      pending.delete(form);
      button.removeAttribute("aria-busy");
    }
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const button = event.submitter || form.querySelector("button[type=submit]");
    const signal = button?.hasAttribute("data-action") || form.getAttribute("action") === "/upvote";
    if (!signal || !window.fetch) return;
    event.preventDefault();
    const paper = form.closest("[data-paper]");
    if (paper) mark(paper);
    post(form, button);
  });

  const actions = {
    j: () => move(1),
    k: () => move(-1),
    o: open,
    u: () => press('button[data-action="upvote"], form[action="/upvote"] button'),
    s: () => press("button[data-save]"),
    x: () => press('button[data-action="not-interested"]'),
    e: expand,
    "/": search,
  };

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target instanceof Element && target.closest("input, textarea, select, [contenteditable]")) return;
    const action = Object.hasOwn(actions, event.key) ? actions[event.key] : null;
    if (action?.()) event.preventDefault();
  });
})();
