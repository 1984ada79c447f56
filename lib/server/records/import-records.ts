// Imports a repository's existing records (MADR 4 or older, log4brains, adr-tools, a Verdict export)
// from a zip as historical records that keep their numbers and file names.
import "server-only";
import JSZip from "jszip";
import { getDb } from "../../db";
import { nonRecordReason, parseMadr, type MadrParseError, type ParsedRecord } from "../../domain/madr-parse";
import { recordKey } from "../../domain/slug";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { requirePermission, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { isoDate } from "./evidence";
import { emptyTexts, type StoredNarrative } from "./narrative";
import { reserveRecordNumbersUpTo, takeRecordNumber } from "./take-record-number";
import { currentVersion, writeVersion } from "./versions";

const MAX_UPLOAD_BYTES = 5_000_000;
const MAX_FILES = 500;
const MAX_FILE_BYTES = 1_000_000;
const MAX_TOTAL_BYTES = 20_000_000;
const MAX_TITLE = 200;

const ZIP_TYPES = ["application/zip", "application/x-zip-compressed", "application/octet-stream"];

interface RecordFile {
  /** Path inside the zip, as the errors name it. */
  path: string;
  /** The ADR folder it sits in (`docs/decisions`), and its own name, kept as the record's file name. */
  folder: string;
  fileName: string;
  parsed: ParsedRecord;
}

/** A file in the zip that was not imported, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

// Folder names teams give their records; when a zip holds one of these, only those folders are read.
const ADR_FOLDER_NAMES = /(^|\/)(adr|adrs|decisions|decision-records|architecture-decisions|architecture\/decisions)$/i;
const RECORD_NAME = /^(\d{1,6}|\d{8})-.+\.md$/i;

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

/**
 * Imports the records of the ADR folder(s) in a zip. Files already imported from a folder are
 * updated in place (a new version when their text changed); new files become historical records
 * that keep their number, or take the project's next one when their name carries a date instead
 * (log4brains). All or nothing: one bad file, unsafe path or number clash and nothing changes.
 */
export async function importRecords(actor: Actor, projectId: string, upload: Request | Uint8Array) {
  await requirePermission(projectId, actor.userId, "record.manage");
  const bytes = upload instanceof Uint8Array ? upload : await readZipUpload(upload);
  const { files, skipped } = await readRecordFiles(bytes);

  return getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "record.manage");
    // Lock the project row: numbers are handed out below, against decisions closing at the same time.
    await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
    const existing = await tx.decisionRecord.findMany({
      where: { projectId },
      select: {
        id: true,
        number: true,
        fileName: true,
        importedFrom: true,
        status: true,
        title: true,
        supersededById: true,
        decision: { select: { id: true, title: true, closedAt: true } },
      },
    });
    const byFileName = new Map(existing.flatMap((r) => (r.fileName ? [[r.fileName.toLowerCase(), r] as const] : [])));
    const byNumber = new Map(existing.map((r) => [r.number, r]));

    const conflicts: { file: string; number: number | null; message: string }[] = [];
    const updates: { file: RecordFile; record: (typeof existing)[number] }[] = [];
    const fresh: RecordFile[] = [];
    for (const file of files) {
      const match = byFileName.get(file.fileName.toLowerCase());
      if (match) {
        if (match.importedFrom === null) {
          conflicts.push({
            file: file.path,
            number: match.number,
            message: `${recordKey(match.number)} was written in Verdict under this file name; it is not replaced by an import`,
          });
        } else updates.push({ file, record: match });
        continue;
      }
      const number = file.parsed.number;
      const holder = number === null ? undefined : byNumber.get(number);
      if (holder) {
        conflicts.push({
          file: file.path,
          number,
          message: `${recordKey(number!)} is already ${holder.fileName ?? `"${holder.title ?? holder.decision.title}"`} in this project`,
        });
      } else fresh.push(file);
    }
    if (conflicts.length > 0) {
      throw new AppError(
        "conflict",
        `${conflicts.map((c) => `${c.file}: ${c.message}`).join("; ")}. Nothing was imported.`,
        { conflicts },
      );
    }

    // Numbered files keep their numbers; dated ones follow in name (date) order after the highest.
    const highest = Math.max(-1, ...fresh.flatMap((f) => (f.parsed.number === null ? [] : [f.parsed.number])));
    if (highest >= 0) await reserveRecordNumbersUpTo(tx, projectId, highest);
    const numbered = new Map<RecordFile, number>();
    for (const file of [...fresh].sort((a, b) => a.fileName.localeCompare(b.fileName))) {
      numbered.set(file, file.parsed.number ?? (await takeRecordNumber(tx, projectId)));
    }

    const imported: { recordId: string; decisionId: string; number: number; file: RecordFile }[] = [];
    for (const file of fresh) {
      const { parsed } = file;
      const number = numbered.get(file)!;
      const { nextDecisionNumber } = await tx.project.update({
        where: { id: projectId },
        data: { nextDecisionNumber: { increment: 1 } },
        select: { nextDecisionNumber: true },
      });
      const narrative: StoredNarrative = { ...emptyTexts(), chosenOptionId: null, basis: null };
      // Created one row at a time: Prisma's nested create of decision → record → version ordered the
      // inserts wrongly on PostgreSQL once the record also belonged to the project.
      const decision = await tx.decision.create({
        data: {
          projectId,
          number: nextDecisionNumber - 1,
          title: parsed.title,
          status: "CLOSED",
          createdById: actor.userId,
          // The file's own date, or none: an unknown date is not today's.
          closedAt: parsed.date ? new Date(`${parsed.date}T00:00:00.000Z`) : null,
          closedById: actor.userId,
        },
        select: { id: true },
      });
      const record = await tx.decisionRecord.create({
        data: {
          decisionId: decision.id,
          projectId,
          number,
          fileName: file.fileName,
          importedFrom: file.folder,
          status: parsed.status ?? UNKNOWN_STATUS,
          historical: true,
        },
        select: { id: true },
      });
      await writeVersion(tx, {
        recordId: record.id,
        version: 1,
        markdown: parsed.markdown,
        narrative,
        authorId: actor.userId,
        note: `Imported from ${file.path}.`,
      });
      imported.push({ recordId: record.id, decisionId: decision.id, number, file });
    }

    const updated: { recordId: string; decisionId: string; number: number; file: RecordFile; changes: string[] }[] = [];
    const unchanged: { decisionId: string; number: number; file: RecordFile }[] = [];
    for (const { file, record } of updates) {
      const { parsed } = file;
      const current = await currentVersion(tx, record.id);
      const date = parsed.date ? new Date(`${parsed.date}T00:00:00.000Z`) : null;
      const status = parsed.status ?? UNKNOWN_STATUS;
      const changes = [
        ...(current.markdown !== parsed.markdown ? ["text"] : []),
        ...((record.title ?? record.decision.title) !== parsed.title ? ["title"] : []),
        ...(normalizeLinkedStatus(record.status) !== normalizeLinkedStatus(status) ? ["status"] : []),
        ...((record.decision.closedAt?.getTime() ?? null) !== (date?.getTime() ?? null) ? ["date"] : []),
      ];
      if (changes.length === 0) {
        unchanged.push({ decisionId: record.decision.id, number: record.number, file });
        continue;
      }
      if (current.markdown !== parsed.markdown) {
        await writeVersion(tx, {
          recordId: record.id,
          version: current.version + 1,
          markdown: parsed.markdown,
          narrative: current.stored,
          authorId: actor.userId,
          note: `Imported again from ${file.path}.`,
        });
      }
      await tx.decision.update({
        where: { id: record.decision.id },
        data: { title: parsed.title, closedAt: date },
      });
      await tx.decisionRecord.update({
        where: { id: record.id },
        data: { status, title: null, importedFrom: file.folder },
      });
      updated.push({ recordId: record.id, decisionId: record.decision.id, number: record.number, file, changes });
    }

    // Supersede links named in the files, to records imported now or already in the project.
    const touched = [...imported, ...updated];
    const records = await tx.decisionRecord.findMany({
      where: { projectId },
      select: { id: true, number: true, fileName: true },
    });
    const links = new Map<string, string | null>();
    for (const { recordId, file } of touched) {
      const target = file.parsed.supersededBy;
      const by = target
        ? records.find(
            (r) =>
              (target.file !== null && r.fileName?.toLowerCase() === target.file.toLowerCase()) ||
              (target.number !== null && r.number === target.number),
          )
        : undefined;
      links.set(recordId, by && by.id !== recordId ? by.id : null);
    }
    for (const [recordId, byId] of links) {
      const before = existing.find((r) => r.id === recordId)?.supersededById ?? null;
      if (before !== null && before !== byId) {
        await tx.decisionRecord.updateMany({ where: { id: before, supersedesId: recordId }, data: { supersedesId: null } });
      }
      await tx.decisionRecord.update({ where: { id: recordId }, data: { supersededById: byId } });
      if (byId === null) continue;
      await tx.decisionRecord.update({ where: { id: byId }, data: { supersedesId: recordId } });
      // A link by file name ("superseded by [slug](20201016-slug.md)") is stated by number in Verdict.
      const target = records.find((r) => r.id === byId)!;
      await tx.decisionRecord.update({
        where: { id: recordId },
        data: { status: `superseded by ${recordKey(target.number)}` },
      });
    }

    const after = new Map(
      (
        await tx.decisionRecord.findMany({
          where: { id: { in: touched.map((t) => t.recordId) } },
          select: { id: true, status: true, supersededById: true },
        })
      ).map((r) => [r.id, r]),
    );
    for (const { recordId, decisionId, number, file } of imported) {
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
            number,
            fileName: file.fileName,
            title: file.parsed.title,
            status: after.get(recordId)?.status ?? null,
            date: file.parsed.date,
            supersededBy: after.get(recordId)?.supersededById ?? null,
          },
        },
      });
    }
    for (const { recordId, decisionId, number, file, changes } of updated) {
      const before = existing.find((r) => r.id === recordId)!;
      await appendAuditEvent(tx, {
        projectId,
        actorId: actor.userId,
        action: "record.reimported",
        entityType: "record",
        entityId: recordId,
        data: {
          decisionId,
          file: file.path,
          changes,
          before: {
            number,
            title: before.title ?? before.decision.title,
            status: before.status,
            date: before.decision.closedAt ? isoDate(before.decision.closedAt) : null,
          },
          after: { number, title: file.parsed.title, status: after.get(recordId)?.status ?? null, date: file.parsed.date },
        },
      });
    }

    const present = (item: { decisionId: string; number: number; file: RecordFile }, recordId?: string) => ({
      decisionId: item.decisionId,
      number: item.number,
      key: recordKey(item.number),
      title: item.file.parsed.title,
      status: (recordId ? after.get(recordId)?.status : undefined) ?? item.file.parsed.status ?? UNKNOWN_STATUS,
      date: item.file.parsed.date,
      file: item.file.path,
      fileName: item.file.fileName,
    });
    const byKey = <T extends { number: number }>(a: T, b: T) => a.number - b.number;
    const notes = [
      ...files.flatMap((f) => [
        ...f.parsed.notes.map((note) => ({ file: f.path, note })),
        ...(f.parsed.status === null ? [{ file: f.path, note: "states no status, so its status is unknown" }] : []),
        ...(f.parsed.date === null ? [{ file: f.path, note: "states no date, so its date is unknown" }] : []),
        ...(f.parsed.dateFrom === "file-name"
          ? [{ file: f.path, note: "states no date; the date is the one in its file name" }]
          : []),
      ]),
      ...skipped.filter((s) => s.reason !== OUTSIDE).map((s) => ({ file: s.file, note: `skipped: ${s.reason}` })),
    ];
    return {
      imported: imported.sort(byKey).map((i) => present(i, i.recordId)),
      updated: updated.sort(byKey).map((u) => ({ ...present(u, u.recordId), changes: u.changes })),
      unchanged: unchanged.sort(byKey).map((u) => present(u)),
      skipped: skipped.map((s) => s.file),
      notes,
    };
  }, LONG_TRANSACTION);
}

