import type { Page } from "playwright-core";

/** WCAG 2.2 target size (minimum), in CSS pixels. */
export const MIN_TARGET_PX = 24;

/**
 * The controls on the page smaller than MIN_TARGET_PX either way, described by tag, class and text. Controls
 * inside running text are exempt, as WCAG exempts them (a link within a sentence is as tall as its line): a
 * control counts as such when the block around it holds more than 40 characters that are not controls'.
 */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary";
    const inSentence = (element: Element) => {
      let block = element.parentElement;
      while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
      if (!block) return false;
      const controls = Array.from(block.querySelectorAll(selector)).reduce(
        (sum, c) => sum + (c.textContent ?? "").trim().length,
        0,
      );
      return (block.textContent ?? "").replace(/\s+/g, " ").trim().length - controls > 40;
    };
    const small: string[] = [];
    for (const element of Array.from(document.querySelectorAll(selector))) {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      const shown = box.width > 1 && box.height > 1 && box.right > 0 && style.visibility !== "hidden";
      if (!shown || (box.width >= min && box.height >= min) || inSentence(element)) continue;
      const name = `${element.tagName.toLowerCase()}.${element.className || "-"}`;
      const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 30);
      small.push(`${name} "${text}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
    return small;
  }, MIN_TARGET_PX);
}
