// A project's records as a `docs/decisions/` folder in a zip, ready to commit next to the code.
import "server-only";
import JSZip from "jszip";
import { getDb } from "../../db";
import { recordFileName, slugify } from "../../domain/slug";
import type { Actor } from "../actor";
import { requirePermission } from "../access";

export const RECORDS_FOLDER = "docs/decisions";

export async function exportRecordsZip(actor: Actor, projectId: string) {
  await requirePermission(projectId, actor.userId, "project.read");
  const db = getDb();
  const [project, records] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } }),
    db.decisionRecord.findMany({
      where: { decision: { projectId } },
      orderBy: { decision: { number: "asc" } },
      select: {
        decision: { select: { number: true, title: true, closedAt: true } },
        versions: { orderBy: { version: "desc" }, take: 1, select: { markdown: true } },
      },
    }),
  ]);
  const zip = new JSZip();
  const folder = zip.folder(RECORDS_FOLDER)!;
  for (const record of records) {
    const markdown = record.versions[0]?.markdown;
    if (markdown === undefined) continue;
    folder.file(recordFileName(record.decision.number, record.decision.title), markdown, {
      date: record.decision.closedAt ?? undefined,
    });
  }
  const data = await zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  return { fileName: `${slugify(project.name)}-decision-records.zip`, data, count: records.length };
}
