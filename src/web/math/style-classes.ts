/**
 * KaTeX places glyphs with inline `style` attributes, which our Content-Security-Policy (style-src 'self')
 * blocks. Each declaration becomes a class whose name spells the declaration reversibly
 * (`height:0.8141em` -> `kh_0P8141em`), so any process can turn a page's class list back into a stylesheet
 * without remembering anything, and a class name can only ever mean a checked declaration.
 */
const LENGTH = "-?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:em|ex|px|pt|%)?";
const LENGTHS = `${LENGTH}(?: ${LENGTH}){0,3}`;
const COLOR = "#[0-9a-f]{3,8}|[a-z]{3,20}";

const PROPERTIES: Readonly<Record<string, { code: string; value: RegExp }>> = {
  height: { code: "h", value: anchored(LENGTH) },
  "vertical-align": { code: "va", value: anchored(LENGTH) },
  "margin-right": { code: "mr", value: anchored(LENGTH) },
  "margin-left": { code: "ml", value: anchored(LENGTH) },
  "margin-top": { code: "mt", value: anchored(LENGTH) },
  margin: { code: "m", value: anchored(LENGTHS) },
  top: { code: "t", value: anchored(LENGTH) },
  bottom: { code: "b", value: anchored(LENGTH) },
  left: { code: "l", value: anchored(LENGTH) },
  width: { code: "w", value: anchored(LENGTH) },
  "min-width": { code: "mw", value: anchored(LENGTH) },
  "padding-left": { code: "pl", value: anchored(LENGTH) },
  "border-bottom-width": { code: "bbw", value: anchored(LENGTH) },
  "border-top-width": { code: "btw", value: anchored(LENGTH) },
  "border-right-width": { code: "brw", value: anchored(LENGTH) },
  "border-width": { code: "bw", value: anchored(LENGTHS) },
  "border-right-style": { code: "brs", value: /^(?:solid|dashed|dotted|double|none)$/ },
  "border-style": { code: "bs", value: /^(?:solid|dashed|dotted|double|none)$/ },
  "border-color": { code: "bc", value: anchored(COLOR) },
  "background-color": { code: "bg", value: anchored(COLOR) },
  color: { code: "c", value: anchored(COLOR) },
  position: { code: "p", value: /^(?:relative|absolute)$/ },
};

const BY_CODE = new Map(Object.entries(PROPERTIES).map(([name, spec]) => [spec.code, { name, ...spec }]));

// Values are lower case once checked, so upper-case letters are free to stand for the other characters.
const ENCODE: Readonly<Record<string, string>> = { ".": "P", "-": "M", "#": "H", " ": "S", "%": "C" };
const DECODE: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ENCODE).map(([k, v]) => [v, k]),
);

function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/** The class for one declaration, or null for a declaration we do not carry (it is dropped). */
export function classForDeclaration(property: string, rawValue: string): string | null {
  const spec = PROPERTIES[property.trim()];
  const value = rawValue.trim().toLowerCase();
  if (!spec?.value.test(value)) return null;
  return `k${spec.code}_${value.replace(/[.\-# %]/g, (c) => ENCODE[c] ?? c)}`;
}

/** The CSS rule a class name stands for, or null when the name is not one of ours or fails the checks. */
export function ruleForClass(className: string): string | null {
  const match = /^k([a-z]+)_([a-z0-9PMHSC]{1,40})$/.exec(className);
  const spec = match ? BY_CODE.get(match[1] ?? "") : undefined;
  if (!match || !spec) return null;
  const value = (match[2] ?? "").replace(/[PMHSC]/g, (c) => DECODE[c] ?? c);
  if (!spec.value.test(value)) return null;
  // !important gives the declaration back the precedence it had as an inline style over katex.css.
  return `.${className}{${spec.name}:${value}!important}`;
}

/** Replaces every ` style="..."` in KaTeX's HTML by classes; returns the HTML and the classes it used. */
export function stylesToClasses(html: string): { html: string; classes: string[] } {
  const used = new Set<string>();
  const rewritten = html.replace(
    /<([a-z]+)([^<>]*?) style="([^"]*)"([^<>]*)>/g,
    (_m, tag, before, style, after) => {
      const classes = declarationClasses(style);
      for (const name of classes) used.add(name);
      return `<${tag}${addClasses(`${before}${after}`, classes)}>`;
    },
  );
  return { html: rewritten, classes: [...used] };
}

function declarationClasses(style: string): string[] {
  return style
    .split(";")
    .map((declaration) => declaration.split(":"))
    .flatMap(([property, value]) => (property && value ? (classForDeclaration(property, value) ?? []) : []));
}

function addClasses(attributes: string, classes: readonly string[]): string {
  if (classes.length === 0) return attributes;
  if (/ class="/.test(attributes))
    return attributes.replace(/ class="([^"]*)"/, ` class="$1 ${classes.join(" ")}"`);
  return `${attributes} class="${classes.join(" ")}"`;
}
