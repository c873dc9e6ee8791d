import { createContext, h, type VNode } from "preact";
import { useContext } from "preact/hooks";
import { renderToString } from "preact-render-to-string";
import { gatherMath, noteMath } from "../math/page-math.js";
import { useViewer, type Viewer, ViewerContext } from "../viewer.js";
import { paperSlotStandIn } from "./stand-in.js";

/** One reader's marks on one paper. */
export interface PaperMarks {
  readonly upvoted: boolean;
  readonly saved: boolean;
  readonly read: boolean;
  readonly notInterested: boolean;
}

export const NO_MARKS: PaperMarks = { upvoted: false, saved: false, read: false, notInterested: false };

/** What a paper's place in a list shows for given marks (nothing, for a paper the reader is not interested in). */
export type RenderPaper = (marks: PaperMarks) => VNode | null;

/** A paper's place in a page rendered for every signed-in reader, filled in per reader. */
export interface PaperSlotEntry {
  readonly paperId: string;
  readonly render: RenderPaper;
  /** The stand-in viewer the page was rendered for: the slot is rendered for it too. */
  readonly viewer: Viewer;
  /** The place rendered without marks, as most readers see most papers. */
  readonly unmarked: string;
}

/** Set while a page is rendered for every signed-in reader: the paper slots it holds, in order. */
export const PaperSlots = createContext<PaperSlotEntry[] | null>(null);

/** Renders one paper's place with the reader's marks; formulas count for the page it is rendered in. */
export function renderSlot(entry: Omit<PaperSlotEntry, "unmarked">, marks: PaperMarks): string {
  const shown = entry.render(marks);
  if (!shown) return "";
  const { result, classes, formulas } = gatherMath(() =>
    renderToString(h(ViewerContext.Provider, { value: entry.viewer }, shown)),
  );
  noteMath(classes, formulas);
  return result;
}

export interface PaperSlotProps {
  readonly paperId: string;
  /** This reader's marks on the paper, when the page is rendered for them alone. */
  readonly marks: PaperMarks;
  readonly render: RenderPaper;
}

/**
 * A paper's place in a list, showing the reader's marks. In a page rendered for every signed-in reader it
 * leaves a stand-in that each reader's answer fills (overlay.ts); it renders the unmarked paper once then, so the
 * page links the stylesheets of the formulas it shows.
 */
export function PaperSlot({ paperId, marks, render }: PaperSlotProps) {
  const slots = useContext(PaperSlots);
  const viewer = useViewer();
  if (!slots) return render(marks);
  slots.push({ paperId, render, viewer, unmarked: renderSlot({ paperId, render, viewer }, NO_MARKS) });
  return <>{paperSlotStandIn(slots.length - 1)}</>;
}
