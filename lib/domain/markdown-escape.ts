// Escaping for user text placed in generated Markdown, and its inverse for text read back on import.

/**
 * User text placed inline (a heading, a list item, a table cell): one line, with every character that
 * could start Markdown structure escaped and `<`/`>` turned into entities so raw HTML stays inert.
 */
export function escapeInline(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]|~#]/g, "\\$&")
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

function oneLine(text: string): string {
  return text
    .replace(/\0/g, "\uFFFD")
    .replace(/[\s\u0085\u0001-\u001f\u007f]+/g, " ")
    .trim();
}

/** A Markdown link to a web address or an app path; anything else (e.g. `javascript:`) stays plain text. */
export function safeLink(text: string, url: string): string {
  const trimmed = url.trim();
  if (!/^(https?:\/\/|\/)/i.test(trimmed)) return escapeInline(trimmed) || "unknown";
  const safe = trimmed.replace(/[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/g, (ch) =>
    encodeURIComponent(ch).replace(/['()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  );
  return `[${text}](${safe})`;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0" };

// Undoes Markdown backslash escapes and the common character references, in one pass so that an
// escaped `&amp;lt;` comes back as the `&lt;` it was.
export function unescapeInline(text: string): string {
  return text
    .replace(
      /\\([!-/:-@[-`{-~])|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]+);/g,
      (whole, escaped: string | undefined, entity: string | undefined) => {
        if (escaped !== undefined) return escaped;
        if (entity === undefined) return whole;
        if (entity.startsWith("#")) {
          const code = /^#[xX]/.test(entity) ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        }
        return ENTITIES[entity] ?? whole;
      },
    )
    .trim();
}
