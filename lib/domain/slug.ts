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

/** The record's key as people cite it: `ADR-0007`. */
export function recordKey(recordNumber: number): string {
  return `ADR-${formatRecordNumber(recordNumber)}`;
}

/**
 * `recordFileName(7, "Use PyTorch")` → `0007-use-pytorch.md`. Called once per record, when its name is
 * fixed; afterwards the stored name is used, whatever the title becomes.
 */
export function recordFileName(recordNumber: number, title: string): string {
  return `${formatRecordNumber(recordNumber)}-${slugify(title)}.md`;
}

// Cut at the last word boundary within the budget, so a slug never ends mid-word; only a first word
// longer than the whole budget is cut inside.
function truncateAtWord(kebab: string, maxLength: number): string {
  if (kebab.length <= maxLength) return kebab;
  const cut = kebab.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  const kept = lastHyphen > 0 ? cut.slice(0, lastHyphen) : kebab.slice(0, maxLength);
  return kept.replace(/-+$/, "");
}

/** The number a record file name starts with (`0007-x.md` → 7), or null for log4brains' dated names. */
export function numberInFileName(fileName: string): number | null {
  const digits = /^(\d{1,6})-.+\.md$/i.exec(fileName)?.[1];
  return digits === undefined ? null : Number(digits);
}

/** log4brains names a record after the day it was written: `20200924-use-markdown.md` → 2020-09-24. */
export function dateInFileName(fileName: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})-.+\.md$/i.exec(fileName);
  if (!match) return null;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : null;
}
