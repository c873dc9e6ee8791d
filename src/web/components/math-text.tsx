import { noteMath } from "../math/page-math.js";
import { renderMathText } from "../math/render-math.js";

/**
 * Text that may hold TeX (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`): formulas are typeset on the server by
 * KaTeX, everything else is escaped by Preact like any text.
 */
export function MathText({ text }: { readonly text: string }) {
  const rendered = renderMathText(text);
  const formulas = rendered.pieces.filter((piece) => piece.kind === "math").length;
  if (formulas === 0) return <>{text}</>;
  noteMath(rendered.classes, formulas);
  return (
    <>
      {rendered.pieces.map((piece, index) =>
        piece.kind === "text" ? (
          piece.text
        ) : (
          <span
            key={index}
            class={piece.display ? "math math-display" : "math"}
            // KaTeX's own output: untrusted commands fall back to text and inline styles became checked classes.
            dangerouslySetInnerHTML={{ __html: piece.html }}
          />
        ),
      )}
    </>
  );
}
