/**
 * Which formulas a page rendered, gathered while Preact renders it (rendering is synchronous, so one slot is
 * enough), so that the page links KaTeX's stylesheet and the style classes only when it shows mathematics.
 */
interface Gathered {
  classes: Set<string>;
  formulas: number;
}

let current: Gathered | null = null;

export function noteMath(classes: readonly string[], formulas: number) {
  if (!current || formulas === 0) return;
  current.formulas += formulas;
  for (const name of classes) current.classes.add(name);
}

export function gatherMath<T>(render: () => T): { result: T; formulas: number; classes: string[] } {
  const previous = current;
  const gathered: Gathered = { classes: new Set(), formulas: 0 };
  current = gathered;
  try {
    const result = render();
    return { result, formulas: gathered.formulas, classes: [...gathered.classes].sort() };
  } finally {
    current = previous;
  }
}
