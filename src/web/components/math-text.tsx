import type { TexNode } from "../../core/tex-text.js";
import { noteMath } from "../math/page-math.js";
import {
  type RenderedPiece,
  type RenderedText,
  renderMathText,
  renderTexNodes,
} from "../math/render-math.js";
import { Highlight } from "./highlight.js";

/**
 * What is done to the plain text between formulas and styling: the search's words marked, bare web addresses
 * linked. Both work on the parsed text, so neither reaches into a formula or cuts a TeX command in two.
 */
interface TextOptions {
  readonly mark: RegExp | null;
  readonly links: boolean;
}

/**
 * Text as arXiv authors write it: formulas (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`) are typeset on the server
 * by KaTeX, TeX text commands (`\emph{...}`, `\textbf{...}`, `\url{...}`, `--`) become styling, links and
 * dashes, and everything else is escaped by Preact like any text. `mark` marks the search's words.
 */
export function MathText({ text, mark }: { readonly text: string; readonly mark?: RegExp | null }) {
  return <Rendered rendered={renderMathText(text)} options={{ mark: mark ?? null, links: false }} />;
}

/** MathText for text already parsed, such as an abstract shortened by core/tex-cut.ts. */
export function TexText({
  nodes,
  mark,
}: {
  readonly nodes: readonly TexNode[];
  readonly mark?: RegExp | null;
}) {
  return <Rendered rendered={renderTexNodes(nodes)} options={{ mark: mark ?? null, links: false }} />;
}

/** MathText whose bare web addresses are links too (arXiv comments: "Code: https://github.com/..."). */
export function LinkedText({ text }: { readonly text: string }) {
  return <Rendered rendered={renderMathText(text)} options={{ mark: null, links: true }} />;
}

function Rendered({ rendered, options }: { readonly rendered: RenderedText; readonly options: TextOptions }) {
  noteMath(rendered.classes, rendered.formulas);
  return <Pieces pieces={rendered.pieces} options={options} />;
}

interface PiecesProps {
  readonly pieces: readonly RenderedPiece[];
  readonly options: TextOptions;
}

function Pieces({ pieces, options }: PiecesProps) {
  return (
    <>
      {pieces.map((piece, index) => (
        <Piece key={index} piece={piece} options={options} />
      ))}
    </>
  );
}

function Piece({ piece, options }: { readonly piece: RenderedPiece; readonly options: TextOptions }) {
  switch (piece.kind) {
    case "text":
      return <PlainText text={piece.text} options={options} />;
    case "math":
      return (
        <span
          class={piece.display ? "math math-display" : "math"}
          // KaTeX's own output: untrusted commands fall back to text and inline styles became checked classes.
          dangerouslySetInnerHTML={{ __html: piece.html }}
        />
      );
    case "link":
      return (
        <a href={piece.url} rel="nofollow noopener">
          {/* A link's text is never linked again. */}
          <Pieces pieces={piece.children} options={{ ...options, links: false }} />
        </a>
      );
    default: {
      const Tag = piece.kind;
      return (
        <Tag>
          <Pieces pieces={piece.children} options={options} />
        </Tag>
      );
    }
  }
}

// Addresses as arXiv comments write them; a sentence often ends right after one.
const URL_IN_TEXT = /https?:\/\/[^\s<>"'()[\]{}]+[^\s<>"'()[\]{}.,;:]/g;

function PlainText({ text, options }: { readonly text: string; readonly options: TextOptions }) {
  if (!options.links) return <Highlight text={text} pattern={options.mark} />;
  const parts: preact.JSX.Element[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const start = match.index ?? 0;
    parts.push(<Highlight key={`t${start}`} text={text.slice(last, start)} pattern={options.mark} />);
    parts.push(
      <a key={`a${start}`} href={match[0]} rel="nofollow noopener">
        {match[0]}
      </a>,
    );
    last = start + match[0].length;
  }
  parts.push(<Highlight key="end" text={text.slice(last)} pattern={options.mark} />);
  return <>{parts}</>;
}
