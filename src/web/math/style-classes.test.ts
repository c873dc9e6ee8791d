import { describe, expect, it } from "vitest";
import { classForDeclaration, ruleForClass, stylesToClasses } from "./style-classes.js";

describe("KaTeX style classes", () => {
  it("spells a declaration as a class and back", () => {
    const name = classForDeclaration("vertical-align", "-0.1944em");
    expect(name).toBe("kva_M0P1944em");
    expect(ruleForClass(name ?? "")).toBe(".kva_M0P1944em{vertical-align:-0.1944em!important}");
    expect(ruleForClass(classForDeclaration("color", "#CC0000") ?? "")).toBe(
      ".kc_Hcc0000{color:#cc0000!important}",
    );
  });

  it("refuses what it does not know or what could break out of a rule", () => {
    expect(classForDeclaration("background-image", "url(x)")).toBeNull();
    expect(classForDeclaration("height", "1em;color:red")).toBeNull();
    expect(ruleForClass("kh_1em}body{display:none")).toBeNull();
    expect(ruleForClass("kzz_1em")).toBeNull();
    expect(ruleForClass("kh_MMMM")).toBeNull();
  });

  it("moves style attributes into classes, keeping existing classes", () => {
    const { html, classes } = stylesToClasses(
      '<span class="strut" style="height:0.8141em;vertical-align:-0.1944em;"></span><mstyle displaystyle="false">',
    );
    expect(html).toBe('<span class="strut kh_0P8141em kva_M0P1944em"></span><mstyle displaystyle="false">');
    expect(classes).toEqual(["kh_0P8141em", "kva_M0P1944em"]);
    expect(stylesToClasses('<span style="top:-2.55em;">').html).toBe('<span class="kt_M2P55em">');
  });
});
