import { describe, expect, it } from "vitest";
import { titleGap } from "./damaged-title.js";

describe("titles that lost words", () => {
  it("finds the gap the damaged records of the listing corpus have", () => {
    expect(titleGap("Cross-Modal Hierarchical Fusion for from Multi-Sensor Ground Observation")).toEqual([
      "for",
      "from",
    ]);
    expect(titleGap("Scalable Behaviour Cloning on Browser Using via Skill Distillation")).toEqual([
      "Using",
      "via",
    ]);
  });

  it("leaves real titles alone", () => {
    for (const title of [
      "TACO: Taming Diffusion for in-the-wild Video Amodal Completion",
      "DDS-NAS: Dynamic Data Selection within Neural Architecture Search via On-line Hard Example Mining",
      "STT-Arena: A More Realistic Environment for Tool-Using with Spatio-Temporal Dynamics",
      "Large Space-Time Reconstruction Model From and To Any View at Any Time",
      "Where does Absolute Position come from in decoder-only Transformers?",
      "Reference-Free Image Quality Assessment for Virtual Try-On via Human Feedback",
      "A Study of Learning from Noisy Labels",
    ])
      expect(titleGap(title)).toBeNull();
  });
});
