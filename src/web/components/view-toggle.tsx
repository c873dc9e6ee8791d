import { type ListView, withView } from "../list-view.js";
import { useViewer } from "../viewer.js";

/** "Compact rows" or "Full abstracts": the link to this list in the other view. */
export function ViewToggle({ view }: { readonly view: ListView }) {
  const { path } = useViewer();
  const other: ListView = view === "full" ? "compact" : "full";
  return (
    <p class="view-toggle">
      {view === "full" ? "Full abstracts" : "Compact rows"} ·{" "}
      <a href={withView(path, other)}>{other === "compact" ? "Compact rows" : "Full abstracts"}</a>
    </p>
  );
}
