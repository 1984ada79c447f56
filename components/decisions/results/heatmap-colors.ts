// Colours for the "Scores per cell" heatmap. The ramp is viridis (perceptually uniform, readable with
// the common colour-vision deficiencies and in greyscale), run from pale yellow (low) to deep purple
// (high) so "darker is better" holds. Text on a cell is black or white, whichever contrasts more: for
// any background one of the two reaches at least 4.58:1, above the 4.5:1 that WCAG AA asks for.

/** Viridis at nine evenly spaced points, from its dark end to its light end. */
const VIRIDIS = ["#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725"];

type Rgb = [number, number, number];

const toRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

/** The cell colour for a normalized mean in [0, 1]: 0 the palest, 1 the darkest. */
export function heatColor(normalized: number): string {
  const t = 1 - Math.min(1, Math.max(0, normalized));
  const position = t * (VIRIDIS.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, VIRIDIS.length - 1);
  const a = toRgb(VIRIDIS[lower]!);
  const b = toRgb(VIRIDIS[upper]!);
  const f = position - lower;
  return toHex([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * f) as Rgb);
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = toRgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever reads better on the background. */
export function textColorOn(background: string): "#000000" | "#ffffff" {
  return contrastRatio(background, "#000000") >= contrastRatio(background, "#ffffff") ? "#000000" : "#ffffff";
}

/** The ramp as a CSS gradient, for the legend. */
export function heatGradient(): string {
  return `linear-gradient(to right, ${[...VIRIDIS].reverse().join(", ")})`;
}
