// Reads an existing decision record for import: MADR 4 (front matter), older MADR and log4brains
// (`* Status:` list), and Nygard/adr-tools (`# 1. Title`, `Date:`, `## Status`). What a file does not
// say stays unknown (null): the importer never invents a date or a status.

import { readFrontMatter } from "./front-matter";
import { unescapeInline } from "./markdown-escape";
import { dateInFileName, formatRecordNumber, numberInFileName } from "./slug";

export interface MadrParseError {
  file: string;
  /** 1-based; problems with the file name itself are reported on line 1. */
  line: number;
  message: string;
}

/** Another record named by a supersede link: by number (`ADR-0007`, `[7. Foo](…)`) or by file. */
export interface RecordReference {
  number: number | null;
  /** The linked file's name (`0007-foo.md`, `20201016-foo.md`), when the link gives one. */
  file: string | null;
}

export interface ParsedRecord {
  /** From the file name or the heading; null for log4brains' dated names (the importer numbers them). */
  number: number | null;
  title: string;
  /**
   * The status as the file states it: MADR's own statuses lower-cased, "superseded by ADR-NNNN" when the
   * target's number is known, anything else ("on hold", "Draft", "superseded by [x](x.md)") verbatim;
   * null when the file states none.
   */
  status: string | null;
  /** YYYY-MM-DD, or null when the file gives no usable date. */
  date: string | null;
  /** Where the date came from; log4brains' file names carry the day the record was written. */
  dateFrom: "text" | "file-name" | null;
  supersededBy: RecordReference | null;
  /** Things a reader should know that are not errors, e.g. a date that could not be read. */
  notes: string[];
  markdown: string;
}

export type MadrParseResult = { ok: true; record: ParsedRecord } | { ok: false; errors: MadrParseError[] };

const PLAIN_STATUSES = ["proposed", "accepted", "rejected", "deprecated"];

/**
 * A stated status, tidied but never replaced: MADR's statuses come back lower-case, a supersede
 * reference is resolved where it names a number, and anything else is kept as written.
 */
export function readRecordStatus(raw: string): { status: string; supersededBy: RecordReference | null } {
  const written = raw.trim().replace(/\.$/, "").trim();
  const lower = written.toLowerCase();
  if (PLAIN_STATUSES.includes(lower)) return { status: lower, supersededBy: null };
  const superseded = /^superseded\s+by\s+(.+)$/i.exec(written);
  if (!superseded?.[1]) return { status: written, supersededBy: null };
  const reference = readReference(superseded[1]);
  if (reference === null) return { status: written, supersededBy: null };
  return {
    status:
      reference.number === null ? written : `superseded by ADR-${formatRecordNumber(reference.number)}`,
    supersededBy: reference,
  };
}

/**
 * The record status a file states, normalized (`Superseded by [7. Foo](0007-foo.md)` →
 * `superseded by ADR-0007`), or null when it is none of MADR's statuses.
 */
export function normalizeRecordStatus(raw: string): string | null {
  const { status, supersededBy } = readRecordStatus(raw);
  if (PLAIN_STATUSES.includes(status)) return status;
  return supersededBy?.number !== null && supersededBy !== null ? status : null;
}

