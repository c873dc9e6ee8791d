import { noteMath } from "../math/page-math.js";
import { type RenderedPiece, renderMathText } from "../math/render-math.js";

/**
 * Text as arXiv authors write it: formulas (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`) are typeset on the server
 * by KaTeX, TeX text commands (`\emph{...}`, `\textbf{...}`, `\url{...}`, `--`) become styling, links and
 * dashes, and everything else is escaped by Preact like any text.
 */
export function MathText({ text }: { readonly text: string }) {
  const rendered = renderMathText(text);
  noteMath(rendered.classes, rendered.formulas);
  return <Pieces pieces={rendered.pieces} />;
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

function Pieces({ pieces }: { readonly pieces: readonly RenderedPiece[] }) {
  return (
    <>
      {pieces.map((piece, index) => (
        <Piece key={index} piece={piece} />
      ))}
    </>
  );
}

function Piece({ piece }: { readonly piece: RenderedPiece }) {
  switch (piece.kind) {
    case "text":
      return <>{piece.text}</>;
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
          <Pieces pieces={piece.children} />
        </a>
      );
    default: {
      const Tag = piece.kind;
      return (
        <Tag>
          <Pieces pieces={piece.children} />
        </Tag>
      );
    }
  }
}
