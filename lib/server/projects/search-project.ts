// One search over a project's decisions and their records: titles, context, options, criteria and the
// record's current text. ILIKE behaves the same on PGlite and PostgreSQL; the project filter is in
// the query itself, so another project's rows cannot match.
import "server-only";
import { getDb } from "../../db";
import {
  projectSearchQuerySchema,
  type SearchField,
  type SearchHit,
  type SearchResponse,
} from "../../schemas/search";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { decisionKey } from "../decisions/shape";
import { parseInput } from "../parse-input";

const LIMIT = 50;
/** A record's YAML front matter (status, date, decision-makers) is metadata, not text to search. */
const FRONT_MATTER = "^---\n.*?\n---\n";

interface Row {
  id: string;
  number: number;
  title: string;
  context: string;
  status: SearchHit["status"];
  recordStatus: string | null;
  optionText: string | null;
  criterionText: string | null;
  recordText: string | null;
}

export async function searchProject(
  actor: Actor,
  projectId: string,
  rawQuery: unknown,
): Promise<SearchResponse> {
  await requirePermission(projectId, actor.userId, "project.read");
  const { q } = parseInput(projectSearchQuerySchema, rawQuery);
  // The user's % and _ are searched for literally (ILIKE escapes with a backslash by default).
  const pattern = `%${q.replace(/[\\%_]/g, "\\$&")}%`;
  // Matching option and criterion texts come back joined, so the excerpt can quote the one that hit.
  const rows = await getDb().$queryRaw<Row[]>`
    WITH latest AS (
      SELECT DISTINCT ON (v."recordId") v."recordId", regexp_replace(v.markdown, ${FRONT_MATTER}, '') AS markdown
      FROM "RecordVersion" v
      JOIN "DecisionRecord" r ON r.id = v."recordId"
      JOIN "Decision" d ON d.id = r."decisionId"
      WHERE d."projectId" = ${projectId}
      ORDER BY v."recordId", v.version DESC
    ), hits AS (
      SELECT d.id, d.number, d.title, d.context, d.status::text AS status, r.status AS "recordStatus",
        (SELECT string_agg(o.name || ': ' || o.description, E'\n' ORDER BY o.position) FROM "Option" o
          WHERE o."decisionId" = d.id AND (o.name ILIKE ${pattern} OR o.description ILIKE ${pattern})) AS "optionText",
        (SELECT string_agg(c.name || ': ' || c.description, E'\n' ORDER BY c.position) FROM "Criterion" c
          WHERE c."decisionId" = d.id AND (c.name ILIKE ${pattern} OR c.description ILIKE ${pattern})) AS "criterionText",
        CASE WHEN latest.markdown ILIKE ${pattern} THEN latest.markdown END AS "recordText"
      FROM "Decision" d
      LEFT JOIN "DecisionRecord" r ON r."decisionId" = d.id
      LEFT JOIN latest ON latest."recordId" = r.id
      WHERE d."projectId" = ${projectId}
    )
    SELECT * FROM hits
    WHERE title ILIKE ${pattern} OR context ILIKE ${pattern}
      OR "optionText" IS NOT NULL OR "criterionText" IS NOT NULL OR "recordText" IS NOT NULL
    ORDER BY (title ILIKE ${pattern}) DESC, number DESC
    LIMIT ${LIMIT + 1}`;

  const needle = q.toLowerCase();
  const contains = (text: string | null) => text !== null && text.toLowerCase().includes(needle);
  const hits = rows.slice(0, LIMIT).map((row): SearchHit => {
    const fields: [SearchField, string | null][] = [
      ["title", row.title],
      ["context", row.context],
      ["option", row.optionText],
      ["criterion", row.criterionText],
      ["record", row.recordText],
    ];
    const matched = fields.filter(([, text]) => contains(text));
    const firstBeyondTitle = matched.find(([field]) => field !== "title");
    return {
      decisionId: row.id,
      key: decisionKey(row.number),
      title: row.title,
      status: row.status,
      recordStatus: row.recordStatus,
      matchedIn: matched.map(([field]) => field),
      excerpt: firstBeyondTitle ? excerpt(firstBeyondTitle[1]!, needle) : null,
    };
  });
  return { query: q, hits, truncated: rows.length > LIMIT };
}

// About a line of text around the first hit, so a result says why it matched.
function excerpt(text: string, needle: string): string | null {
  const at = text.toLowerCase().indexOf(needle);
  if (at === -1) return null;
  const start = Math.max(0, at - 70);
  const end = Math.min(text.length, at + needle.length + 70);
  const line = text.slice(start, end).replace(/\s+/g, " ").trim();
  return `${start > 0 ? "…" : ""}${line}${end < text.length ? "…" : ""}`;
}
