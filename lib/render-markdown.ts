// Markdown → HTML that is safe to put in the page. Records hold text from every member (titles,
// options, rationales, the lead's narrative), so nothing typed may become active content: raw HTML is
// shown as the text it is, and the output passes a strict allowlist before it reaches React.
import "server-only";
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/** HTML produced by renderMarkdown: the only HTML a component may insert unescaped. */
export type SafeHtml = string & { readonly __brand: "SafeHtml" };

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const markdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    // Raw HTML in the source stays visible as text instead of being passed through.
    html({ text, block }) {
      const escaped = escapeHtml(text);
      return block ? `<p>${escaped.trimEnd()}</p>\n` : escaped;
    },
    // Task lists keep their state as a character; form controls are not allowed in a record.
    checkbox({ checked }) {
      return checked ? "☑ " : "☐ ";
    },
  },
});

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;

function sanitizeOptions(headingOffset: number): sanitizeHtml.IOptions {
  const shiftHeading = (tagName: string, attribs: sanitizeHtml.Attributes) => {
    const level = Math.min(6, Number(tagName.slice(1)) + headingOffset);
    return { tagName: `h${level}`, attribs };
  };
  return {
    allowedTags: [
      ...HEADINGS,
      "p",
      "br",
      "hr",
      "blockquote",
      "pre",
      "code",
      "em",
      "strong",
      "del",
      "s",
      "sup",
      "sub",
      "kbd",
      "ul",
      "ol",
      "li",
      "a",
      "table",
      "thead",
      "tbody",
      "tr",
      "th",
      "td",
    ],
    allowedAttributes: {
      a: ["href", "title", "rel"],
      table: ["tabindex"],
      ol: ["start"],
      th: ["align"],
      td: ["align"],
      code: ["class"],
    },
    allowedClasses: { code: ["language-*"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    transformTags: {
      ...Object.fromEntries(HEADINGS.map((tag) => [tag, shiftHeading])),
      // A wide table scrolls sideways on its own (see PROSE_CLASSES): focusable, so the keyboard can
      // scroll it too. Only this tabindex survives; any typed on the table is dropped with its attributes.
      table: () => ({ tagName: "table", attribs: { tabindex: "0" } }),
      a: (_tagName, attribs) => ({
        tagName: "a",
        attribs: { ...attribs, rel: "nofollow noopener noreferrer" },
      }),
      // Records never load images (no tracking pixels, no surprises): an image becomes a link to it.
      img: (_tagName, attribs) => ({
        tagName: "a",
        attribs: { href: attribs.src ?? "", rel: "nofollow noopener noreferrer" },
        text: attribs.alt || attribs.src || "image",
      }),
    },
  };
}

/**
 * Renders Markdown for display. `headingOffset` pushes headings down (1 turns `#` into `<h2>`) so a
 * record's title sits below the page's own heading.
 */
export function renderMarkdown(source: string, options: { headingOffset?: number } = {}): SafeHtml {
  const html = markdown.parse(source.replace(/\0/g, "\uFFFD")) as string;
  return sanitizeHtml(html, sanitizeOptions(options.headingOffset ?? 0)) as SafeHtml;
}

export interface FrontMatterField {
  key: string;
  values: string[];
}

/**
 * Splits YAML front matter (`---` … `---`) from the body, reading the simple `key: value` and
 * `key:` + `- item` forms records use, so a page can show it as data instead of as Markdown.
 */
export function splitFrontMatter(source: string): { fields: FrontMatterField[]; body: string } {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trimEnd() !== "---") return { fields: [], body: source };
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end === -1) return { fields: [], body: source };
  const fields: FrontMatterField[] = [];
  for (const line of lines.slice(1, end)) {
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && fields.length > 0) {
      fields[fields.length - 1]!.values.push(yamlText(item[1]!));
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) continue;
    const value = pair[2]!.trim();
    fields.push({ key: pair[1]!, values: value === "" || value === "[]" ? [] : [yamlText(value)] });
  }
  return { fields, body: lines.slice(end + 1).join("\n") };
}

function yamlText(raw: string): string {
  const value = raw.trim();
  if (value.startsWith('"')) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return value.slice(1, value.endsWith('"') ? -1 : undefined);
    }
  }
  if (value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  return value;
}
