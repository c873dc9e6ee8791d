import { parseArxivId } from "../../core/arxiv-id.js";
import { boundClauses } from "./bounds.js";
import { applyFilter, FILTER_KEYS, type FilterDraft } from "./filters.js";
import { type Token, tokenize } from "./tokens.js";
import type { Clause, SearchQuery, Words } from "./tree.js";

/** Longest query read; HF's search takes 250 characters, Paperboy allows a little more for filters. */
export const MAX_QUERY_LENGTH = 500;

/**
 * Reads a search box's text into a query tree. Never throws: anything that cannot be read as an operator is
 * taken as plain words, and a note says so.
 */
export function parseQuery(input: string): SearchQuery {
  const raw = input.slice(0, MAX_QUERY_LENGTH).trim();
  const arxivId = asArxivId(raw);
  const filters: FilterDraft = { categories: [], authors: [], after: null, before: null };
  if (arxivId) return { raw, arxivId, clauses: [], filters, text: "", notes: [] };
  const notes: string[] = [];
  const pieces: (Clause | "OR")[] = [];
  for (const token of tokenize(raw)) {
    const piece = readPiece(token, filters, notes);
    if (piece) pieces.push(piece);
  }
  const clauses = boundClauses(groupAlternatives(pieces), notes);
  return { raw, arxivId: null, clauses, filters, text: clauseText(clauses), notes };
}

function asArxivId(raw: string): string | null {
  if (raw === "" || /\s/.test(raw)) return null;
  try {
    return parseArxivId(raw).id;
  } catch {
    return null;
  }
}

function readPiece(token: Token, filters: FilterDraft, notes: string[]): Clause | "OR" | null {
  if (token.key !== null && !token.negated && (FILTER_KEYS as readonly string[]).includes(token.key)) {
    if (applyFilter(filters, token.key, token.text)) return null;
    notes.push(`"${token.key}:${token.text}" is not a filter Paperboy can read; searched as words`);
  }
  if (!token.quoted && !token.negated && token.key === null && token.text === "OR") return "OR";
  const text = token.key !== null ? `${token.key}:${token.text}` : token.text;
  const words = asWords(text, token.quoted);
  if (!words) return null;
  return token.negated ? { kind: "exclude", words } : { kind: "include", words };
}

/**
 * Only letters and digits are searchable; a token with none of them (`-`, `&&`) is dropped. A word joined by
 * punctuation (`GPT-4`) stays a word: the index matches its parts in order, as it matches a phrase's words.
 */
function asWords(text: string, quoted: boolean): Words | null {
  const cleaned = text.trim();
  if (!/[\p{L}\p{N}]/u.test(cleaned)) return null;
  return { kind: quoted ? "phrase" : "word", text: cleaned };
}

/** Joins `a OR b OR c` into one `any` clause. An OR with nothing usable on one side is ignored. */
function groupAlternatives(pieces: readonly (Clause | "OR")[]): Clause[] {
  const clauses: Clause[] = [];
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i];
    if (piece === "OR" || piece === undefined) continue;
    const options = piece.kind === "include" ? [piece.words] : null;
    while (options && pieces[i + 1] === "OR") {
      const next = pieces[i + 2];
      if (next === undefined || next === "OR" || next.kind !== "include") break;
      options.push(next.words);
      i += 2;
    }
    clauses.push(options && options.length > 1 ? { kind: "any", options } : piece);
  }
  return clauses;
}

function clauseText(clauses: readonly Clause[]): string {
  const words = clauses.flatMap((clause) => {
    if (clause.kind === "include") return [clause.words.text];
    if (clause.kind === "any") return clause.options.map((option) => option.text);
    return [];
  });
  return words.join(" ");
}
