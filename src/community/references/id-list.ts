import { parseArxivId } from "../../core/arxiv-id.js";
import { AppError } from "../../core/errors.js";
import type { ReferenceEntry } from "./reference-entry.js";

// Ids and links are separated by white space, commas or semicolons; a line starting with # is a comment.
const SEPARATORS = /[\s,;]+/;

function readOne(line: number, word: string): ReferenceEntry {
  try {
    return { line, paperId: parseArxivId(word).id };
  } catch (error) {
    if (error instanceof AppError) return { line, problem: error.message };
    throw error;
  }
}

/** Reads a list of arXiv ids and links, any number a line; each one that is not an id is reported on its line. */
export function readIdList(text: string): ReferenceEntry[] {
  return text.split("\n").flatMap((content, index) => {
    if (content.trimStart().startsWith("#")) return [];
    return content
      .split(SEPARATORS)
      .filter((word) => word !== "")
      .map((word) => readOne(index + 1, word));
  });
}
