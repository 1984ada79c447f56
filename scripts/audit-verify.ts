// `npm run audit:verify -- --project <id>` (repeatable) or `-- --all`: recomputes each project's audit
// chain with the same function as GET /api/v1/projects/{id}/audit/verify, prints the outcome per
// project and exits 1 if any chain is broken (2 for a usage error or an unknown project).
// `--checkpoint <file>` also holds a project's chain to a head saved by `npm run audit:checkpoint`.
import fs from "node:fs";
import Module from "node:module";
import path from "node:path";
import type { Db } from "../lib/db";
import { auditCheckpointSchema, type AuditCheckpoint } from "../lib/schemas/audit";
import type { AuditVerification } from "../lib/schemas/responses";

export const USAGE = `Usage: npm run audit:verify -- (--project <id> [--project <id> …] | --all) [--checkpoint <file> …] [--json]

  --project <id>      verify one project's chain (may be given more than once)
  --all               verify every project's chain
  --checkpoint <file> a checkpoint from npm run audit:checkpoint: its project's chain must still
                      contain that head (may be given more than once; alone, it names the project)
  --json              print one JSON object per project instead of text

Reads DATABASE_URL like the app (postgresql://…, file:<folder>, default file:./data/verdict).
Exit status: 0 all intact, 1 some chain broken, 2 usage error or unknown project.`;

export type CliArgs = {
  projectIds: string[];
  checkpointFiles: string[];
  all: boolean;
  json: boolean;
  help: boolean;
};

export function parseArgs(argv: string[]): CliArgs | { error: string } {
  const args: CliArgs = { projectIds: [], checkpointFiles: [], all: false, json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--all") args.all = true;
    else if (arg === "--json") args.json = true;
    else if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--project" || arg === "-p") {
      const id = argv[++i];
      if (!id || id.startsWith("-")) return { error: `${arg} needs a project id.` };
      args.projectIds.push(id);
    } else if (arg.startsWith("--project=")) args.projectIds.push(arg.slice("--project=".length));
    else if (arg === "--checkpoint") {
      const file = argv[++i];
      if (!file || file.startsWith("-")) return { error: `${arg} needs a file.` };
      args.checkpointFiles.push(file);
    } else if (arg.startsWith("--checkpoint=")) args.checkpointFiles.push(arg.slice("--checkpoint=".length));
    else return { error: `Unknown argument: ${arg}` };
  }
  if (args.help) return args;
  if (args.all && args.projectIds.length > 0) return { error: "Give either --project or --all, not both." };
  if (!args.all && args.projectIds.length === 0 && args.checkpointFiles.length === 0)
    return { error: "Say which chain to verify: --project <id>, --all or --checkpoint <file>." };
  return args;
}

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

/**
 * `server-only` guards the React bundle against server code; this command is server code run by
 * plain Node, so the guard is answered with an empty module before the server layer loads.
 */
function allowServerModulesInNode() {
  const require = Module.createRequire(__filename);
  const guard = require.resolve("server-only");
  if (require.cache[guard]) return;
  const stub = new Module(guard);
  stub.loaded = true;
  stub.exports = {};
  require.cache[guard] = stub;
}

/** The server layer, loaded only after the guard is answered (static imports would run first). */
export async function loadServerLayer() {
  allowServerModulesInNode();
  const [{ verifyAuditChain }, { getDb }] = await Promise.all([
    import("../lib/server/audit/verify-chain"),
    import("../lib/db"),
  ]);
  return { verifyAuditChain, getDb };
}

function describe(
  project: { id: string; name: string },
  result: AuditVerification,
  seconds: number,
): string[] {
  const who = `${project.id}  "${project.name}"`;
  if (result.status === "intact") {
    return [
      `intact  ${who}: ${result.count.toLocaleString("en-US")} events, head hash ${result.headHash || "(none)"}, ${result.anchorsChecked} kept head(s) found in it (${seconds.toFixed(2)} s)`,
    ];
  }
  return [
    `BROKEN  ${who}: at event #${result.firstBadSeq}: ${result.reason}`,
    `        expected: ${result.expected}`,
    `        found:    ${result.found}`,
    `        ${result.count.toLocaleString("en-US")} events verified before the break, ending in ${result.headHash || "(none)"}`,
  ];
}

