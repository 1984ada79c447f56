// The same record written for the tools teams read ADRs with: MADR 4 as stored (the default), a
// log4brains variant (`- Status:` list, links section) and an adr-tools/Nygard variant (`# 7. Title`,
// `Date:`, `## Status` with "Supersedes [2. Title](0002-title.md)" lines that `adr generate graph` reads).
// Pure text in, text out, so generated and imported records convert alike.

import { readFrontMatter } from "./front-matter";
import { escapeInline } from "./markdown-escape";
import type { RecordLink } from "./record";
import { formatRecordNumber } from "./slug";

export const RECORD_FORMATS = ["madr", "log4brains", "nygard"] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/** What the variants state about a record besides its body; links carry the linked record's title. */
export interface RecordFacts {
  number: number;
  title: string;
  /** null when the record never stated one: the variants then say nothing rather than guess. */
  status: string | null;
  date: string | null;
  deciders: string[];
  fileName: string;
  supersedes: LinkedRecord[];
  supersededBy: LinkedRecord | null;
}

export interface LinkedRecord extends RecordLink {
  number: number;
  title: string;
}

/** The record's text in the chosen format; MADR is the stored text, unchanged byte for byte. */
export function formatRecord(markdown: string, facts: RecordFacts, format: RecordFormat): string {
  if (format === "madr") return markdown;
  const body = recordBody(markdown);
  return format === "log4brains" ? log4brains(body, facts) : nygard(body, facts);
}

/** The deciders a record names (MADR 4 front matter, or a `- Deciders:` line), for the variants that list them. */
export function decisionMakersOf(markdown: string): string[] {
  const lines = markdown.split(/\r\n|\r|\n/);
  if (lines[0]?.trimEnd() !== "---") {
    const end = lines.findIndex((line) => /^#{2,6}\s/.test(line));
    const listed = lines
      .slice(0, end === -1 ? lines.length : end)
      .map((line) => /^\s*(?:[-*+]\s+)?deciders\s*:\s*(.+)$/i.exec(line)?.[1])
      .find((value) => value !== undefined);
    return (listed ?? "")
      .replace(/<!--.*?-->/g, "")
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "");
  }
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  const names: string[] = [];
  let inList = false;
  for (const line of lines.slice(1, end)) {
    if (/^decision-makers\s*:\s*$/i.test(line)) inList = true;
    else if (/^\S/.test(line)) inList = false;
    else if (inList) {
      const item = /^\s*-\s*(.*)$/.exec(line)?.[1]?.trim();
      if (item) names.push(item.replace(/^"(.*)"$/, (_, inner: string) => JSON.parse(`"${inner}"`) as string));
    }
  }
  return names;
}

function log4brains(body: string[], facts: RecordFacts): string {
  const status =
    facts.supersededBy !== null
      ? `superseded by [${slugOf(facts.supersededBy)}](${href(facts.supersededBy)})`
      : facts.status;
  const meta = [
    ...(status ? [`- Status: ${status}`] : []),
    ...(facts.deciders.length > 0 ? [`- Deciders: ${facts.deciders.map(escapeInline).join(", ")}`] : []),
    ...(facts.date ? [`- Date: ${facts.date}`] : []),
  ];
  const links = facts.supersedes.map((link) => `- Supersedes [${slugOf(link)}](${href(link)})`);
  return join([
    `# ${escapeInline(facts.title) || "Untitled decision"}`,
    meta.join("\n"),
    ...body,
    ...(links.length > 0 ? ["## Links", links.join("\n")] : []),
  ]);
}

function nygard(body: string[], facts: RecordFacts): string {
  const status = facts.supersededBy
    ? `Superseded by ${nygardLink(facts.supersededBy)}`
    : facts.status
      ? facts.status.charAt(0).toUpperCase() + facts.status.slice(1)
      : "Unknown";
  const links = facts.supersedes.map((link) => `Supersedes ${nygardLink(link)}`);
  return join([
    `# ${facts.number}. ${escapeInline(facts.title) || "Untitled decision"}`,
    `Date: ${facts.date ?? "unknown"}`,
    "## Status",
    status,
    ...(links.length > 0 ? [links.join("\n\n")] : []),
    ...body.map((block) => block.replace(NYGARD_HEADINGS, (_, hashes: string, name: string) => `${hashes} ${NYGARD_NAMES[name.toLowerCase()] ?? name}`)),
  ]);
}