// `ADR-0007`, `[7. Title](0007-title.md)`, `[ADR-0007](…)`, `[Title](0007-title.md)`, `[slug](20201016-slug.md)`.
function readReference(target: string): RecordReference | null {
  const bare = /^adr[-\s]?(\d+)$/i.exec(target)?.[1];
  if (bare !== undefined) return { number: Number(bare), file: null };
  const link = /^\[([^\]]*)\]\(([^)\s]*)\)$/.exec(target);
  if (!link) return null;
  const file = decodeURIComponent(link[2]!.split(/[?#]/)[0]!.split("/").pop() ?? "") || null;
  const fromText = /^\s*(?:adr[-\s]?)?(\d+)\b/i.exec(link[1]!)?.[1];
  const fromFile = file !== null && dateInFileName(file) === null ? numberInFileName(file) : null;
  const number = fromText !== undefined && !/^\d{8}$/.test(fromText) ? Number(fromText) : fromFile;
  return { number, file };
}

/** Number, title, status and date of one record file, or every problem found, each with its line. */
export function parseMadr(fileName: string, text: string): MadrParseResult {
  const file = fileName.split(/[\\/]/).pop() ?? fileName;
  const markdown = text.replace(/^\uFEFF/, "");
  const lines = markdown.split(/\r\n|\r|\n/);
  const errors: MadrParseError[] = [];
  const notes: string[] = [];
  const fail = (line: number, message: string) => errors.push({ file, line, message });

  const front = readFrontMatter(lines, ["status", "date"]);
  for (const problem of front.problems) fail(problem.line, problem.message);
  const body = scanBody(lines, front.bodyStart);
  const fileDate = dateInFileName(file);
  let number: number | null = fileDate === null ? numberInFileName(file) : null;

  let title = "";
  if (body.heading === null) {
    fail(
      body.firstContentLine,
      `missing title heading: expected "# Title" (or "# 7. Title", "# ADR-0007: Title") after the front matter`,
    );
  } else {
    const heading = splitHeading(body.heading.text);
    title = heading.title;
    if (title === "") fail(body.heading.line, "the title heading has no title");
    if (heading.number !== null) {
      if (number !== null && number !== heading.number) {
        fail(
          body.heading.line,
          `the heading says ADR-${formatRecordNumber(heading.number)} but the file name says ` +
            `${formatRecordNumber(number)}`,
        );
      }
      number ??= heading.number;
    }
  }
  if (number === null && fileDate === null) {
    fail(
      1,
      `file name "${file}" looks like neither NNNN-title.md nor YYYYMMDD-title.md, and the heading gives no number`,
    );
  }

  let status: string | null = null;
  let supersededBy: RecordReference | null = null;
  const statusField = front.fields.get("status") ?? body.status;
  if (statusField && statusField.value !== "") {
    ({ status, supersededBy } = readRecordStatus(statusField.value));
  }

  let date: string | null = null;
  let dateFrom: ParsedRecord["dateFrom"] = null;
  const dateField = front.fields.get("date") ?? body.date;
  if (dateField && isCalendarDate(dateField.value)) {
    date = dateField.value;
    dateFrom = "text";
  } else {
    if (dateField) notes.push(`line ${dateField.line}: "${dateField.value}" is not a YYYY-MM-DD date, so the date is unknown`);
    if (fileDate !== null) {
      date = fileDate;
      dateFrom = "file-name";
    }
  }

  if (errors.length > 0) {
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  }
  return { ok: true, record: { number, title, status, date, dateFrom, supersededBy, notes, markdown } };
}

interface Field {
  value: string;
  line: number;
}

interface Body {
  heading: { text: string; line: number } | null;
  firstContentLine: number;
  status: Field | null;
  date: Field | null;
}

// The first level-1 heading outside code fences, plus the metadata older formats keep in the text:
// `Date: …` / `* Status: …` lines before the first section, or adr-tools' `## Status` section.
function scanBody(lines: string[], start: number): Body {
  const body: Body = { heading: null, firstContentLine: start + 1, status: null, date: null };
  let fence: string | null = null;
  let sawContent = false;
  let section: "preamble" | "status" | "other" = "preamble";
  for (let index = start; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const lineNumber = index + 1;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1] ?? null;
    if (fence !== null) {
      if (marker !== null && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (marker !== null) {
      fence = marker;
      continue;
    }
    if (line.trim() === "" || /^\s*<!--.*-->\s*$/.test(line)) continue;
    if (!sawContent) {
      body.firstContentLine = lineNumber;
      sawContent = true;
    }
    const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/.exec(line);
    if (heading?.[1]) {
      if (heading[1].length === 1 && body.heading === null) {
        body.heading = { text: heading[2] ?? "", line: lineNumber };
        continue;
      }
      if (body.heading !== null) {
        section = /^status$/i.test(stripClosingHashes(heading[2] ?? "")) ? "status" : "other";
      }
      continue;
    }
    if (body.heading === null) continue;
    if (section === "status" && body.status === null) {
      body.status = { value: withoutComment(line), line: lineNumber };
      section = "other";
    } else if (section === "preamble") {
      const meta = /^\s*(?:[-*+]\s+)?(status|date)\s*:\s*(.+)$/i.exec(line);
      const key = meta?.[1]?.toLowerCase();
      const value = withoutComment(meta?.[2] ?? "");
      if (key === "status") body.status ??= { value, line: lineNumber };
      if (key === "date") body.date ??= { value, line: lineNumber };
    }
  }
  return body;
}

// log4brains' template ends its list lines with `<!-- optional -->`.
function withoutComment(text: string): string {
  return text.replace(/<!--.*?-->/g, "").trim();
}

function stripClosingHashes(text: string): string {
  return text.replace(/(^|[ \t]+)#+[ \t]*$/, "").trim();
}

// `ADR-0007: Title` (older Verdict), `7. Title` (adr-tools) or just `Title` (MADR 4).
function splitHeading(raw: string): { number: number | null; title: string } {
  const text = stripClosingHashes(raw);
  const match = /^ADR[-\s]?(\d+)\s*(?:[:.]|\s[-–—])?\s*(.*)$/i.exec(text) ?? /^(\d+)\.\s+(.*)$/.exec(text);
  if (match?.[1]) return { number: Number(match[1]), title: unescapeInline(match[2] ?? "") };
  return { number: null, title: unescapeInline(text) };
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return daysInMonth !== undefined && day >= 1 && day <= daysInMonth;
}

/** Files in an ADR folder that are not records: the folder's index and the templates. */
export function nonRecordReason(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  if (lower === "index.md" || lower === "readme.md") return "the folder's index, not a record";
  if (/(^|[-_.])template([-_.]|\.md$)/.test(lower)) return "a template, not a record";
  if (!lower.endsWith(".md")) return "not a Markdown file";
  if (numberInFileName(fileName) === null && dateInFileName(fileName) === null) return "not named NNNN-title.md or YYYYMMDD-title.md";
  return null;
}