// A whole repository is one all-or-nothing transaction of a few queries per file: Prisma's 5 s
// default is too short for hundreds of files on a busy server.
const LONG_TRANSACTION = { timeout: 120_000, maxWait: 20_000 };

const UNKNOWN_STATUS = "unknown";
const OUTSIDE = "outside the ADR folder(s), not read";

// "superseded by ADR-0007" and "superseded by [x](0007-x.md)" name the same thing once linked.
function normalizeLinkedStatus(status: string): string {
  return status.toLowerCase().startsWith("superseded by") ? "superseded" : status;
}

/** Why a zip entry's path cannot be trusted, or null: absolute paths and `..` never reach the disk or the index. */
function unsafePath(path: string): string | null {
  if (/^([\\/]|[A-Za-z]:)/.test(path)) return "an absolute path";
  if (path.includes("\\")) return "a path with backslashes";
  if (path.split("/").some((part) => part === "..")) return 'a path that climbs out of the zip with ".."';
  return null;
}

/**
 * Unpacks and parses every record file in the zip's ADR folder(s): folders holding NNNN-title.md or
 * YYYYMMDD-title.md files, and only the usual ADR folders (docs/decisions, doc/adr, …) when there
 * are any. Everything else is listed as skipped, unread. Every problem in every file is collected,
 * so one upload reports them all.
 */
