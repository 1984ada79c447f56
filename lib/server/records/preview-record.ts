// What a proposed record would look like with a lead's unsaved edits: nothing is written.
import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { renderMarkdown, splitFrontMatter, type SafeHtml } from "../../render-markdown";
import { narrativePatchSchema, NARRATIVE_FIELDS } from "../../schemas/record";
import type { Actor } from "../actor";
import { loadDecision } from "../decisions/load";
import { parseInput } from "../parse-input";
import { gatherEvidence } from "./evidence";
import { publicNarrative } from "./narrative";
import { currentVersion, renderGenerated } from "./versions";

export async function previewRecord(
  actor: Actor,
  decisionId: string,
  raw: unknown,
): Promise<{ markdown: string; html: SafeHtml }> {
  await loadDecision(decisionId, actor.userId);
  const patch = parseInput(narrativePatchSchema, raw);
  const db = getDb();
  const record = await db.decisionRecord.findUnique({
    where: { decisionId },
    select: { id: true, status: true, historical: true },
  });
  if (!record)
    throw new AppError(
      "conflict",
      "This decision has no record yet: the record is written when its vote closes.",
    );
  const current = await currentVersion(db, record.id);
  let markdown = current.markdown;
  if (!record.historical) {
    const narrative = publicNarrative(current.stored);
    for (const field of NARRATIVE_FIELDS) {
      const value = patch[field];
      if (value !== undefined) narrative[field] = value;
    }
    if (patch.chosenOptionId !== undefined) narrative.chosenOptionId = patch.chosenOptionId;
    markdown = await renderGenerated(
      db,
      record.id,
      await gatherEvidence(db, decisionId),
      record.status,
      narrative,
    );
  }
  return { markdown, html: renderMarkdown(splitFrontMatter(markdown).body, { headingOffset: 1 }) };
}
