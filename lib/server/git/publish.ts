// The publisher: takes a project's queued publications in order, one change (one transaction's
// publications) at a time, commits the files on top of the remote branch and pushes. It never
// overwrites a file someone changed in git (see decideFile), and retries once when the branch moved.
import "server-only";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { getDb } from "../../db";
import {
  branchForRecord,
  commitMessage,
  decideFile,
  proposedBranchName,
  type FileVerdict,
} from "../../domain/git-publish";
import { recordsIndex } from "../../domain/record-formats";
import { AppError } from "../../errors";
import { decryptCredentials, type RepositoryCredentials } from "./credentials";
import { git, GitError } from "./git-cli";
import { renderRecordFiles, type IndexEntry, type RecordFile } from "./record-files";

const COMMITTER = { name: "Verdict", email: process.env.GIT_COMMITTER_EMAIL?.trim() || "verdict@localhost" };

const globalForPublisher = globalThis as unknown as {
  verdictPublisherId?: string;
  verdictPublishing?: Map<string, { running: Promise<void>; again: boolean }>;
};
const instanceId = (globalForPublisher.verdictPublisherId ??= randomUUID());
const publishing = (globalForPublisher.verdictPublishing ??= new Map());

/** Where working clones are kept: `data/git/<projectId>` beside the embedded database by default. */
export function gitCacheRoot(): string {
  return resolve(process.env.GIT_CACHE_DIR?.trim() || join("data", "git"));
}

/**
 * Publishes everything queued for the project. Safe to call from anywhere at any time: within this
 * process one run per project at a time (a call during a run makes it look again once it ends), and
 * across server instances a lease on the project's connection row lets only one of them push.
 */
export function publishPending(projectId: string): Promise<void> {
  const current = publishing.get(projectId);
  if (current) {
    current.again = true;
    return current.running;
  }
  const state = { again: false, running: Promise.resolve() };
  state.running = (async () => {
    try {
      do {
        state.again = false;
        await publishWithLease(projectId);
      } while (state.again);
    } finally {
      publishing.delete(projectId);
    }
  })();
  publishing.set(projectId, state);
  return state.running;
}

async function publishWithLease(projectId: string) {
  const db = getDb();
  const claimed = await db.$executeRaw`
    UPDATE "RepositoryConnection"
    SET "leaseHolder" = ${instanceId}, "leaseUntil" = now() + interval '300 seconds'
    WHERE "projectId" = ${projectId}
      AND ("leaseUntil" IS NULL OR "leaseUntil" < now() OR "leaseHolder" = ${instanceId})`;
  if (claimed === 0) return;
  try {
    for (;;) {
      const next = await db.recordPublication.findFirst({
        where: { projectId, status: "pending" },
        orderBy: { seq: "asc" },
        select: { groupId: true },
      });
      if (!next) break;
      await publishChange(projectId, next.groupId);
      await db.$executeRaw`
        UPDATE "RepositoryConnection" SET "leaseUntil" = now() + interval '300 seconds'
        WHERE "projectId" = ${projectId} AND "leaseHolder" = ${instanceId}`;
    }
  } finally {
    await db.$executeRaw`
      UPDATE "RepositoryConnection" SET "leaseHolder" = NULL, "leaseUntil" = NULL
      WHERE "projectId" = ${projectId} AND "leaseHolder" = ${instanceId}`;
  }
}

type Row = {
  id: string;
  recordId: string;
  version: number;
  change: string;
  actorId: string | null;
  overwrite: boolean;
};

interface PlannedFile {
  file: RecordFile;
  path: string;
  rows: Row[];
  overwrite: boolean;
}