const NYGARD_HEADINGS = /^(#{2,3}) (Context and Problem Statement|Decision Outcome|Consequences)$/gim;
const NYGARD_NAMES: Record<string, string> = {
  "context and problem statement": "Context",
  "decision outcome": "Decision",
  consequences: "Consequences",
};

function nygardLink(link: LinkedRecord): string {
  return `[${link.number}. ${escapeInline(link.title)}](${href(link)})`;
}

function slugOf(link: LinkedRecord): string {
  return (link.fileName ?? `${formatRecordNumber(link.number)}`).replace(/\.md$/i, "");
}

function href(link: LinkedRecord): string {
  return encodeURI(link.fileName ?? `${formatRecordNumber(link.number)}.md`);
}

function join(blocks: string[]): string {
  return blocks.filter((block) => block.trim() !== "").join("\n\n") + "\n";
}

// Lines that state metadata or supersede links in one of the formats; each variant writes its own.
const META_LINE = /^\s*(?:[-*+]\s+)?(?:status|date|deciders|decision-makers|tags)\s*:/i;
const LINK_LINE = /^(?:[-*+]\s+)?(?:Supersedes|Superseded by)\s+(?:ADR-\d{4,}|\[[^\]]*\]\([^)]*\))\.?\s*$/;

/**
 * The record's sections after its title, as blocks separated by blank lines: the front matter, the
 * heading, metadata lines before the first section, a `## Status` section and supersede link lines
 * are left out, since every format states those its own way.
 */
export function recordBody(markdown: string): string[] {
  const lines = markdown.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const start = readFrontMatter(lines, []).bodyStart;
  const out: string[] = [];
  let seenTitle = false;
  let seenSection = false;
  let skipping = false;
  let fence = false;
  for (const line of lines.slice(start)) {
    if (/^ {0,3}(`{3,}|~{3,})/.test(line)) fence = !fence;
    if (!fence) {
      if (!seenTitle) {
        if (/^#\s/.test(line)) seenTitle = true;
        continue;
      }
      const heading = /^(#{2,6})\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading) {
        seenSection = true;
        skipping = /^(status|links)$/i.test(heading[2] ?? "");
        if (skipping) continue;
      }
      if (skipping) continue;
      if (!seenSection && META_LINE.test(line)) continue;
      if (LINK_LINE.test(line)) continue;
    }
    out.push(line);
  }
  return out
    .join("\n")
    .split(/\n{2,}/)
    .map((block) => block.replace(/^\n+|\s+$/g, ""))
    .filter((block) => block !== "");
}

/** `index.md`: a table of contents linking every record, newest number last. */
export function recordsIndex(
  projectName: string,
  records: { number: number; title: string; status: string | null; date: string | null; fileName: string }[],
): string {
  const rows = records.map(
    (r) =>
      `| [ADR-${formatRecordNumber(r.number)}](${encodeURI(r.fileName)}) | ${escapeInline(r.title) || "Untitled decision"} | ` +
      `${escapeInline(r.status ?? "unknown")} | ${r.date ?? "unknown"} |`,
  );
  return join([
    `# Decision records of ${escapeInline(projectName) || "this project"}`,
    rows.length === 0
      ? "_No records yet._"
      : ["| Record | Title | Status | Date |", "| --- | --- | --- | --- |", ...rows].join("\n"),
  ]);
}

const EVIDENCE_START = "Result of the vote, ranked by weighted total:";
const EVIDENCE_END = /^Audit chain head hash at close:/;

/**
 * Moves a generated record's evidence (result table, participation, agreement, disputed cells,
 * sensitivity) to an appendix file, leaving a link, so the record itself reads as an argument.
 * Null for a record without that block (an imported one).
 */
export function splitEvidence(
  markdown: string,
  appendixHref: string,
  title: string,
): { record: string; appendix: string } | null {
  const lines = markdown.split("\n");
  const start = lines.indexOf(EVIDENCE_START);
  const end = lines.findIndex((line, index) => index > start && EVIDENCE_END.test(line));
  if (start === -1 || end === -1) return null;
  const moved = lines.slice(start, end).join("\n").trim();
  const record = [
    ...lines.slice(0, start),
    `The vote's evidence (result table, participation, agreement, disputed cells and sensitivity) is in ` +
      `[its appendix](${encodeURI(appendixHref)}).`,
    "",
    ...lines.slice(end),
  ].join("\n");
  const appendix = `# Evidence: ${escapeInline(title) || "Untitled decision"}\n\n${moved}\n`;
  return { record, appendix };
}
