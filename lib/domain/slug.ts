// File names for exported records, `NNNN-kebab-title.md`, as adr-tools and log4brains expect.

const MAX_SLUG_LENGTH = 60;
const FALLBACK_SLUG = "decision";

// Letters that Unicode decomposition does not split into an ASCII base plus a mark.
const LETTER_FOLDS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  ħ: "h",
  ı: "i",
  ł: "l",
  þ: "th",
  ŧ: "t",
};

/** The record number as ADRs write it: at least four digits, `7` → `0007`. */
export function formatRecordNumber(recordNumber: number): string {
  if (!Number.isSafeInteger(recordNumber) || recordNumber < 0) {
    throw new RangeError(`A record number must be a non-negative integer, got ${recordNumber}`);
  }
  return String(recordNumber).padStart(4, "0");
}

/** ASCII kebab-case of a title, accents folded, at most `maxLength` characters, never empty. */
export function slugify(title: string, maxLength: number = MAX_SLUG_LENGTH): string {
  const folded = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{ASCII}]/gu, (ch) => LETTER_FOLDS[ch] ?? "-");
  const kebab = folded.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return truncateAtWord(kebab, maxLength) || FALLBACK_SLUG;
}

/** `recordFileName(7, "Use PyTorch")` → `0007-use-pytorch.md`. */
export function recordFileName(recordNumber: number, title: string): string {
  return `${formatRecordNumber(recordNumber)}-${slugify(title)}.md`;
}

// Cut at the last word boundary that keeps at least half the budget, so a slug does not end mid-word
// unless its first word alone is too long.
function truncateAtWord(kebab: string, maxLength: number): string {
  if (kebab.length <= maxLength) return kebab;
  const cut = kebab.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  const kept = lastHyphen >= maxLength / 2 ? cut.slice(0, lastHyphen) : kebab.slice(0, maxLength);
  return kept.replace(/-+$/, "");
}