async function publishChange(projectId: string, groupId: string) {
  const db = getDb();
  const rows: Row[] = await db.recordPublication.findMany({
    where: { projectId, groupId, status: "pending" },
    orderBy: { seq: "asc" },
    select: { id: true, recordId: true, version: true, change: true, actorId: true, overwrite: true },
  });
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  await db.recordPublication.updateMany({
    where: { id: { in: ids } },
    data: { attempts: { increment: 1 }, attemptedAt: new Date() },
  });

  const connection = await db.repositoryConnection.findUnique({ where: { projectId } });
  if (!connection) {
    await db.recordPublication.updateMany({
      where: { id: { in: ids } },
      data: { status: "skipped", error: "The repository was disconnected." },
    });
    return;
  }

  // An older version that failed must not replace a newer one already in git.
  const stale: string[] = [];
  const latestRow = new Map<string, Row>();
  for (const row of rows) {
    const newer = await db.recordPublication.findFirst({
      where: {
        recordId: row.recordId,
        version: { gt: row.version },
        status: { in: ["published", "unchanged"] },
      },
      select: { id: true },
    });
    if (newer) stale.push(row.id);
    else if ((latestRow.get(row.recordId)?.version ?? -1) <= row.version) latestRow.set(row.recordId, row);
  }
  if (stale.length > 0) {
    await db.recordPublication.updateMany({
      where: { id: { in: stale } },
      data: { status: "skipped", error: "A newer version of this record was published since." },
    });
  }
  if (latestRow.size === 0) return;

  let credentials: RepositoryCredentials | null = null;
  let rendered: { files: RecordFile[]; projectName: string; index: IndexEntry[] };
  try {
    if (connection.credentialsCipher)
      credentials = decryptCredentials(projectId, connection.credentialsCipher);
    rendered = await db.$transaction(
      (tx) =>
        renderRecordFiles(
          tx,
          projectId,
          new Map([...latestRow.values()].map((r) => [r.recordId, r.version])),
        ),
      { timeout: 60_000, maxWait: 20_000 },
    );
  } catch (error) {
    await fail(
      ids.filter((id) => !stale.includes(id)),
      error,
    );
    return;
  }

  const byBranch = new Map<string, PlannedFile[]>();
  for (const file of rendered.files) {
    const branch = branchForRecord(connection, file);
    const fileRows = rows.filter((r) => r.recordId === file.recordId && !stale.includes(r.id));
    const planned = {
      file,
      path: connection.folder ? `${connection.folder}/${file.fileName}` : file.fileName,
      rows: fileRows,
      overwrite: fileRows.some((r) => r.overwrite),
    };
    byBranch.set(branch, [...(byBranch.get(branch) ?? []), planned]);
  }
  const actor = rows[0]!.actorId
    ? await db.user.findUnique({ where: { id: rows[0]!.actorId }, select: { name: true, email: true } })
    : null;
  const author = actor ? { name: actor.name, email: actor.email } : COMMITTER;
  const changes = rows.filter((r) => !stale.includes(r.id));

  // The table of contents of the records the main branch holds, written in the same commit as they are.
  const index = {
    path: connection.folder ? `${connection.folder}/index.md` : "index.md",
    text: recordsIndex(
      rendered.projectName,
      rendered.index
        .filter((entry) => branchForRecord(connection, entry) === connection.branch)
        .map((entry) => ({ ...entry, status: entry.status === "unknown" ? null : entry.status })),
    ),
  };

  const repo = await workingClone(projectId, connection.remoteUrl);
  for (const [branch, planned] of byBranch) {
    try {
      await publishToBranch({
        projectId,
        repo,
        credentials,
        connectionBranch: connection.branch,
        branch,
        planned,
        author,
        changes,
        index: branch === connection.branch ? index : null,
      });
    } catch (error) {
      await fail(
        planned.flatMap((p) => p.rows.map((r) => r.id)),
        error,
        branch,
      );
    }
  }
}

async function fail(ids: string[], error: unknown, branch?: string) {
  const message =
    error instanceof GitError || error instanceof AppError
      ? error.message
      : `Publishing failed: ${(error as Error)?.message ?? String(error)}`;
  if (!(error instanceof GitError || error instanceof AppError))
    console.error("Publishing to git failed:", error);
  await getDb().recordPublication.updateMany({
    where: { id: { in: ids } },
    data: { status: "failed", error: message, branch },
  });
}

