import { collapseWhitespace } from "../../src/core/text.js";

/**
 * Where a title may be cut into a head and a tail: after a colon, or before the first of these small words
 * that joins a method to its purpose ("... Models for Persian ...", "... Learning via Diffusion").
 */
const JOINTS = ["for", "of", "in", "with", "via", "using", "on", "through", "from", "by", "towards"] as const;
const ABBREVIATIONS = /\b(?:e\.g|i\.e|et al|etc|vs|cf|Fig|Figs|Eq|Eqs|resp|approx|Sec|No)\.$/;

/** A title cut in two at a joint: `head + joint + tail` gives the title back. */
export interface TitleParts {
  readonly head: string;
  readonly joint: string;
  readonly tail: string;
}

/** Cuts a title at its colon, else at its first joint word after two words of head; null when it has neither. */
export function titleParts(title: string): TitleParts | null {
  const clean = collapseWhitespace(title);
  const colon = clean.indexOf(": ");
  if (colon > 0) return { head: clean.slice(0, colon), joint: ": ", tail: clean.slice(colon + 2) };
  const words = clean.split(" ");
  for (let i = 2; i < words.length - 1; i += 1) {
    const word = words[i] ?? "";
    if ((JOINTS as readonly string[]).includes(word.toLowerCase())) {
      return { head: words.slice(0, i).join(" "), joint: ` ${word} `, tail: words.slice(i + 1).join(" ") };
    }
  }
  return null;
}

/**
 * An abstract's sentences: cut after a full stop, question or exclamation mark followed by a capital letter,
 * unless the stop ends a common abbreviation. Line breaks are arXiv's hard wrapping and go.
 */
export function sentences(abstract: string): string[] {
  const words = collapseWhitespace(abstract).split(" ");
  const out: string[] = [];
  let current: string[] = [];
  words.forEach((word, i) => {
    current.push(word);
    const next = words[i + 1];
    const ends =
      /[.!?]$/.test(word) && !ABBREVIATIONS.test(word) && next !== undefined && /^[A-Z]/.test(next);
    if (ends || next === undefined) {
      out.push(current.join(" "));
      current = [];
    }
  });
  return out.filter((sentence) => sentence !== "");
}

/** Text hard-wrapped at `width` columns, each line after the first starting with `indent` (as the snapshot has it). */
export function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines.join(`\n${indent}`);
}
