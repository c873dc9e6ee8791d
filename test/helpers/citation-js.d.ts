// citation-js ships no type declarations; the tests use only this much of it.
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown);
    readonly data: unknown[];
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