/** The project's cached bare clone, made (or remade for a new remote) on demand. */
async function workingClone(projectId: string, remoteUrl: string): Promise<string> {
  const dir = join(gitCacheRoot(), projectId);
  if (existsSync(dir)) {
    const current = await git(["config", "--get", "remote.origin.url"], { cwd: dir }).catch(() => "");
    if (current.trim() === remoteUrl) return dir;
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  await git(["init", "--bare", "--quiet", dir]);
  await git(["config", "remote.origin.url", remoteUrl], { cwd: dir });
  return dir;
}

/** The commit ids of the remote's branches, by name (only those asked for). */
async function remoteHeads(repo: string, credentials: RepositoryCredentials | null, branches: string[]) {
  const out = await git(["ls-remote", "--heads", "origin", ...branches.map((b) => `refs/heads/${b}`)], {
    cwd: repo,
    credentials,
  });
  const heads = new Map<string, string>();
  for (const line of out.split("\n")) {
    const [sha, ref] = line.split("\t");
    if (sha && ref?.startsWith("refs/heads/")) heads.set(ref.slice("refs/heads/".length), sha);
  }
  return heads;
}

interface BranchJob {
  projectId: string;
  repo: string;
  credentials: RepositoryCredentials | null;
  connectionBranch: string;
  branch: string;
  planned: PlannedFile[];
  author: { name: string; email: string };
  changes: Row[];
  /** index.md, on the main branch only. */
  index: { path: string; text: string } | null;
}

async function publishToBranch(job: BranchJob) {
  let outcome = await commitOnRemote(job);
  // The branch moved between our fetch and our push: start again from its new head, once.
  if (outcome.kind === "rejected") outcome = await commitOnRemote(job);
  if (outcome.kind === "rejected") {
    throw new GitError(
      `The push was rejected twice because ${job.branch} kept moving: ${outcome.reason}`,
      outcome.reason,
    );
  }
  if (job.branch === job.connectionBranch) await deleteDecidedProposalBranches(job, outcome.landed);
}

/**
 * A record decided and now on the main branch leaves its proposal branch behind; delete it, so the
 * remote keeps only branches still waiting for a decision. Only a branch whose head Verdict itself
 * pushed: commits someone added there are theirs to merge or drop. The lease makes git refuse the
 * delete if the branch moved since we looked. A failed delete is logged and the branch left: the
 * record itself is published either way.
 */
async function deleteDecidedProposalBranches(job: BranchJob, landed: PlannedFile[]) {
  const decided = landed.filter((p) => p.file.status !== "proposed");
  if (decided.length === 0) return;
  const db = getDb();
  const heads = await remoteHeads(
    job.repo,
    job.credentials,
    decided.map((p) => proposedBranchName(p.file.number)),
  );
  for (const planned of decided) {
    const branch = proposedBranchName(planned.file.number);
    const head = heads.get(branch);
    if (!head) continue;
    const ours = await db.recordPublication.findFirst({
      where: { projectId: job.projectId, branch, commitId: head },
      select: { id: true },
    });
    if (!ours) continue;
    try {
      await git(
        [
          "push",
          "--quiet",
          `--force-with-lease=refs/heads/${branch}:${head}`,
          "origin",
          "--delete",
          `refs/heads/${branch}`,
        ],
        { cwd: job.repo, credentials: job.credentials },
      );
    } catch (error) {
      console.warn(`Could not delete the proposal branch ${branch}:`, (error as Error).message);
      continue;
    }
    await db.$transaction([
      // A record proposed again later starts its branch afresh from the main branch.
      db.publishedFile.deleteMany({ where: { projectId: job.projectId, branch } }),
      db.recordPublication.updateMany({
        where: { id: { in: planned.rows.map((r) => r.id) } },
        data: { deletedBranch: branch },
      }),
    ]);
  }
}

async function commitOnRemote(
  job: BranchJob,
): Promise<{ kind: "done"; landed: PlannedFile[] } | { kind: "rejected"; reason: string }> {
  const { repo, credentials, branch, connectionBranch, planned, projectId } = job;
  const db = getDb();
  const heads = await remoteHeads(
    repo,
    credentials,
    branch === connectionBranch ? [branch] : [branch, connectionBranch],
  );
  const refspecs = [...heads.keys()].map((b) => `+refs/heads/${b}:refs/remotes/origin/${b}`);
  if (refspecs.length > 0)
    await git(["fetch", "--quiet", "--no-tags", "origin", ...refspecs], { cwd: repo, credentials });
  // A new proposal branch starts from the main branch, and so does what Verdict knows it wrote there.
  const fromMain = !heads.has(branch) && branch !== connectionBranch && heads.has(connectionBranch);
  const base = heads.get(branch) ?? (fromMain ? heads.get(connectionBranch)! : null);

  const decisions: { planned: PlannedFile; blob: string; inGit: string | null; verdict: FileVerdict }[] = [];
  for (const item of planned) {
    const blob = (await git(["hash-object", "-w", "--stdin"], { cwd: repo, input: item.file.text })).trim();
    const inGit = base ? await blobAt(repo, base, item.path) : null;
    const remembered =
      (await db.publishedFile.findUnique({
        where: { projectId_branch_path: { projectId, branch, path: item.path } },
      })) ??
      (fromMain
        ? await db.publishedFile.findUnique({
            where: { projectId_branch_path: { projectId, branch: connectionBranch, path: item.path } },
          })
        : null);
    let verdict = decideFile(remembered?.blobId ?? null, inGit, blob);
    if (verdict === "conflict" && item.overwrite) verdict = "write";
    decisions.push({ planned: item, blob, inGit, verdict });
  }

  // The index follows the records' rule: an index.md someone changed (or had before) stays theirs.
  let index: { path: string; blob: string; verdict: FileVerdict } | null = null;
  if (job.index) {
    const blob = (await git(["hash-object", "-w", "--stdin"], { cwd: repo, input: job.index.text })).trim();
    const remembered = await db.publishedFile.findUnique({
      where: { projectId_branch_path: { projectId, branch, path: job.index.path } },
    });
    const inGit = base ? await blobAt(repo, base, job.index.path) : null;
    index = { path: job.index.path, blob, verdict: decideFile(remembered?.blobId ?? null, inGit, blob) };
  }

  const toWrite = decisions.filter((d) => d.verdict === "write");
  const writeIndex = index?.verdict === "write";
  let commitId: string | null = null;
  if (toWrite.length > 0 || writeIndex) {
    const indexDir = await mkdtemp(join(tmpdir(), "verdict-index-"));
    try {
      const env = { GIT_INDEX_FILE: join(indexDir, "index") };
      await git(base ? ["read-tree", base] : ["read-tree", "--empty"], { cwd: repo, env });
      for (const { blob, path } of [
        ...toWrite.map((d) => ({ blob: d.blob, path: d.planned.path })),
        ...(writeIndex ? [index!] : []),
      ]) {
        await git(["update-index", "--add", "--cacheinfo", `100644,${blob},${path}`], { cwd: repo, env });
      }
      const tree = (await git(["write-tree"], { cwd: repo, env })).trim();
      const written = new Set(toWrite.map((d) => d.planned.file.recordId));
      const message =
        toWrite.length === 0
          ? "Update the index of decision records\n"
          : commitMessage(
              job.changes
                .filter((c) => written.has(c.recordId))
                .filter(
                  (c, i, all) =>
                    all.findIndex((o) => o.recordId === c.recordId && o.change === c.change) === i,
                )
                .map((c) => {
                  const file = planned.find((p) => p.file.recordId === c.recordId)!.file;
                  return {
                    number: file.number,
                    title: file.title,
                    change: c.overwrite ? "overwrite with Verdict's version" : c.change,
                  };
                }),
            );
      commitId = (
        await git(["commit-tree", tree, ...(base ? ["-p", base] : []), "-F", "-"], {
          cwd: repo,
          input: message,
          env: {
            GIT_AUTHOR_NAME: job.author.name,
            GIT_AUTHOR_EMAIL: job.author.email,
            GIT_COMMITTER_NAME: COMMITTER.name,
            GIT_COMMITTER_EMAIL: COMMITTER.email,
          },
        })
      ).trim();
    } finally {
      await rm(indexDir, { recursive: true, force: true });
    }
    try {
      await git(["push", "--quiet", "origin", `${commitId}:refs/heads/${branch}`], {
        cwd: repo,
        credentials,
      });
    } catch (error) {
      const stderr = error instanceof GitError ? error.stderr : "";
      if (
        /non-fast-forward|fetch first|\[rejected\]|failed to update ref|cannot lock ref|stale info/i.test(
          stderr,
        )
      ) {
        return { kind: "rejected", reason: error instanceof GitError ? error.message : String(error) };
      }
      throw error;
    }
  }

  for (const d of decisions) {
    const ids = d.planned.rows.map((r) => r.id);
    const path = d.planned.path;
    if (d.verdict === "conflict") {
      const remoteText = d.inGit ? await git(["cat-file", "blob", d.inGit], { cwd: repo }) : "";
      await db.recordPublication.updateMany({
        where: { id: { in: ids } },
        data: {
          status: "conflict",
          branch,
          path,
          error: d.inGit
            ? "The file was changed in git since Verdict last wrote it; Verdict left it as it is."
            : "The file was deleted in git since Verdict last wrote it; Verdict did not write it again.",
          remoteText,
          verdictText: d.planned.file.text,
        },
      });
      continue;
    }
    await db.$transaction([
      db.publishedFile.upsert({
        where: { projectId_branch_path: { projectId, branch, path } },
        create: { projectId, branch, path, blobId: d.blob },
        update: { blobId: d.blob },
      }),
      db.recordPublication.updateMany({
        where: { id: { in: ids } },
        data: {
          status: d.verdict === "write" ? "published" : "unchanged",
          branch,
          path,
          commitId: d.verdict === "write" ? commitId : null,
          error: null,
          remoteText: null,
          verdictText: null,
        },
      }),
    ]);
  }
  if (index && index.verdict !== "conflict") {
    await db.publishedFile.upsert({
      where: { projectId_branch_path: { projectId, branch, path: index.path } },
      create: { projectId, branch, path: index.path, blobId: index.blob },
      update: { blobId: index.blob },
    });
  }
  return { kind: "done", landed: decisions.filter((d) => d.verdict !== "conflict").map((d) => d.planned) };
}

async function blobAt(repo: string, commit: string, path: string): Promise<string | null> {
  const out = await git(["ls-tree", commit, "--", path], { cwd: repo });
  const match = /^\d+ blob ([0-9a-f]+)\t/.exec(out.trim());
  return match ? match[1]! : null;
}
