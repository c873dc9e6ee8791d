import { invalid } from "./errors.js";

/** Who may see a collection: its owner and editors only, or everyone (a page, a feed and the API). */
export const VISIBILITIES = ["private", "public"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The collection the one-key save fills, made on an account's first save. */
export const DEFAULT_COLLECTION_NAME = "Saved";

export const MAX_NAME_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_NOTE_LENGTH = 2000;
/** Papers one collection holds: a reading list, not an archive; the page and its exports stay quick. */
export const MAX_COLLECTION_PAPERS = 5000;
/** Collections one account owns. */
export const MAX_COLLECTIONS = 500;

/** A named, ordered list of papers with notes, owned by an account. */
export interface Collection {
  readonly id: number;
  readonly ownerId: number;
  readonly ownerHandle: string;
  readonly ownerName: string;
  readonly name: string;
  readonly description: string;
  readonly visibility: Visibility;
  readonly isDefault: boolean;
  readonly paperCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * What a viewer is to a collection. Owners do everything; editors add papers, and change or remove what they
 * added; anyone else reads a public collection (without its notes) and knows nothing of a private one.
 */
export type CollectionRole = "owner" | "editor" | "reader";

export function isVisibility(text: string): text is Visibility {
  return (VISIBILITIES as readonly string[]).includes(text);
}

/** `reading-group-week-3` from a name: lower-case ASCII words, for readable addresses only (the id decides). */
export function collectionSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "collection";
}

/** A collection's page: `/collections/12-reading-group`. */
export function collectionPath(collection: Pick<Collection, "id" | "name">): string {
  return `/collections/${collection.id}-${collectionSlug(collection.name)}`;
}

/** The id at the start of `12-reading-group` (or `12`); null when there is none. */
export function collectionIdOf(reference: string): number | null {
  const match = /^(\d{1,12})(?:-[A-Za-z0-9-]*)?$/.exec(reference);
  return match?.[1] ? Number(match[1]) : null;
}

function cleanText(text: string, what: string, max: number, required: boolean): string {
  const clean = text.replace(/\r\n?/g, "\n").trim();
  if (required && clean === "") throw invalid(`a collection's ${what} cannot be empty`);
  if (clean.length > max) throw invalid(`a collection's ${what} is at most ${max} characters`);
  return clean;
}

export const cleanName = (name: string) =>
  cleanText(name, "name", MAX_NAME_LENGTH, true).replace(/\s+/g, " ");
export const cleanDescription = (text: string) =>
  cleanText(text, "description", MAX_DESCRIPTION_LENGTH, false);

export function cleanNote(note: string): string {
  const clean = note.replace(/\r\n?/g, "\n").trim();
  if (clean.length > MAX_NOTE_LENGTH) throw invalid(`a note is at most ${MAX_NOTE_LENGTH} characters`);
  return clean;
}
