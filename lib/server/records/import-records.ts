// Imports existing records (MADR, adr-tools, a Verdict export) from a zip as historical records
// that keep their numbers. All or nothing: one bad file and nothing is imported.
import "server-only";
import JSZip from "jszip";
import { getDb } from "../../db";
import { parseMadr, type MadrParseError, type ParsedRecord } from "../../domain/madr-parse";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { requirePermission, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { decisionKey } from "../decisions/shape";
import { emptyTexts, type StoredNarrative } from "./narrative";

const MAX_UPLOAD_BYTES = 5_000_000;
const MAX_FILES = 500;
const MAX_FILE_BYTES = 1_000_000;
const MAX_TOTAL_BYTES = 20_000_000;
const MAX_TITLE = 200;

const ZIP_TYPES = ["application/zip", "application/x-zip-compressed", "application/octet-stream"];

interface RecordFile {
  /** Path inside the zip, as the errors name it. */
  path: string;
  parsed: ParsedRecord;
}

/** The uploaded zip: multipart form field `file`, or the raw request body as `application/zip`. */
async function readZipUpload(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_BYTES) throw tooLarge();
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  let bytes: Uint8Array;
  if (type === "multipart/form-data") {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new AppError("bad_request", "The multipart form could not be read.");
    }
    const file = form.get("file");
    if (!file || typeof file === "string") {
      throw new AppError("bad_request", "Attach the zip as the form field `file`.");
    }
    bytes = new Uint8Array(await file.arrayBuffer());
  } else if (ZIP_TYPES.includes(type)) {
    bytes = new Uint8Array(await request.arrayBuffer());
  } else {
    throw new AppError(
      "bad_request",
      "Send a zip: a multipart form with the field `file`, or an application/zip body.",
    );
  }
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw tooLarge();
  if (bytes.byteLength === 0) throw new AppError("bad_request", "The upload is empty.");
  return bytes;
}

function tooLarge() {
  return new AppError(
    "bad_request",
    `The upload is larger than ${MAX_UPLOAD_BYTES / 1_000_000} MB; split it into smaller zips.`,
  );
}

