// Reads for the record pages (not server actions): the caller and a record of this project.
import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { getRecord } from "@/lib/server/records/get-record";
import { requireActor } from "../../../_lib/session";

export const recordsPath = (projectId: string) => `/projects/${projectId}/records`;
export const recordPath = (projectId: string, decisionId: string) =>
  `${recordsPath(projectId)}/${decisionId}`;

/** Turns the server layer's not_found (and "no record yet") into the 404 page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "conflict")) notFound();
    throw error;
  }
}

/**
 * The signed-in caller and the record of a decision in this project. Unknown ids, decisions without a
 * record, records of other projects and projects the caller is not in all get the same 404 page.
 */
export const loadRecordPage = cache(async (projectId: string, decisionId: string, callbackPath: string) => {
  const actor = await requireActor(callbackPath);
  const record = await orNotFound(getRecord(actor, decisionId));
  if (record.projectId !== projectId) notFound();
  return { actor, record };
});
