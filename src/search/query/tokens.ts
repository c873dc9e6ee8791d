/** A lexical piece of a query: a bare run of characters or a double-quoted run, maybe with a `-` or `key:`. */
export interface Token {
  readonly text: string;
  readonly quoted: boolean;
  readonly negated: boolean;
  /** `cat` in `cat:cs.LG`; null for plain words. */
  readonly key: string | null;
}

const KEYED = /^([a-z]+):(.*)$/i;

/**
 * Splits a query into tokens. Quotes that are never closed quote nothing: the quote character is dropped and the
 * rest is read as plain words, so no input fails to tokenize.
 */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && /\s/.test(input.charAt(i))) i += 1;
    if (i >= input.length) break;
    const [token, next] = readToken(input, i);
    if (token) tokens.push(token);
    i = next;
  }
  return tokens;
}

function readToken(input: string, start: number): [Token | null, number] {
  let i = start;
  let negated = false;
  if (input.charAt(i) === "-" && i + 1 < input.length && !/\s/.test(input.charAt(i + 1))) {
    negated = true;
    i += 1;
  }
  let end = i;
  while (end < input.length && !/[\s"]/.test(input.charAt(end))) end += 1;
  const head = input.slice(i, end);
  const keyed = KEYED.exec(head);
  const key = keyed?.[1]?.toLowerCase() ?? null;
  if (input.charAt(end) === '"' && (head === "" || (keyed && keyed[2] === ""))) {
    const close = input.indexOf('"', end + 1);
    if (close > end) {
      return [{ text: input.slice(end + 1, close), quoted: true, negated, key }, close + 1];
    }
    // An unclosed quote: drop it and read on as plain words.
    return [head === "" ? null : { text: head, quoted: false, negated, key }, end + 1];
  }
  const text = keyed ? (keyed[2] ?? "") : head;
  return [{ text, quoted: false, negated, key: keyed ? key : null }, end];
}
