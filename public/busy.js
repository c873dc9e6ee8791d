// A form marked data-busy says it is working once sent: its submit button shows its data-busy-label and is
// disabled, so a slow answer (a paper fetched from arXiv) is not mistaken for nothing happening.
for (const form of document.querySelectorAll("form[data-busy]")) {
  form.addEventListener("submit", () => {
    const button = form.querySelector("button[data-busy-label]");
    if (!button) return;
    button.textContent = button.dataset.busyLabel ?? "Working…";
    button.disabled = true;
  });
}
