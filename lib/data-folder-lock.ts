// One process per embedded database folder. PGlite keeps no lock of its own, so a second server,
// migration or CLI on a folder a running server holds would happily open it too: the two copies
// diverge, the audit chain forks and acknowledged writes vanish after a restart.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Tells this lock apart from a later one by a process that got the same pid. */
  nonce: string;
}

export class DataFolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
    readonly lockFile: string,
  ) {
    const where = holder.hostname === os.hostname() ? "" : ` on host ${holder.hostname}`;
    const thisProcess = holder.pid === process.pid && !where;
    super(
      `The database folder ${folder} is already in use by ${thisProcess ? "this process" : "another process"} ` +
        `(pid ${holder.pid}${where}, since ${holder.startedAt}). Only one server, migration or script may ` +
        `open an embedded database at a time: stop that process first. If it is no longer running, ` +
        `delete ${lockFile}.`,
    );
    this.name = "DataFolderInUseError";
  }
}

/** The lock sits beside the folder rather than in it, so PGlite's own files stay untouched. */
export function lockFileFor(folder: string): string {
  return `${path.resolve(folder)}.lock`;
}

// Shared through globalThis because Next can load this module more than once in one process.
const registry = globalThis as unknown as { verdictFolderLocks?: Map<string, string> };
const held = (registry.verdictFolderLocks ??= new Map<string, string>());

/** Writes the whole record first and links it into place, so nobody ever reads a half-written lock. */
function tryCreate(lockFile: string, me: LockHolder): boolean {
  const draft = `${lockFile}.${me.nonce}.tmp`;
  fs.writeFileSync(draft, JSON.stringify(me));
  try {
    fs.linkSync(draft, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

function readRaw(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function parseHolder(raw: string): LockHolder | null {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder>;
    if (typeof value.pid !== "number" || typeof value.hostname !== "string") return null;
    return {
      pid: value.pid,
      hostname: value.hostname,
      startedAt: String(value.startedAt),
      nonce: String(value.nonce),
    };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/**
 * A lock is stale when its process is gone. On another host we cannot tell, so it counts as held.
 * A lock naming our own pid that we do not hold is a previous life of this pid (pid 1 in a
 * container restarted after a crash, say).
 */
function isStale(holder: LockHolder | null): boolean {
  if (!holder) return true; // not written by us (we only ever link complete records)
  if (holder.hostname !== os.hostname()) return false;
  if (holder.pid === process.pid) return true;
  return !isAlive(holder.pid);
}

function inUse(folder: string, lockFile: string, raw: string | null): DataFolderInUseError {
  const holder = (raw && parseHolder(raw)) || {
    pid: 0,
    hostname: "unknown",
    startedAt: "unknown",
    nonce: "",
  };
  return new DataFolderInUseError(folder, holder, lockFile);
}

/**
 * Moves the stale lock aside under a name of our own and only then checks it is the one we judged
 * stale: if another process recovered it first and already holds a fresh lock, that lock goes back.
 */
function takeOver(folder: string, lockFile: string, staleRaw: string, me: LockHolder) {
  const aside = `${lockFile}.${me.nonce}.stale`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const moved = readRaw(aside);
  if (moved !== null && moved !== staleRaw) {
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // Someone else holds the folder now either way.
    }
    fs.rmSync(aside, { force: true });
    throw inUse(folder, lockFile, moved);
  }
  fs.rmSync(aside, { force: true });
  if (!tryCreate(lockFile, me)) throw inUse(folder, lockFile, readRaw(lockFile));
}

function release(lockFile: string) {
  const nonce = held.get(lockFile);
  if (nonce === undefined) return;
  held.delete(lockFile);
  try {
    const raw = readRaw(lockFile);
    if (raw !== null && parseHolder(raw)?.nonce === nonce) fs.rmSync(lockFile, { force: true });
  } catch {
    // Leaving a lock behind is recoverable: the next opener sees its process is gone.
  }
}

function releaseAll() {
  for (const lockFile of [...held.keys()]) release(lockFile);
}

const hooks = globalThis as unknown as { verdictFolderLockHooks?: boolean };

function releaseOnExit() {
  if (hooks.verdictFolderLockHooks) return;
  hooks.verdictFolderLockHooks = true;
  process.on("exit", releaseAll);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      // Whoever else listens (Next's graceful shutdown) exits in its own time, and "exit" releases
      // then. Alone, this listener has replaced Node's default of dying at once (which would skip
      // "exit" and leave the lock behind), so it exits the same way Node would have.
      if (process.listenerCount(signal) > 0) return;
      process.exit(128 + os.constants.signals[signal]);
    });
  }
}

/**
 * Takes the folder for this process or throws DataFolderInUseError at once. A lock left by a
 * crashed process on this host is recovered (with a warning). Returns the release function; the
 * lock is also released when the process exits or is interrupted.
 */
export function lockDataFolder(folder: string, warn: (message: string) => void = console.warn): () => void {
  const absolute = path.resolve(folder);
  const lockFile = lockFileFor(absolute);
  if (held.has(lockFile)) throw inUse(absolute, lockFile, readRaw(lockFile));
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    nonce: crypto.randomUUID(),
  };
  if (!tryCreate(lockFile, me)) {
    const raw = readRaw(lockFile);
    if (raw === null) {
      // Released between our two looks: one more try, then whoever won holds it.
      if (!tryCreate(lockFile, me)) throw inUse(absolute, lockFile, readRaw(lockFile));
    } else {
      const holder = parseHolder(raw);
      if (!isStale(holder)) throw inUse(absolute, lockFile, raw);
      takeOver(absolute, lockFile, raw, me);
      warn(
        holder
          ? `Recovered a stale lock on ${absolute}: process ${holder.pid} (since ${holder.startedAt}) is no longer running.`
          : `Replaced an unreadable lock file ${lockFile}.`,
      );
    }
  }
  held.set(lockFile, me.nonce);
  releaseOnExit();
  return () => release(lockFile);
}
