import { describe, expect, it } from "vitest";
import { contrastRatio, heatColor, luminance, textColorOn } from "@/components/decisions/results/heatmap-colors";

const steps = Array.from({ length: 101 }, (_, i) => i / 100);

describe("heatmap colours", () => {
  it("keeps every cell's text at 4.5:1 or more against its colour", () => {
    for (const t of steps) {
      const background = heatColor(t);
      expect(contrastRatio(background, textColorOn(background)), `at ${t} (${background})`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("gets darker as the score rises, so lightness alone (greyscale, colour blindness) orders the cells", () => {
    const lightness = steps.map((t) => luminance(heatColor(t)));
    for (let i = 1; i < lightness.length; i++) expect(lightness[i]!).toBeLessThan(lightness[i - 1]!);
  });

  it("tells apart means that the old ramp blurred: 4.0 and 8.7 on a 0–10 scale", () => {
    // Luminance alone, without hue: a contrast of 3:1 between the two cells is plain to see.
    expect(contrastRatio(heatColor(0.4), heatColor(0.87))).toBeGreaterThan(3);
    // Neighbouring tenths of the scale still differ visibly in lightness.
    expect(contrastRatio(heatColor(0.5), heatColor(0.6))).toBeGreaterThan(1.15);
  });

  it("pins the ends of the ramp to viridis", () => {
    expect(heatColor(0)).toBe("#fde725");
    expect(heatColor(1)).toBe("#440154");
    expect(heatColor(-1)).toBe("#fde725");
  });
});
