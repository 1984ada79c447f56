// `npm run audit:checkpoint -- --project <id> [--out <file>]`: verifies a project's chain and prints
// its length and head hash as JSON (or writes it to a file). Kept somewhere the database's owner
// cannot rewrite, the file lets `npm run audit:verify -- --checkpoint <file>` (or the audit page)
// notice later if events up to that head went missing, even with the project row rolled back too.
import fs from "node:fs";
import type { Db } from "../lib/db";
import type { AuditCheckpoint } from "../lib/schemas/audit";
import { loadServerLayer, runAsCommand, type CliOutput } from "./audit-verify";

export const CHECKPOINT_USAGE = `Usage: npm run audit:checkpoint -- --project <id> [--out <file>]

  --project <id>  the project whose chain head to save
  --out <file>    write the checkpoint there instead of printing it

Reads DATABASE_URL like the app. The chain is verified first; a broken chain gets no checkpoint.
Exit status: 0 written, 1 chain broken, 2 usage error or unknown project.`;

type CheckpointArgs = { projectId: string; out: string | null };

function parseCheckpointArgs(argv: string[]): CheckpointArgs | { error: string } | { help: true } {
  let projectId: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") return { help: true };
    if (arg === "--project" || arg === "-p" || arg === "--out") {
      const value = argv[++i];
      if (!value || value.startsWith("-")) return { error: `${arg} needs a value.` };
      if (arg === "--out") out = value;
      else if (projectId !== null) return { error: "A checkpoint is for one project; give --project once." };
      else projectId = value;
    } else return { error: `Unknown argument: ${arg}` };
  }
  if (projectId === null) return { error: "Say which project: --project <id>." };
  return { projectId, out };
}

const consoleOutput: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

export async function runAuditCheckpoint(
  argv: string[],
  output: CliOutput = consoleOutput,
  db?: Db,
): Promise<number> {
  const args = parseCheckpointArgs(argv);
  if ("help" in args) {
    output.out(CHECKPOINT_USAGE);
    return 0;
  }
  if ("error" in args) {
    output.err(`${args.error}\n\n${CHECKPOINT_USAGE}`);
    return 2;
  }
  const server = await loadServerLayer();
  const database = db ?? server.getDb();
  const project = await database.project.findUnique({ where: { id: args.projectId }, select: { id: true } });
  if (!project) {
    output.err(`unknown ${args.projectId}: no project with this id in this database.`);
    return 2;
  }
  const result = await server.verifyAuditChain(project.id, { db: database });
  if (result.status === "broken") {
    output.err(
      `BROKEN  ${project.id}: at event #${result.firstBadSeq}: ${result.reason}. No checkpoint of a broken chain.`,
    );
    return 1;
  }
  const checkpoint: AuditCheckpoint = {
    projectId: project.id,
    seq: result.count,
    hash: result.headHash,
    at: new Date().toISOString(),
    count: result.count,
  };
  const text = JSON.stringify(checkpoint, null, 2);
  if (args.out) {
    fs.writeFileSync(args.out, text + "\n");
    output.err(`Checkpoint of ${project.id} at event #${checkpoint.seq} written to ${args.out}.`);
  } else output.out(text);
  return 0;
}

runAsCommand(__filename, "audit:checkpoint", runAuditCheckpoint);
