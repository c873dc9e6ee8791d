import type { Page } from "playwright-core";

/** WCAG's contrast for normal text (1.4.3), asked of placeholders too: they are the only hint some fields give. */
export const MIN_PLACEHOLDER_CONTRAST = 4.5;

/**
 * The form fields on the page that do not take the theme's colours, described by tag, name and what is wrong:
 * a field's background and text must be the page's own (a light field in the dark theme is what this catches),
 * and its placeholder must contrast with its background by at least MIN_PLACEHOLDER_CONTRAST.
 */
export function offThemeFields(page: Page): Promise<string[]> {
  return page.evaluate((minContrast) => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (colour: string) => {
      const [r = 0, g = 0, b = 0] = rgb(colour).map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
    };
    const body = getComputedStyle(document.body);
    const wrong: string[] = [];
    const fields = document.querySelectorAll(
      "input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]), select, textarea",
    );
    for (const field of Array.from(fields)) {
      if (field.getClientRects().length === 0) continue;
      const style = getComputedStyle(field);
      const name = `${field.tagName.toLowerCase()}[name=${field.getAttribute("name") ?? "-"}]`;
      if (style.backgroundColor !== body.backgroundColor)
        wrong.push(`${name} background ${style.backgroundColor}`);
      if (style.color !== body.color) wrong.push(`${name} text ${style.color}`);
      if (!field.hasAttribute("placeholder")) continue;
      const placeholder = getComputedStyle(field, "::placeholder").color;
      const ratio = contrast(placeholder, style.backgroundColor);
      if (ratio < minContrast) wrong.push(`${name} placeholder ${placeholder} contrast ${ratio.toFixed(2)}`);
    }
    return wrong;
  }, MIN_PLACEHOLDER_CONTRAST);
}
