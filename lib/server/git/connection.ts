// Connecting, changing and disconnecting a project's git repository (owners only). The connection is
// tried with `git ls-remote` before it is saved, so a wrong address or token is said at once.
import "server-only";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDb } from "../../db";
import { classifyRemote } from "../../domain/git-publish";
import { AppError } from "../../errors";
import { repositoryConnectionSchema } from "../../schemas/repository";
import type { Actor } from "../actor";
import { requirePermission, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";
import {
  decryptCredentials,
  encryptCredentials,
  hasSecretKey,
  type RepositoryCredentials,
} from "./credentials";
import { fileRemotesAllowed, git, GitError } from "./git-cli";
import { gitCacheRoot } from "./publish";

type StoredConnection = {
  remoteUrl: string;
  branch: string;
  folder: string;
  proposedBranches: boolean;
  credentialsCipher: string | null;
  updatedAt: Date;
};

/** What anyone may see of a connection: never the credentials, only whether there are some. */
function presentConnection(connection: StoredConnection | null) {
  return {
    connection: connection && {
      remoteUrl: connection.remoteUrl,
      branch: connection.branch,
      folder: connection.folder,
      proposedBranches: connection.proposedBranches,
      credentials: connection.credentialsCipher ? ("set" as const) : ("not set" as const),
      updatedAt: connection.updatedAt.toISOString(),
    },
    canStoreCredentials: hasSecretKey(),
    fileRemotesAllowed: fileRemotesAllowed(),
  };
}

export async function getRepositoryConnection(actor: Actor, projectId: string) {
  await requirePermission(projectId, actor.userId, "repository.publish");
  return presentConnection(await getDb().repositoryConnection.findUnique({ where: { projectId } }));
}

export async function saveRepositoryConnection(actor: Actor, projectId: string, raw: unknown) {
  await requirePermission(projectId, actor.userId, "repository.manage");
  const input = parseInput(repositoryConnectionSchema, raw);
  const kind = classifyRemote(input.remoteUrl);
  if ("kind" in kind && kind.kind === "file" && !fileRemotesAllowed()) {
    throw new AppError(
      "unprocessable",
      "This server does not allow file:// repositories (GIT_ALLOW_FILE_REMOTES is off).",
      {
        issues: [{ path: "remoteUrl", message: "Use an https:// or ssh:// address." }],
      },
    );
  }
  const existing = await getDb().repositoryConnection.findUnique({ where: { projectId } });
  // Absent credentials keep the stored ones, null removes them, a value replaces them.
  let credentials: RepositoryCredentials | null = null;
  let cipher: string | null = null;
  if (input.credentials) {
    cipher = encryptCredentials(projectId, input.credentials);
    credentials = input.credentials;
  } else if (input.credentials === undefined && existing?.credentialsCipher) {
    cipher = existing.credentialsCipher;
    credentials = decryptCredentials(projectId, cipher);
  }
  await tryConnection(input.remoteUrl, credentials);

  const saved = await getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "repository.manage");
    const before = await tx.repositoryConnection.findUnique({ where: { projectId } });
    const data = {
      remoteUrl: input.remoteUrl,
      branch: input.branch,
      folder: input.folder,
      proposedBranches: input.proposedBranches,
      credentialsCipher: cipher,
    };
    const connection = await tx.repositoryConnection.upsert({
      where: { projectId },
      create: { projectId, ...data },
      update: data,
    });
    // Another repository has none of the files Verdict remembers writing.
    if (before && before.remoteUrl !== input.remoteUrl)
      await tx.publishedFile.deleteMany({ where: { projectId } });
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: before ? "repository.updated" : "repository.connected",
      entityType: "repository",
      entityId: projectId,
      data: {
        ...(before && {
          before: {
            remoteUrl: before.remoteUrl,
            branch: before.branch,
            folder: before.folder,
            proposedBranches: before.proposedBranches,
            credentials: before.credentialsCipher ? "set" : "not set",
          },
        }),
        after: {
          remoteUrl: input.remoteUrl,
          branch: input.branch,
          folder: input.folder,
          proposedBranches: input.proposedBranches,
          credentials: cipher ? "set" : "not set",
        },
        credentialsChange: input.credentials ? "replaced" : input.credentials === null ? "removed" : "kept",
      },
    });
    return connection;
  });
  return presentConnection(saved);
}

export async function deleteRepositoryConnection(actor: Actor, projectId: string) {
  await requirePermission(projectId, actor.userId, "repository.manage");
  await getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "repository.manage");
    const before = await tx.repositoryConnection.findUnique({ where: { projectId } });
    if (!before) throw new AppError("not_found", "This project has no repository connected.");
    await tx.repositoryConnection.delete({ where: { projectId } });
    await tx.publishedFile.deleteMany({ where: { projectId } });
    await tx.recordPublication.updateMany({
      where: { projectId, status: "pending" },
      data: { status: "skipped", error: "The repository was disconnected before this was published." },
    });
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "repository.disconnected",
      entityType: "repository",
      entityId: projectId,
      data: { before: { remoteUrl: before.remoteUrl, branch: before.branch, folder: before.folder } },
    });
  });
  await rm(join(gitCacheRoot(), projectId), { recursive: true, force: true });
}

/** `git ls-remote` against the address with the credentials; a failure is a 422 saying what git said. */
async function tryConnection(remoteUrl: string, credentials: RepositoryCredentials | null) {
  const cwd = await mkdtemp(join(tmpdir(), "verdict-ls-remote-"));
  try {
    await git(["ls-remote", "--heads", remoteUrl], { cwd, credentials });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new AppError("unprocessable", `Could not connect to the repository: ${error.message}`, {
      issues: [{ path: "remoteUrl", message: error.message }],
    });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}
