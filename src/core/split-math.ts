/** A run of plain text, or a piece of TeX between delimiters (`source` keeps it as written, delimiters too). */
export type MathPiece =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "math"; readonly tex: string; readonly display: boolean; readonly source: string };

// Longer "math" is almost surely two currency amounts or stray dollars, not a formula.
const MAX_TEX_LENGTH = 2000;

const PAIRED: readonly { open: string; close: string; display: boolean }[] = [
  { open: "$$", close: "$$", display: true },
  { open: "\\[", close: "\\]", display: true },
  { open: "\\(", close: "\\)", display: false },
];

/**
 * Splits an abstract or a title into text and TeX. `$` follows Pandoc's rule so currency survives: an opening
 * `$` is followed by a non-space, the next unescaped `$` closes only when it follows a non-space and is not
 * followed by a digit ("$5 and $10" stays text). `\$` is a literal dollar.
 */
export function splitMath(input: string): MathPiece[] {
  const closes = new CloseFinder(input);
  const pieces: MathPiece[] = [];
  let text = "";
  let i = 0;
  const flush = () => {
    if (text) pieces.push({ kind: "text", text });
    text = "";
  };
  while (i < input.length) {
    const found = matchAt(input, i, closes);
    if (found) {
      flush();
      pieces.push(found.piece);
      i = found.end;
    } else if (input.startsWith("\\$", i)) {
      text += "$";
      i += 2;
    } else {
      text += input[i];
      i += 1;
    }
  }
  flush();
  return pieces;
}

/**
 * The next closing delimiter after a position, remembered per delimiter: an opening delimiter repeated
 * thousands of times without its close (`\(` 20,000 times) would otherwise scan the rest of the text from
 * each of them, which took 2.5 s on a first render.
 */
class CloseFinder {
  private readonly found = new Map<string, number>();
  constructor(private readonly input: string) {}

  next(close: string, from: number, search: (from: number) => number): number {
    const known = this.found.get(close);
    if (known !== undefined && (known < 0 || known >= from)) return known;
    const at = search(from);
    this.found.set(close, at);
    return at;
  }

  delimiter(close: string, from: number): number {
    return this.next(close, from, (start) => this.input.indexOf(close, start));
  }

  dollar(from: number): number {
    return this.next("$", from, (start) => nextUnescapedDollar(this.input, start));
  }
}

function matchAt(input: string, at: number, closes: CloseFinder): { piece: MathPiece; end: number } | null {
  for (const pair of PAIRED) {
    if (!input.startsWith(pair.open, at)) continue;
    const close = closes.delimiter(pair.close, at + pair.open.length);
    if (close < 0) return null;
    return piece(input, at, at + pair.open.length, close, close + pair.close.length, pair.display);
  }
  if (input[at] !== "$" || at + 1 >= input.length || /\s/.test(input[at + 1] ?? " ")) return null;
  const close = closes.dollar(at + 1);
  if (close < 0 || /\s/.test(input[close - 1] ?? " ") || /\d/.test(input[close + 1] ?? "")) return null;
  return piece(input, at, at + 1, close, close + 1, false);
}

function nextUnescapedDollar(input: string, from: number): number {
  for (let j = input.indexOf("$", from); j >= 0; j = input.indexOf("$", j + 1)) {
    if (input[j - 1] !== "\\") return j;
  }
  return -1;
}

function piece(
  input: string,
  start: number,
  texStart: number,
  texEnd: number,
  end: number,
  display: boolean,
) {
  const tex = input.slice(texStart, texEnd);
  if (tex.trim() === "" || tex.length > MAX_TEX_LENGTH) return null;
  return { piece: { kind: "math", tex, display, source: input.slice(start, end) } as const, end };
}