export async function importRecords(actor: Actor, projectId: string, upload: Request | Uint8Array) {
  await requirePermission(projectId, actor.userId, "record.manage");
  const bytes = upload instanceof Uint8Array ? upload : await readZipUpload(upload);
  const { files, skipped } = await readRecordFiles(bytes);

  return getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "record.manage");
    // The project row lock orders this import against decisions being created at the same time.
    const [project] = await tx.$queryRaw<{ nextDecisionNumber: number }[]>`
      SELECT "nextDecisionNumber" FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
    const numbers = files.map((f) => f.parsed.number);
    const taken = await tx.decision.findMany({
      where: { projectId, number: { in: numbers } },
      select: { number: true },
    });
    if (taken.length > 0) {
      const used = new Set(taken.map((d) => d.number));
      const conflicts = files
        .filter((f) => used.has(f.parsed.number))
        .map((f) => ({ file: f.path, number: f.parsed.number }));
      throw new AppError(
        "conflict",
        `${conflicts.map((c) => `${c.file} (${decisionKey(c.number)})`).join(", ")}: ` +
          `${conflicts.length === 1 ? "this number is" : "these numbers are"} already used in this project. Nothing was imported.`,
        { conflicts },
      );
    }

    const created = new Map<number, { recordId: string; decisionId: string; file: RecordFile }>();
    for (const file of files) {
      const { parsed } = file;
      const closedAt = parsed.date ? new Date(`${parsed.date}T00:00:00.000Z`) : new Date();
      const narrative: StoredNarrative = { ...emptyTexts(), chosenOptionId: null, basis: null };
      const decision = await tx.decision.create({
        data: {
          projectId,
          number: parsed.number,
          title: parsed.title,
          status: "CLOSED",
          createdById: actor.userId,
          closedAt,
          closedById: actor.userId,
          record: {
            create: {
              status: parsed.status,
              historical: true,
              versions: {
                create: {
                  version: 1,
                  markdown: parsed.markdown,
                  narrative: JSON.parse(JSON.stringify(narrative)) as object,
                  authorId: actor.userId,
                  note: `Imported from ${file.path}.`,
                },
              },
            },
          },
        },
        select: { id: true, record: { select: { id: true } } },
      });
      created.set(parsed.number, { recordId: decision.record!.id, decisionId: decision.id, file });
    }

    // "superseded by ADR-0007" links to ADR-0007's record, imported now or already in the project.
    const links: { old: string; by: string }[] = [];
    for (const { recordId, file } of created.values()) {
      const target = /^superseded by ADR-(\d+)$/.exec(file.parsed.status)?.[1];
      if (target === undefined) continue;
      const number = Number(target);
      const byId =
        created.get(number)?.recordId ??
        (
          await tx.decisionRecord.findFirst({
            where: { decision: { projectId, number } },
            select: { id: true },
          })
        )?.id;
      if (!byId || byId === recordId) continue;
      await tx.decisionRecord.update({ where: { id: recordId }, data: { supersededById: byId } });
      await tx.decisionRecord.update({ where: { id: byId }, data: { supersedesId: recordId } });
      links.push({ old: recordId, by: byId });
    }

    const highest = Math.max(...numbers);
    if (highest + 1 > (project?.nextDecisionNumber ?? 1)) {
      await tx.project.update({ where: { id: projectId }, data: { nextDecisionNumber: highest + 1 } });
    }
    for (const { recordId, decisionId, file } of created.values()) {
      await appendAuditEvent(tx, {
        projectId,
        actorId: actor.userId,
        action: "record.imported",
        entityType: "record",
        entityId: recordId,
        data: {
          decisionId,
          version: 1,
          file: file.path,
          after: {
            number: file.parsed.number,
            title: file.parsed.title,
            status: file.parsed.status,
            date: file.parsed.date,
            supersededBy: links.find((l) => l.old === recordId)?.by ?? null,
          },
        },
      });
    }
    return {
      imported: [...created.values()]
        .sort((a, b) => a.file.parsed.number - b.file.parsed.number)
        .map(({ decisionId, file }) => ({
          decisionId,
          number: file.parsed.number,
          key: decisionKey(file.parsed.number),
          title: file.parsed.title,
          status: file.parsed.status,
          file: file.path,
        })),
      skipped,
    };
  });
}

/**
 * Unpacks and parses every `NNNN-title.md` in the zip (other files are skipped and listed). Every
 * problem in every file is collected, so one upload reports them all.
 */
async function readRecordFiles(bytes: Uint8Array): Promise<{ files: RecordFile[]; skipped: string[] }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new AppError("unprocessable", "The upload is not a readable zip file.", {
      errors: [{ file: "(upload)", line: 1, message: "not a zip archive" }],
    });
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > MAX_FILES) {
    throw new AppError(
      "unprocessable",
      `The zip holds ${entries.length} files; import at most ${MAX_FILES} at once.`,
    );
  }
  const errors: MadrParseError[] = [];
  const skipped: string[] = [];
  const files: RecordFile[] = [];
  let total = 0;
  for (const entry of entries) {
    const path = entry.name;
    const base = path.split("/").pop() ?? path;
    if (
      path.split("/").some((part) => part.startsWith(".") || part === "__MACOSX") ||
      !/^\d+-.+\.md$/i.test(base)
    ) {
      skipped.push(path);
      continue;
    }
    const text = await readEntry(entry, Math.min(MAX_FILE_BYTES, MAX_TOTAL_BYTES - total));
    if ("error" in text) {
      errors.push({ file: path, line: 1, message: text.error });
      continue;
    }
    total += text.bytes;
    const result = parseMadr(base, text.value);
    if (!result.ok) {
      errors.push(...result.errors.map((e) => ({ ...e, file: path })));
      continue;
    }
    if (result.record.title.length > MAX_TITLE) {
      errors.push({
        file: path,
        line: headingLine(text.value),
        message: `the title is longer than ${MAX_TITLE} characters`,
      });
      continue;
    }
    files.push({ path, parsed: result.record });
  }
  const byNumber = new Map<number, string>();
  for (const file of files) {
    const earlier = byNumber.get(file.parsed.number);
    if (earlier !== undefined) {
      errors.push({
        file: file.path,
        line: 1,
        message: `${decisionKey(file.parsed.number)} is also the number of ${earlier}`,
      });
    } else byNumber.set(file.parsed.number, file.path);
  }
  if (errors.length > 0) {
    const names = [...new Set(errors.map((e) => e.file))];
    const first = errors[0]!;
    throw new AppError(
      "unprocessable",
      `${names.length} ${names.length === 1 ? "file" : "files"} could not be read (${first.file}, line ${first.line}: ` +
        `${first.message}${errors.length > 1 ? `; and ${errors.length - 1} more` : ""}). Nothing was imported.`,
      { errors },
    );
  }
  if (files.length === 0) {
    throw new AppError(
      "unprocessable",
      "The zip has no record files: name them NNNN-title.md, e.g. docs/decisions/0001-use-pytorch.md.",
      {
        errors: [],
        skipped,
      },
    );
  }
  return { files, skipped };
}

// Reads one entry as UTF-8, stopping as soon as it grows past `limit` (a zip bomb never inflates).
async function readEntry(
  entry: JSZip.JSZipObject,
  limit: number,
): Promise<{ value: string; bytes: number } | { error: string }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const outcome = await new Promise<"ok" | "too-large" | "broken">((resolve) => {
    const stream = entry.nodeStream("nodebuffer");
    stream.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        stream.pause();
        stream.removeAllListeners("data");
        resolve("too-large");
        return;
      }
      chunks.push(chunk);
    });
    stream.on("error", () => resolve("broken"));
    stream.on("end", () => resolve("ok"));
  });
  if (outcome === "too-large") return { error: `the file is larger than ${Math.round(limit / 1000)} kB` };
  if (outcome === "broken") return { error: "the file is damaged inside the zip and could not be unpacked" };
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { value: new TextDecoder("utf-8", { fatal: true }).decode(joined), bytes: size };
  } catch {
    return { error: "the file is not UTF-8 text" };
  }
}

function headingLine(text: string): number {
  const index = text.split(/\r\n|\r|\n/).findIndex((line) => /^ {0,3}#\s/.test(line));
  return index === -1 ? 1 : index + 1;
}
