// Saving without a reload: the Save button, "Save to…" and note forms post as they would without this file,
// asking for JSON, and the page is updated in place. Pages work without it; on any failure the form is sent
// the ordinary way, so the reader sees the server's page (an error, a sign-in request) as without scripts.
(() => {
  async function post(form) {
    const response = await fetch(form.action, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin",
    });
    if (!response.ok) throw new Error(`status ${response.status}`);
    return response.json();
  }

  function showSaved(form, state) {
    const button = form.querySelector("button");
    form.querySelector('input[name="on"]').value = state.saved ? "0" : "1";
    button.setAttribute("aria-pressed", String(state.saved));
    button.textContent = state.saved ? "Saved" : "Save";
  }

  function showHeld(form, state) {
    const button = form.querySelector("button");
    const name = button.dataset.name || button.textContent.replace(/^[✓+]\s*/, "");
    button.dataset.name = name;
    const base = form.action.replace(/\/remove$/, "");
    form.action = state.inCollection ? `${base}/remove` : base;
    button.setAttribute("aria-pressed", String(state.inCollection));
    button.textContent = `${state.inCollection ? "✓" : "+"} ${name}`;
  }

  function showNote(form) {
    let status = form.querySelector(".form-status");
    if (!status) {
      status = document.createElement("span");
      status.className = "form-status";
      status.setAttribute("role", "status");
      form.append(status);
    }
    status.textContent = "Note saved.";
  }

  const updaters = [
    ["form.save-form", showSaved],
    ["[data-save-to] form", showHeld],
    ["form.note-form", showNote],
  ];

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.dataset.plain === "yes") return;
    const match = updaters.find(([selector]) => form.matches(selector));
    if (!match) return;
    event.preventDefault();
    post(form)
      .then((state) => match[1](form, state))
      .catch(() => {
        form.dataset.plain = "yes";
        form.requestSubmit();
      });
  });

  // "Save to…" opens the reader's collections under the paper instead of going to a page.
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a.save-to") : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const holder = link.closest("[data-paper]");
    const open = holder?.querySelector(".save-to-menu");
    event.preventDefault();
    if (open) return open.remove();
    fetch(link.href, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error("not found"))))
      .then((html) => {
        const list = new DOMParser().parseFromString(html, "text/html").querySelector("[data-save-to]");
        if (!list || !holder) throw new Error("no list");
        const menu = document.createElement("div");
        menu.className = "save-to-menu";
        menu.append(document.adoptNode(list));
        link.after(menu);
      })
      .catch(() => window.location.assign(link.href));
  });
})();
