// The project's record index: filter by status, search titles and the current text of each record.
import "server-only";
import { getDb } from "../../db";
import { recordFileName, recordKey } from "../../domain/slug";
import { recordIndexQuerySchema } from "../../schemas/record";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { parseInput } from "../parse-input";
import { isoDate } from "./evidence";
import { reviewDue } from "./review-state";

export interface RecordLink {
  decisionId: string;
  key: string;
}

export async function listRecords(actor: Actor, projectId: string, rawQuery: unknown = {}) {
  await requirePermission(projectId, actor.userId, "project.read");
  const query = parseInput(recordIndexQuerySchema, rawQuery);
  const db = getDb();
  const q = query.q ?? "";

  let matching: string[] | undefined;
  if (q !== "") {
    // ILIKE escapes with a backslash by default; the user's % and _ are searched for literally.
    const pattern = `%${q.replace(/[\\%_]/g, "\\$&")}%`;
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM "DecisionRecord" r
      JOIN "Decision" d ON d.id = r."decisionId"
      WHERE d."projectId" = ${projectId}
        AND (COALESCE(r.title, d.title) ILIKE ${pattern}
          OR (SELECT v.markdown FROM "RecordVersion" v WHERE v."recordId" = r.id ORDER BY v.version DESC LIMIT 1) ILIKE ${pattern})`;
    matching = rows.map((row) => row.id);
  }

  const [records, all] = await Promise.all([
    db.decisionRecord.findMany({
      where: {
        projectId,
        ...(matching ? { id: { in: matching } } : {}),
        ...(query.status === "superseded"
          ? { status: { startsWith: "superseded by" } }
          : query.status
            ? { status: query.status }
            : {}),
      },
      select: {
        id: true,
        status: true,
        historical: true,
        chosenOptionId: true,
        supersededById: true,
        supersedesId: true,
        number: true,
        title: true,
        fileName: true,
        updatedAt: true,
        reviewBy: true,
        decision: {
          select: {
            id: true,
            number: true,
            title: true,
            closedAt: true,
            options: { select: { id: true, name: true } },
          },
        },
        versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, markdown: true } },
      },
      orderBy: { number: "desc" },
    }),
    // Every record of the project, so a chain shows even when a filter hides one of its ends.
    db.decisionRecord.findMany({
      where: { projectId },
      select: { id: true, number: true, supersededById: true, decision: { select: { id: true } } },
    }),
  ]);

  const linkOf = new Map<string, RecordLink>(
    all.map((r) => [r.id, { decisionId: r.decision.id, key: recordKey(r.number) }]),
  );
  return records.map((record) => {
    const markdown = record.versions[0]?.markdown ?? "";
    const option = record.decision.options.find((o) => o.id === record.chosenOptionId);
    const chosenName = option?.name ?? (record.historical ? chosenFromMarkdown(markdown) : null);
    return {
      id: record.id,
      decisionId: record.decision.id,
      number: record.number,
      key: recordKey(record.number),
      decisionNumber: record.decision.number,
      title: record.title ?? record.decision.title,
      status: record.status,
      historical: record.historical,
      date: record.decision.closedAt ? isoDate(record.decision.closedAt) : null,
      chosenOption: chosenName === null ? null : { id: option?.id ?? null, name: chosenName },
      supersedes: all
        .filter((r) => r.supersededById === record.id)
        .sort((a, b) => a.number - b.number)
        .map((r) => linkOf.get(r.id)!),
      supersededBy: record.supersededById ? (linkOf.get(record.supersededById) ?? null) : null,
      /** A proposed record's pending supersede, which takes effect when it is accepted. */
      willSupersede:
        record.status === "proposed" && record.supersedesId && !all.find((r) => r.id === record.supersedesId)?.supersededById
          ? (linkOf.get(record.supersedesId) ?? null)
          : null,
      version: record.versions[0]?.version ?? 0,
      reviewBy: record.reviewBy ? isoDate(record.reviewBy) : null,
      reviewDue: reviewDue(record),
      updatedAt: record.updatedAt,
      fileName: record.fileName ?? recordFileName(record.number, record.title ?? record.decision.title),
      excerpt: q === "" ? null : excerpt(markdown, q),
    };
  });
}

export type RecordIndexItem = Awaited<ReturnType<typeof listRecords>>[number];

// Imported records have no options in Verdict; their text says what was chosen (MADR's own wording).
function chosenFromMarkdown(markdown: string): string | null {
  const line = /^[ \t]*Chosen option:[ \t]*(.+)$/im.exec(markdown)?.[1];
  if (!line) return null;
  const quoted = /^["“]([^"”]+)["”]/.exec(line)?.[1] ?? /^\*\*([^*]+)\*\*/.exec(line)?.[1];
  const name = (quoted ?? line.split(/,\s*because\b/i)[0] ?? "").replace(/[\\*_`]/g, "").trim();
  return name === "" ? null : name.slice(0, 120);
}

// A line of context around the first hit, so the index shows why a record matched.
function excerpt(markdown: string, q: string): string | null {
  const at = markdown.toLowerCase().indexOf(q.toLowerCase());
  if (at === -1) return null;
  const start = Math.max(0, at - 60);
  const end = Math.min(markdown.length, at + q.length + 60);
  const text = markdown.slice(start, end).replace(/\s+/g, " ").trim();
  return `${start > 0 ? "…" : ""}${text}${end < markdown.length ? "…" : ""}`;
}
