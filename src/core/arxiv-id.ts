import { invalid } from "./errors.js";

/** A parsed arXiv identifier: `id` is the canonical form without version, `version` is null when none was given. */
export interface ArxivId {
  readonly id: string;
  readonly version: number | null;
}

// New-style ids (April 2007 on): YYMM.NNNN until 2014, YYMM.NNNNN from 2015.
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?$/;
// Old-style ids: archive, an optional subject class (dropped, it is not part of the id), YYMMNNN.
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.[A-Z]{2})?\/(\d{2})(\d{2})(\d{3})(?:v(\d+))?$/;
const URL_FORMS = [
  /^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?$/i,
  /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/papers\/(.+?)\/?$/i,
];

function fromUrl(input: string): string {
  const withoutQuery = input.replace(/[?#].*$/, "");
  for (const form of URL_FORMS) {
    const match = form.exec(withoutQuery);
    if (match?.[1]) return match[1];
  }
  return input;
}

function version(text: string | undefined): number | null {
  return text === undefined ? null : Number(text);
}

function parseNewStyle(candidate: string): ArxivId | null {
  const match = NEW_STYLE.exec(candidate);
  if (!match) return null;
  const [, yy = "", mm = "", serial = "", v] = match;
  const month = Number(mm);
  if (month < 1 || month > 12) throw invalid(`"${candidate}" has month ${mm}; arXiv months run 01 to 12`);
  const year = Number(yy);
  if (year < 7 || (year === 7 && month < 4)) {
    throw invalid(`"${candidate}" predates new-style arXiv ids, which start at 0704`);
  }
  const expectedDigits = year >= 15 ? 5 : 4;
  if (serial.length !== expectedDigits) {
    throw invalid(`"${candidate}" needs ${expectedDigits} digits after the dot for 20${yy}`);
  }
  return { id: `${yy}${mm}.${serial}`, version: version(v) };
}

function parseOldStyle(candidate: string): ArxivId | null {
  const match = OLD_STYLE.exec(candidate);
  if (!match) return null;
  const [, archive = "", yy = "", mm = "", serial = "", v] = match;
  const month = Number(mm);
  if (month < 1 || month > 12) throw invalid(`"${candidate}" has month ${mm}; arXiv months run 01 to 12`);
  return { id: `${archive}/${yy}${mm}${serial}`, version: version(v) };
}

/**
 * Reads an arXiv id in any form people paste: bare ids with or without a version, `arXiv:` prefixes, and links
 * to arXiv's abstract, PDF or HTML pages or to Hugging Face's paper pages. Throws an `invalid` error naming the
 * reason for anything else.
 */
export function parseArxivId(input: string): ArxivId {
  const trimmed = input.trim();
  if (trimmed === "") throw invalid("an arXiv id is empty");
  if (trimmed.length > 200) throw invalid("an arXiv id is at most 200 characters");
  const candidate = fromUrl(trimmed).replace(/^arxiv:/i, "");
  const parsed = parseNewStyle(candidate) ?? parseOldStyle(candidate);
  if (parsed) return parsed;
  throw invalid(
    `"${trimmed}" is not an arXiv id (expected e.g. 2409.13598, hep-th/9901001 or an arxiv.org link)`,
  );
}

/** Like parseArxivId but answers null instead of throwing, for places that try several readings of a string. */
export function tryParseArxivId(input: string): ArxivId | null {
  try {
    return parseArxivId(input);
  } catch {
    return null;
  }
}

export const arxivAbsUrl = (id: string) => `https://arxiv.org/abs/${id}`;
export const arxivPdfUrl = (id: string) => `https://arxiv.org/pdf/${id}`;