async function readRecordFiles(bytes: Uint8Array): Promise<{ files: RecordFile[]; skipped: SkippedFile[] }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new AppError("unprocessable", "The upload is not a readable zip file.", {
      errors: [{ file: "(upload)", line: 1, message: "not a zip archive" }],
    });
  }
  const all = Object.values(zip.files);
  // JSZip tidies names; the raw name is what the archive actually says.
  const unsafe = all.flatMap((entry) => {
    const raw = (entry as unknown as { unsafeOriginalName?: string }).unsafeOriginalName ?? entry.name;
    const why = unsafePath(raw) ?? unsafePath(entry.name);
    return why ? [{ file: raw, line: 1, message: `refused: ${why}` }] : [];
  });
  if (unsafe.length > 0) {
    throw new AppError(
      "unprocessable",
      `The zip has ${unsafe.length} ${unsafe.length === 1 ? "entry" : "entries"} with an unsafe path (${unsafe[0]!.file}). Nothing was imported.`,
      { errors: unsafe },
    );
  }
  const entries = all.filter((entry) => !entry.dir);
  if (entries.length > MAX_FILES) {
    throw new AppError(
      "unprocessable",
      `The zip holds ${entries.length} files; import at most ${MAX_FILES} at once.`,
    );
  }
  const hidden = (path: string) => path.split("/").some((part) => part.startsWith(".") || part === "__MACOSX");
  const folderOf = (path: string) => path.split("/").slice(0, -1).join("/");
  const candidates = new Set(
    entries.filter((e) => !hidden(e.name) && RECORD_NAME.test(e.name.split("/").pop() ?? "")).map((e) => folderOf(e.name)),
  );
  const named = [...candidates].filter((folder) => ADR_FOLDER_NAMES.test(folder));
  const adrFolders = new Set(named.length > 0 ? named : candidates);

  const errors: MadrParseError[] = [];
  const skipped: SkippedFile[] = [];
  const files: RecordFile[] = [];
  let total = 0;
  for (const entry of entries) {
    const path = entry.name;
    const base = path.split("/").pop() ?? path;
    const folder = folderOf(path);
    if (hidden(path)) {
      skipped.push({ file: path, reason: "a hidden file" });
      continue;
    }
    if (!adrFolders.has(folder)) {
      skipped.push({ file: path, reason: OUTSIDE });
      continue;
    }
    const reason = nonRecordReason(base);
    if (reason !== null) {
      skipped.push({ file: path, reason });
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
    files.push({ path, folder, fileName: base, parsed: result.record });
  }
  const byNumber = new Map<number, string>();
  const byName = new Map<string, string>();
  for (const file of files) {
    const sameName = byName.get(file.fileName.toLowerCase());
    if (sameName !== undefined) {
      errors.push({ file: file.path, line: 1, message: `${sameName} has the same file name` });
    } else byName.set(file.fileName.toLowerCase(), file.path);
    if (file.parsed.number === null) continue;
    const earlier = byNumber.get(file.parsed.number);
    if (earlier !== undefined) {
      errors.push({
        file: file.path,
        line: 1,
        message: `${recordKey(file.parsed.number)} is also the number of ${earlier}`,
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
      "The zip has no record files: name them NNNN-title.md (or log4brains' YYYYMMDD-title.md), e.g. docs/decisions/0001-use-pytorch.md.",
      { errors: [], skipped: skipped.map((s) => s.file) },
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
