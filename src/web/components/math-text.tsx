import type { TexNode } from "../../core/tex-text.js";
import { noteMath } from "../math/page-math.js";
import {
  type RenderedPiece,
  type RenderedText,
  renderMathText,
  renderTexNodes,
} from "../math/render-math.js";
import { Highlight } from "./highlight.js";

interface MarkProps {
  /** The search's words to mark in the text (never inside a formula); none when null or absent. */
  readonly mark?: RegExp | null;
}

/**
 * Text as arXiv authors write it: formulas (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`) are typeset on the server
 * by KaTeX, TeX text commands (`\emph{...}`, `\textbf{...}`, `\url{...}`, `--`) become styling, links and
 * dashes, and everything else is escaped by Preact like any text.
 */
export function MathText({ text, mark }: { readonly text: string } & MarkProps) {
  return <Rendered rendered={renderMathText(text)} mark={mark ?? null} />;
}

/** MathText for text already parsed, such as an abstract shortened by core/tex-cut.ts. */
export function TexText({ nodes, mark }: { readonly nodes: readonly TexNode[] } & MarkProps) {
  return <Rendered rendered={renderTexNodes(nodes)} mark={mark ?? null} />;
}

function Rendered({ rendered, mark }: { readonly rendered: RenderedText; readonly mark: RegExp | null }) {
  noteMath(rendered.classes, rendered.formulas);
  return <Pieces pieces={rendered.pieces} mark={mark} />;
}

// Addresses as arXiv comments write them; a sentence often ends right after one.
const URL_IN_TEXT = /https?:\/\/[^\s<>"'()[\]{}]+[^\s<>"'()[\]{}.,;:]/g;

/** MathText whose bare web addresses are links too (arXiv comments: "Code: https://github.com/..."). */
export function LinkedText({ text }: { readonly text: string }) {
  const parts: preact.JSX.Element[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const start = match.index ?? 0;
    parts.push(<MathText key={`t${start}`} text={text.slice(last, start)} />);
    parts.push(
      <a key={`a${start}`} href={match[0]} rel="nofollow noopener">
        {match[0]}
      </a>,
    );
    last = start + match[0].length;
  }
  parts.push(<MathText key="end" text={text.slice(last)} />);
  return <>{parts}</>;
}

interface PiecesProps {
  readonly pieces: readonly RenderedPiece[];
  readonly mark: RegExp | null;
}

function Pieces({ pieces, mark }: PiecesProps) {
  return (
    <>
      {pieces.map((piece, index) => (
        <Piece key={index} piece={piece} mark={mark} />
      ))}
    </>
  );
}

function Piece({ piece, mark }: { readonly piece: RenderedPiece; readonly mark: RegExp | null }) {
  switch (piece.kind) {
    case "text":
      return <Highlight text={piece.text} pattern={mark} />;
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
          <Pieces pieces={piece.children} mark={mark} />
        </a>
      );
    default: {
      const Tag = piece.kind;
      return (
        <Tag>
          <Pieces pieces={piece.children} mark={mark} />
        </Tag>
      );
    }
  }
}
