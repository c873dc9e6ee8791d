import type { Account } from "../../core/account.js";
import { escapeHtml } from "../../core/text.js";
import { compressRun, type SharedPiece, WINDOW_BYTES } from "./gzip-pieces.js";
import { NO_MARKS, type PaperMarks, type PaperSlotEntry, renderSlot } from "./paper-slot.js";
import { type AnswerPart, PreparedAnswer } from "./prepared-answer.js";
import { STAND_IN } from "./stand-in.js";

/** A page cut at its stand-ins: text, a CSRF token, an account field, or a paper's place. */
type Atom =
  | { readonly kind: "text"; readonly raw: Buffer }
  | { readonly kind: "csrf" }
  | { readonly kind: "account"; readonly field: string }
  | { readonly kind: "slot"; readonly slot: number };
type FlatAtom = Exclude<Atom, { kind: "slot" }>;

/** A reader's page as atoms, each with the index of the same atom in the unmarked page (null: theirs alone). */
interface Flat {
  readonly atoms: readonly FlatAtom[];
  readonly shared: readonly (number | null)[];
}

/** The page for one reader's marks: its atoms, and each text's compressed piece for its place. */
export interface ReaderCopy {
  readonly atoms: readonly FlatAtom[];
  readonly pieces: readonly (SharedPiece | null)[];
  /** Bytes of compressed text this copy holds beyond the unmarked one. */
  readonly bytes: number;
}

function parse(html: string): Atom[] {
  const atoms: Atom[] = [];
  const text = (raw: string) => raw && atoms.push({ kind: "text", raw: Buffer.from(raw, "utf8") });
  let at = 0;
  for (const match of html.matchAll(STAND_IN)) {
    text(html.slice(at, match.index));
    const [whole, kind, value = ""] = match;
    if (kind === "c") atoms.push({ kind: "csrf" });
    else if (kind === "a") atoms.push({ kind: "account", field: value });
    else atoms.push({ kind: "slot", slot: Number(value) });
    at = match.index + whole.length;
  }
  text(html.slice(at));
  return atoms;
}

function flatParse(html: string): FlatAtom[] {
  return parse(html).filter((atom): atom is FlatAtom => atom.kind !== "slot");
}

function accountField(account: Account, field: string): string {
  const value: unknown = Object.hasOwn(account, field) ? account[field as keyof Account] : "";
  return escapeHtml(String(value ?? ""));
}

/** A marks combination as a small number: the key of a slot's rendered variants. */
function variantKey(marks: PaperMarks): number {
  return (
    (marks.upvoted ? 1 : 0) | (marks.saved ? 2 : 0) | (marks.read ? 4 : 0) | (marks.notInterested ? 8 : 0)
  );
}

/**
 * A page rendered once for every signed-in reader of one role. A reader's answer is the page with their papers'
 * variants (rendered once per combination of marks) and their account fields, compressed for its place once and
 * kept; per request only the CSRF token goes in (see prepared-answer.ts). CSRF tokens have one length, so
 * compressed text may follow them; account fields do not, so text after one never refers back across it.
 */
export class SharedPage {
  private readonly atoms: Atom[];
  private readonly variants: Map<number, FlatAtom[]>[];
  readonly paperIds: readonly string[];
  private unmarkedCopy: ReaderCopy | null = null;

  constructor(
    html: string,
    private readonly slots: readonly PaperSlotEntry[],
    private readonly tokenLength: number,
  ) {
    this.atoms = parse(html);
    this.variants = slots.map((slot) => new Map([[variantKey(NO_MARKS), flatParse(slot.unmarked)]]));
    this.paperIds = slots.map((slot) => slot.paperId);
  }

  /** What the page holds in memory, about: text twice (raw and compressed). */
  get bytes(): number {
    return (
      2 * (this.unmarkedCopy?.atoms ?? []).reduce((sum, a) => sum + (a.kind === "text" ? a.raw.length : 0), 0)
    );
  }

  /**
   * The page compressed for a reader with these marks: the unmarked page's pieces, except their papers and what
   * follows each within DEFLATE's window, compressed for them alone.
   */
  copyFor(marks: ReadonlyMap<string, PaperMarks>): ReaderCopy {
    const unmarked = this.unmarkedCopy ?? this.compress(this.flatten(new Map()), null);
    this.unmarkedCopy = unmarked;
    const flat = this.flatten(marks);
    return flat.shared.every((index) => index !== null) ? unmarked : this.compress(flat, unmarked);
  }

