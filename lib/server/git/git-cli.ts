// The system git, run without a shell and without the server's own git setup: no system or user
// config, no prompts, only the protocols Verdict supports, and credentials handed to git through its
// environment (GIT_CONFIG_* → http.extraHeader), never on a command line or in a file.
import "server-only";
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RepositoryCredentials } from "./credentials";

const TIMEOUT_MS = 120_000;

const globalForGit = globalThis as unknown as { verdictGitHome?: string };

// An empty, private HOME: git reads no ~/.gitconfig, credential helper or ssh setting of the server's user.
function isolatedHome(): string {
  globalForGit.verdictGitHome ??= mkdtempSync(join(tmpdir(), "verdict-git-home-"));
  return globalForGit.verdictGitHome;
}

export class GitError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = "GitError";
  }
}

export interface GitOptions {
  cwd?: string;
  input?: string;
  credentials?: RepositoryCredentials | null;
  env?: Record<string, string>;
}

/** Whether file:// remotes may be connected: off unless the server's operator allows them (see README). */
export function fileRemotesAllowed(): boolean {
  return /^(1|true|yes)$/i.test(process.env.GIT_ALLOW_FILE_REMOTES ?? "");
}

function gitEnvironment(options: GitOptions): Record<string, string> {
  const home = isolatedHome();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    XDG_CONFIG_HOME: home,
    LANG: "C",
    LC_ALL: "C",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    // Asked for a password anyway (wrong or missing credentials), git gets none and says so.
    GIT_ASKPASS: "/bin/false",
    SSH_ASKPASS: "/bin/false",
    GIT_SSH_COMMAND: "ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new",
    GIT_ALLOW_PROTOCOL: fileRemotesAllowed() ? "https:http:ssh:file" : "https:http:ssh",
    // ssh keys come from the server user's agent, if it runs one; nothing else of the user's setup is read.
    ...(process.env.SSH_AUTH_SOCK ? { SSH_AUTH_SOCK: process.env.SSH_AUTH_SOCK } : {}),
    ...options.env,
  };
  if (options.credentials) {
    const basic = Buffer.from(
      `${options.credentials.username}:${options.credentials.secret}`,
      "utf8",
    ).toString("base64");
    env.GIT_CONFIG_COUNT = "1";
    env.GIT_CONFIG_KEY_0 = "http.extraHeader";
    env.GIT_CONFIG_VALUE_0 = `Authorization: Basic ${basic}`;
  }
  return env;
}

/** Runs `git <args>` and returns its standard output; a failure is a GitError carrying git's own words. */
export function git(args: string[], options: GitOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      args,
      // The environment is built whole on purpose: nothing of the server's own (NODE_ENV included) reaches git.
      {
        cwd: options.cwd,
        env: gitEnvironment(options) as NodeJS.ProcessEnv,
        timeout: TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
        encoding: "utf8",
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") {
          return reject(
            new GitError("git is not installed on this server (the git command was not found).", ""),
          );
        }
        if (error.killed)
          return reject(
            new GitError(`git ${args[0]} took longer than ${TIMEOUT_MS / 1000} s and was stopped.`, stderr),
          );
        reject(new GitError(describeGitFailure(stderr) ?? `git ${args[0]} failed.`, stderr));
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** git's message in a sentence a person can act on; the remote's address may appear, never credentials. */
export function describeGitFailure(stderr: string): string | null {
  const text = stderr.replace(/Authorization:[^\n]*/gi, "Authorization: …").trim();
  if (!text) return null;
  if (
    /Authentication failed|could not read Username|could not read Password|terminal prompts disabled|HTTP Basic: Access denied|returned error: 401|returned error: 403/i.test(
      text,
    )
  ) {
    return "The repository refused the credentials (authentication failed). Check the user name and token, and that the token may push.";
  }
  if (
    /Could not resolve host|Failed to connect|Connection refused|Connection timed out|unable to access/i.test(
      text,
    )
  ) {
    const line = text.split("\n").find((l) => /fatal|unable/i.test(l)) ?? text.split("\n")[0];
    return `The repository could not be reached: ${line!.replace(/^fatal:\s*/, "")}`;
  }
  if (
    /does not appear to be a git repository|not found|Repository not found|returned error: 404/i.test(text)
  ) {
    return "There is no repository at this address (or these credentials may not see it).";
  }
  if (/transport '?\w+'? not allowed/i.test(text)) {
    return "This kind of address is not allowed on this server.";
  }
  const fatal = text.split("\n").filter((l) => /^(fatal|error|remote|!)/.test(l.trim()));
  return (fatal.length > 0 ? fatal : text.split("\n")).slice(0, 4).join(" ").slice(0, 500);
}
