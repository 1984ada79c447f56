// ADR numbers are handed out when a record is created (at close or import), never when a decision is
// drafted, so a draft cannot hold the number the repository's next `adr new` would take.
import "server-only";
import type { Tx } from "../../db";

/** The project's next ADR number, taken for good; the caller's transaction holds the project row. */
export async function takeRecordNumber(tx: Tx, projectId: string): Promise<number> {
  const project = await tx.project.update({
    where: { id: projectId },
    data: { nextRecordNumber: { increment: 1 } },
    select: { nextRecordNumber: true },
  });
  return project.nextRecordNumber - 1;
}

/** Keeps the next number above one an import or the connected repository already holds. */
export async function reserveRecordNumbersUpTo(tx: Tx, projectId: string, highest: number): Promise<void> {
  await tx.project.updateMany({
    where: { id: projectId, nextRecordNumber: { lte: highest } },
    data: { nextRecordNumber: highest + 1 },
  });
}