  /** The reader's gzip answer, whole but for the CSRF token each request puts in. */
  prepare(copy: ReaderCopy, account: Account): PreparedAnswer {
    const parts = copy.atoms.map((atom, index): AnswerPart => {
      if (atom.kind === "csrf") return "token";
      if (atom.kind === "account") return Buffer.from(accountField(account, atom.field));
      return copy.pieces[index] ?? atom.raw;
    });
    return new PreparedAnswer(parts, this.tokenLength);
  }

  /** The reader's answer uncompressed, with this token. */
  plain(copy: ReaderCopy, account: Account, token: Buffer): Buffer {
    return Buffer.concat(
      copy.atoms.map((atom) => {
        if (atom.kind === "csrf") return token;
        if (atom.kind === "account") return Buffer.from(accountField(account, atom.field));
        return atom.raw;
      }),
    );
  }

  /** The reader's atoms, and for each the index of the same atom in the unmarked page (null in a marked paper). */
  private flatten(marks: ReadonlyMap<string, PaperMarks>): Flat {
    const atoms: FlatAtom[] = [];
    const shared: (number | null)[] = [];
    let unmarkedIndex = 0;
    // After a paper left out, the next atom is the reader's too: what follows it has moved.
    let afterMarked = false;
    for (const atom of this.atoms) {
      if (atom.kind !== "slot") {
        atoms.push(atom);
        shared.push(afterMarked ? null : unmarkedIndex);
        unmarkedIndex += 1;
        afterMarked = false;
        continue;
      }
      const paperMarks = marks.get(this.paperIds[atom.slot] ?? "") ?? NO_MARKS;
      const variant = this.variant(atom.slot, paperMarks);
      const marked: boolean = afterMarked || variantKey(paperMarks) !== 0;
      atoms.push(...variant);
      shared.push(...variant.map((_, offset) => (marked ? null : unmarkedIndex + offset)));
      unmarkedIndex += this.variant(atom.slot, NO_MARKS).length;
      afterMarked = marked && variant.length === 0;
    }
    return { atoms, shared };
  }

  private variant(slot: number, marks: PaperMarks): FlatAtom[] {
    const entry = this.slots[slot];
    const variants = this.variants[slot];
    if (!entry || !variants) return [];
    const key = variantKey(marks);
    let atoms = variants.get(key);
    if (!atoms) {
      atoms = flatParse(renderSlot(entry, marks));
      variants.set(key, atoms);
    }
    return atoms;
  }

  /** Compresses the atoms, reusing `unmarked`'s pieces where a window of shared text precedes them. */
  private compress({ atoms, shared }: Flat, unmarked: ReaderCopy | null): ReaderCopy {
    const pieces: (SharedPiece | null)[] = [];
    let run: (Buffer | number)[] = [];
    let runStart = 0;
    let bytes = 0;
    let sinceMarked = WINDOW_BYTES;
    const flush = () => {
      if (run.length === 0) return;
      const compressed = compressRun(run, this.precedingText(atoms, runStart));
      bytes += compressed.reduce((sum, piece) => sum + (piece?.deflated.length ?? 0), 0);
      pieces.push(...compressed);
      run = [];
    };
    atoms.forEach((atom, index) => {
      const sharedIndex = shared[index] ?? null;
      sinceMarked = sharedIndex === null ? 0 : sinceMarked + (atom.kind === "text" ? atom.raw.length : 0);
      const reused = unmarked && sharedIndex !== null && sinceMarked >= WINDOW_BYTES;
      if (reused || atom.kind === "account") {
        flush();
        runStart = index + 1;
        pieces.push(reused ? (unmarked.pieces[sharedIndex] ?? null) : null);
      } else run.push(atom.kind === "text" ? atom.raw : this.tokenLength);
    });
    flush();
    return { atoms, pieces, bytes: unmarked ? bytes : 0 };
  }

  /** Up to a window of what precedes `from` as the compressor saw it, back to the last account field. */
  private precedingText(atoms: readonly FlatAtom[], from: number): Buffer | undefined {
    const parts: Buffer[] = [];
    let length = 0;
    for (let index = from - 1; index >= 0 && length < WINDOW_BYTES; index -= 1) {
      const atom = atoms[index];
      if (!atom || atom.kind === "account") break;
      const bytes = atom.kind === "text" ? atom.raw : Buffer.alloc(this.tokenLength);
      parts.unshift(bytes);
      length += bytes.length;
    }
    if (length === 0) return undefined;
    const text = Buffer.concat(parts);
    return text.subarray(Math.max(0, text.length - WINDOW_BYTES));
  }
}
