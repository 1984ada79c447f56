// A record's YAML front matter, written and read with the `yaml` package.
import { Document, isMap, isScalar, LineCounter, parseDocument, Scalar } from "yaml";

export interface RecordFrontMatter {
  status: string;
  /** YYYY-MM-DD is written bare; anything else is quoted so it stays a string. */
  date: string;
  /** The day the record is next due for review (YYYY-MM-DD), written bare after the date. */
  "review-by"?: string;
  "decision-makers": string[];
  consulted: string[];
  informed: string[];
}

// Characters a YAML 1.2 reader rejects raw (C1 controls, U+FFFE/U+FFFF) or a YAML 1.1 reader takes as
// line breaks (U+0085, U+2028/9), plus the byte-order mark: written as \u escapes, which YAML and JSON share.
const ESCAPE_IN_QUOTES = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** The front matter block, `---` lines included, every string double-quoted on one line. */
export function writeFrontMatter(fields: RecordFrontMatter): string {
  const doc = new Document(fields);
  for (const key of ["date", "review-by"] as const) {
    const value = fields[key];
    if (value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value)) (doc.get(key, true) as Scalar).type = Scalar.PLAIN;
  }
  const body = doc
    .toString({ defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", doubleQuotedAsJSON: true, lineWidth: 0 })
    .replace(ESCAPE_IN_QUOTES, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `---\n${body}---`;
}

export interface FrontMatterField {
  value: string;
  /** 1-based line in the whole file. */
  line: number;
}

/**
 * The wanted top-level scalar fields of the front matter between a first `---` line and the next
 * `---`/`...` line (keys in any case), where the body starts, and every problem with its file line.
 */
export function readFrontMatter(
  lines: string[],
  wanted: string[],
): { fields: Map<string, FrontMatterField>; bodyStart: number; problems: { line: number; message: string }[] } {
  const fields = new Map<string, FrontMatterField>();
  const problems: { line: number; message: string }[] = [];
  if (lines[0]?.trimEnd() !== "---") return { fields, bodyStart: 0, problems };
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end === -1) {
    problems.push({ line: 1, message: "the front matter opened on line 1 is never closed with a --- line" });
    return { fields, bodyStart: 1, problems };
  }
  // The block starts on the file's second line.
  const fileLine = (block: LineCounter, offset: number) => block.linePos(offset).line + 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(lines.slice(1, end).join("\n"), { lineCounter, prettyErrors: false });
  for (const error of doc.errors) {
    problems.push({
      line: fileLine(lineCounter, error.pos[0]),
      message: `the front matter is not valid YAML: ${error.message.split("\n")[0]}`,
    });
  }
  if (doc.errors.length === 0 && isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value).toLowerCase();
      if (!wanted.includes(key)) continue;
      const line = fileLine(lineCounter, pair.key.range?.[0] ?? 0);
      if (pair.value !== null && !isScalar(pair.value)) {
        problems.push({ line, message: `${key}: expected a single value` });
        continue;
      }
      const value = pair.value?.value;
      fields.set(key, { value: value === null || value === undefined ? "" : String(value).trim(), line });
    }
  }
  return { fields, bodyStart: end + 1, problems };
}
