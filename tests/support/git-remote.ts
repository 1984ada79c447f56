// Real git remotes for publishing tests: bare repositories on disk (file://) and the same served over
// git's smart HTTP protocol by `git http-backend` behind HTTP Basic auth on 127.0.0.1.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_TERMINAL_PROMPT: "0",
};

export function runGit(args: string[], cwd?: string, input?: string): string {
  return execFileSync("git", args, {
    cwd,
    env: GIT_ENV,
    encoding: "utf8",
    input,
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** An empty bare repository whose default branch is main. */
export function bareRepository(
  root = mkdtempSync(join(tmpdir(), "verdict-remote-")),
  name = "decisions.git",
): string {
  const path = join(root, name);
  mkdirSync(path, { recursive: true });
  runGit(["init", "--bare", "--quiet", "--initial-branch=main", path]);
  runGit(["config", "http.receivepack", "true"], path);
  return path;
}

/** A fresh clone of one branch of the remote, or null when the branch does not exist. */
export function freshClone(remote: string, branch = "main"): string | null {
  const dir = mkdtempSync(join(tmpdir(), "verdict-clone-"));
  try {
    runGit(["clone", "--quiet", "--branch", branch, remote, dir]);
  } catch {
    return null;
  }
  return dir;
}

/** A person's commit to the remote, as if made outside Verdict. */
export function commitOutsideVerdict(remote: string, branch: string, path: string, text: string) {
  let dir = freshClone(remote, branch);
  if (!dir) {
    // A branch (or repository) that does not exist yet: its first commit.
    dir = mkdtempSync(join(tmpdir(), "verdict-clone-"));
    runGit(["clone", "--quiet", remote, dir]);
    runGit(["checkout", "--quiet", "-b", branch], dir);
  }
  const file = join(dir, path);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, text);
  runGit(["add", path], dir);
  runGit(
    [
      "-c",
      "user.name=Someone Else",
      "-c",
      "user.email=someone@example.test",
      "commit",
      "--quiet",
      "-m",
      "Edit in git",
    ],
    dir,
  );
  runGit(["push", "--quiet", "origin", `HEAD:refs/heads/${branch}`], dir);
}

export interface GitHttpServer {
  url: (name: string) => string;
  close: () => Promise<void>;
  /** Requests refused for wrong or missing credentials. */
  refused: number;
}

/**
 * Serves every bare repository under `root` over smart HTTP at http://127.0.0.1:<port>/<name>,
 * only to `username`/`password`.
 */
export async function serveOverHttp(
  root: string,
  username: string,
  password: string,
  port = 0,
  /** Runs before each push is handed to git, after the client read the branch heads: to move a branch under it. */
  beforePush?: () => void,
): Promise<GitHttpServer> {
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  const state = { refused: 0 };
  const server = http.createServer((request, response) => {
    if (request.headers.authorization !== expected) {
      state.refused++;
      response.writeHead(401, { "WWW-Authenticate": 'Basic realm="decisions"' }).end("Unauthorized");
      return;
    }
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (request.method === "POST" && url.pathname.endsWith("/git-receive-pack")) beforePush?.();
    const cgi = spawn("git", ["http-backend"], {
      env: {
        ...GIT_ENV,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: "1",
        REQUEST_METHOD: request.method ?? "GET",
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: request.headers["content-type"] ?? "",
        CONTENT_LENGTH: request.headers["content-length"] ?? "",
        HTTP_CONTENT_ENCODING: request.headers["content-encoding"] ?? "",
        HTTP_GIT_PROTOCOL: String(request.headers["git-protocol"] ?? ""),
        REMOTE_USER: username,
        REMOTE_ADDR: "127.0.0.1",
      },
    });
    request.pipe(cgi.stdin);
    const chunks: Buffer[] = [];
    cgi.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    cgi.on("close", () => {
      const output = Buffer.concat(chunks);
      const split = output.indexOf("\r\n\r\n");
      const headerEnd = split >= 0 ? split : output.indexOf("\n\n");
      const separator = split >= 0 ? 4 : 2;
      const headerText = output.subarray(0, headerEnd).toString("utf8");
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of headerText.split(/\r?\n/)) {
        const colon = line.indexOf(":");
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === "status") status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      response.writeHead(status, headers).end(output.subarray(headerEnd + separator));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: (name) => `http://127.0.0.1:${bound}/${name}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    get refused() {
      return state.refused;
    },
  };
}
