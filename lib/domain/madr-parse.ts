// Reads an existing decision record (MADR 4, older MADR, or adr-tools) for import.

import { readFrontMatter } from "./front-matter";
import { unescapeInline } from "./markdown-escape";
import { formatRecordNumber } from "./slug";

export interface MadrParseError {
  file: string;
  /** 1-based; problems with the file name itself are reported on line 1. */
  line: number;
  message: string;
}

export interface ParsedRecord {
  number: number;
  title: string;
  /** Normalized: "proposed" | "accepted" | "rejected" | "deprecated" | "superseded by ADR-NNNN". */
  status: string;
  /** YYYY-MM-DD, or null when the file gives no date. */
  date: string | null;
  markdown: string;
}

export type MadrParseResult = { ok: true; record: ParsedRecord } | { ok: false; errors: MadrParseError[] };

const PLAIN_STATUSES = ["proposed", "accepted", "rejected", "deprecated"];
const STATUS_HINT = `expected proposed, accepted, rejected, deprecated or "superseded by ADR-NNNN"`;

/**
 * The record status a MADR or adr-tools file states, normalized (`Superseded by [7. Foo](0007-foo.md)`
 * → `superseded by ADR-0007`), or null when it is none of the statuses Verdict knows.
 */
export function normalizeRecordStatus(raw: string): string | null {
  const status = raw.trim().replace(/\.$/, "").trim().toLowerCase();
  if (PLAIN_STATUSES.includes(status)) return status;
  const superseded = /^superseded\s+by\s+(.+)$/.exec(status);
  if (!superseded?.[1]) return null;
  const target = superseded[1];
  const number =
    /^adr[-\s]?(\d+)$/.exec(target)?.[1] ?? // ADR-0007
    /^\[\s*(?:adr[-\s]?)?(\d+)\b[^\]]*\]\([^)]*\)$/.exec(target)?.[1] ?? // [7. Title](…) or [ADR-0007](…)
    /^\[[^\]]*\]\((?:[^)]*\/)?(\d+)-[^)]*\)$/.exec(target)?.[1]; // [Title](0007-title.md)
  return number === undefined ? null : `superseded by ADR-${formatRecordNumber(Number(number))}`;
}

/** Number, title, status and date of one record file, or every problem found, each with its line. */
export function parseMadr(fileName: string, text: string): MadrParseResult {
  const file = fileName.split(/[\\/]/).pop() ?? fileName;
  const markdown = text.replace(/^\uFEFF/, "");
  const lines = markdown.split(/\r\n|\r|\n/);
  const errors: MadrParseError[] = [];
  const fail = (line: number, message: string) => errors.push({ file, line, message });

  const front = readFrontMatter(lines, ["status", "date"]);
  for (const problem of front.problems) fail(problem.line, problem.message);
  const body = scanBody(lines, front.bodyStart);
  const fileNumber = /^(\d{1,6})-.+\.md$/i.exec(file)?.[1];

  let number: number | null = fileNumber === undefined ? null : Number(fileNumber);
  let title = "";
  if (body.heading === null) {
    fail(
      body.firstContentLine,
      `missing title heading: expected "# ADR-NNNN: Title" or "# Title" after the front matter`,
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
  if (number === null) {
    fail(1, `file name "${file}" does not look like NNNN-title.md and the heading gives no ADR number`);
  }

  let status = "proposed";
  const statusField = front.fields.get("status") ?? body.status;
  if (statusField) {
    const normalized = normalizeRecordStatus(statusField.value);
    if (normalized === null) fail(statusField.line, `unknown status "${statusField.value}"; ${STATUS_HINT}`);
    else status = normalized;
  }

  let date: string | null = null;
  const dateField = front.fields.get("date") ?? body.date;
  if (dateField) {
    if (isCalendarDate(dateField.value)) date = dateField.value;
    else fail(dateField.line, `bad date "${dateField.value}"; expected a real date written YYYY-MM-DD`);
  }

  if (errors.length > 0 || number === null) {
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  }
  return { ok: true, record: { number, title, status, date, markdown } };
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
    if (line.trim() === "") continue;
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
      body.status = { value: line.trim(), line: lineNumber };
      section = "other";
    } else if (section === "preamble") {
      const meta = /^\s*(?:[-*+]\s+)?(status|date)\s*:\s*(.+)$/i.exec(line);
      const key = meta?.[1]?.toLowerCase();
      const value = meta?.[2]?.trim() ?? "";
      if (key === "status") body.status ??= { value, line: lineNumber };
      if (key === "date") body.date ??= { value, line: lineNumber };
    }
  }
  return body;
}

function stripClosingHashes(text: string): string {
  return text.replace(/(^|[ \t]+)#+[ \t]*$/, "").trim();
}

// `ADR-0007: Title` (MADR, Verdict), `7. Title` (adr-tools) or just `Title`.
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
