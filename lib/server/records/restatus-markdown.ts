// Rewrites only a record's status line and its supersede links, leaving every other line as it was:
// an accepted record's text never changes, but its status may (PRODUCT.md, record lifecycle).
// Pure text in, text out, so it works on generated records and on imported files alike.

import { supersedeLines } from "../../domain/record";
import type { RecordLinks } from "./evidence";

// Exactly the lines generateRecord writes at the end of More Information (plain keys in older versions).
const LINK_LINE = /^(?:Supersedes|Superseded by) (?:ADR-\d{4,}|\[ADR-\d{4,}\]\([^)\s]*\))\.$/;

export function restatusMarkdown(markdown: string, status: string, links: RecordLinks): string {
  const eol = markdown.includes("\r\n") ? "\r\n" : "\n";
  const lines = withStatus(markdown.split(/\r?\n/), status).filter((line) => !LINK_LINE.test(line));
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  const linkLines = supersedeLines(links.supersedes, links.supersededBy);
  if (linkLines.length > 0) lines.push("", ...linkLines);
  return lines.join(eol) + eol;
}

function withStatus(lines: string[], status: string): string[] {
  const out = [...lines];
  // 1. YAML front matter (MADR 4, Verdict).
  if (out[0]?.trimEnd() === "---") {
    const end = out.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (end > 0) {
      const at = out.slice(1, end).findIndex((line) => /^status\s*:/i.test(line));
      if (at >= 0) out[at + 1] = `status: ${JSON.stringify(status)}`;
      else out.splice(1, 0, `status: ${JSON.stringify(status)}`);
      return out;
    }
  }
  const firstSection = out.findIndex((line) => /^ {0,3}#{2,6}\s/.test(line));
  // 2. adr-tools: the first line of text under a "## Status" heading.
  const heading = out.findIndex((line) => /^ {0,3}#{2,6}\s+status\s*#*\s*$/i.test(line));
  if (heading >= 0) {
    let at = heading + 1;
    while (at < out.length && out[at]!.trim() === "") at++;
    const sentence = status.charAt(0).toUpperCase() + status.slice(1);
    if (at < out.length && !/^ {0,3}#/.test(out[at]!)) out[at] = sentence;
    else out.splice(heading + 1, 0, "", sentence);
    return out;
  }
  // 3. Older MADR: a "* Status: …" line before the first section.
  const limit = firstSection === -1 ? out.length : firstSection;
  for (let index = 0; index < limit; index++) {
    const match = /^(\s*(?:[-*+]\s+)?status\s*:\s*)(.*)$/i.exec(out[index]!);
    if (match) {
      out[index] = `${match[1]}${status}`;
      return out;
    }
  }
  // 4. Nothing to rewrite: give the file front matter.
  return ["---", `status: ${JSON.stringify(status)}`, "---", ...out];
}