async function* projectsToCheck(db: Db, args: CliArgs) {
  if (!args.all) {
    for (const id of args.projectIds) {
      yield (
        (await db.project.findUnique({ where: { id }, select: { id: true, name: true } })) ?? {
          id,
          name: null,
        }
      );
    }
    return;
  }
  // Keyset pages of projects, so `--all` stays small on an instance with many of them.
  let cursor: string | undefined;
  for (;;) {
    const page = await db.project.findMany({
      where: cursor ? { id: { gt: cursor } } : {},
      orderBy: { id: "asc" },
      take: 100,
      select: { id: true, name: true },
    });
    yield* page;
    if (page.length < 100) return;
    cursor = page[page.length - 1]!.id;
  }
}

/** Reads and checks each checkpoint file; one per project, since a later head implies the earlier. */
export function readCheckpoints(files: string[]): Map<string, AuditCheckpoint> | { error: string } {
  const byProject = new Map<string, AuditCheckpoint>();
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      return { error: `Cannot read the checkpoint ${file}: ${(error as Error).message}` };
    }
    const parsed = auditCheckpointSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return {
        error: `The checkpoint ${file} is not one: ${issue.path.join(".") || "(file)"}: ${issue.message}`,
      };
    }
    const earlier = byProject.get(parsed.data.projectId);
    if (!earlier || earlier.seq < parsed.data.seq) byProject.set(parsed.data.projectId, parsed.data);
  }
  return byProject;
}

/** Runs the command and returns its exit status; `db` defaults to the one DATABASE_URL names. */
export async function runAuditVerify(
  argv: string[],
  output: CliOutput = consoleOutput,
  db?: Db,
): Promise<number> {
  const args = parseArgs(argv);
  if ("error" in args) {
    output.err(`${args.error}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    output.out(USAGE);
    return 0;
  }
  const checkpoints = readCheckpoints(args.checkpointFiles);
  if (!(checkpoints instanceof Map)) {
    output.err(checkpoints.error);
    return 2;
  }
  if (!args.all) {
    for (const projectId of checkpoints.keys()) {
      if (!args.projectIds.includes(projectId)) args.projectIds.push(projectId);
    }
  }
  const server = await loadServerLayer();
  const database = db ?? server.getDb();
  let intact = 0;
  let broken = 0;
  let unknown = 0;
  for await (const project of projectsToCheck(database, args)) {
    if (project.name === null) {
      unknown++;
      if (args.json) output.out(JSON.stringify({ projectId: project.id, status: "not_found" }));
      else output.err(`unknown ${project.id}: no project with this id in this database.`);
      continue;
    }
    const started = performance.now();
    const checkpoint = checkpoints.get(project.id);
    const result = await server.verifyAuditChain(project.id, {
      db: database,
      checkpoint: checkpoint && { seq: checkpoint.seq, hash: checkpoint.hash },
    });
    const seconds = (performance.now() - started) / 1000;
    if (result.status === "intact") intact++;
    else broken++;
    if (args.json) output.out(JSON.stringify({ projectId: project.id, name: project.name, ...result }));
    else for (const line of describe(project, result, seconds)) output.out(line);
  }
  if (!args.json && args.all) {
    output.out(`${intact + broken} project(s) checked: ${intact} intact, ${broken} broken.`);
  }
  if (broken > 0) return 1;
  return unknown > 0 ? 2 : 0;
}

/** Runs `run` as this command when `filename` is the script node was started with, then exits with its status. */
export function runAsCommand(filename: string, label: string, run: (argv: string[]) => Promise<number>) {
  if (process.argv[1] === undefined || path.resolve(process.argv[1]) !== path.resolve(filename)) return;
  (async () => {
    let status: number;
    try {
      status = await run(process.argv.slice(2));
    } catch (error) {
      console.error(`${label} failed: ${(error as Error).message}`);
      status = 2;
    }
    try {
      await (await loadServerLayer()).getDb().$disconnect();
    } catch {
      // Nothing to close if the database could not be opened.
    }
    process.exit(status);
  })();
}

runAsCommand(__filename, "audit:verify", runAuditVerify);
