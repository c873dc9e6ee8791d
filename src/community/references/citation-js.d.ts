// citation-js ships no type declarations: this is the part of it Paperboy uses (imports read references with
// it; tests parse exports with it, as an independent reader).
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown);
    readonly data: unknown[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    readonly input: {
      /** One parsing step of `input` read as `forceType`; throws when the text is not of that type. */
      chainLink(input: string, options: { forceType: string }): unknown;
    };
  };
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
