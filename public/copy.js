// Copy buttons: a button with data-copy="ID" copies the text of the element with that id. The buttons are
// hidden in the HTML and shown here, so a browser without JavaScript never shows a button that does nothing.
for (const button of document.querySelectorAll("button[data-copy]")) {
  button.hidden = false;
  const label = button.textContent;
  button.addEventListener("click", async () => {
    const source = document.getElementById(button.dataset.copy ?? "");
    if (!source) return;
    try {
      await navigator.clipboard.writeText(source.textContent ?? "");
      button.textContent = "Copied";
    } catch {
      // No clipboard (an insecure origin, a refused permission): select the text for a manual copy.
      getSelection()?.selectAllChildren(source);
      button.textContent = "Selected: press Ctrl+C";
    }
    setTimeout(() => {
      button.textContent = label;
    }, 2000);
  });
}
