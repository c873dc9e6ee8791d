import { parameterOf, withParameter } from "./address.js";

/** How a curated list shows its papers: full cards, or one compact row each (`?view=compact`). */
export type ListView = "full" | "compact";

/** The view a page's address asks for; anything but `view=compact` is the full view. */
export function viewOfPath(path: string): ListView {
  return parameterOf(path, "view") === "compact" ? "compact" : "full";
}

/** An address of a list in `view`, every other parameter kept (the full view needs no parameter). */
export function withView(address: string, view: ListView): string {
  return withParameter(address, "view", view === "compact" ? "compact" : null);
}
