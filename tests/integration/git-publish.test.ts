// Publishing records to real git repositories: a bare repository on disk (file://) and one served by
// `git http-backend` over HTTP with Basic auth, so stored credentials are really used.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import { afterAll, beforeAll, expect, it } from "vitest";
import { publishPending } from "@/lib/server/git/publish";
import { startPublishWorker } from "@/lib/server/git/worker";
import type { Actor } from "@/lib/server/actor";
import { api, tokenFor } from "../support/api";
import { ballotFrom, createOpenDecision, frameworkDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import {
  bareRepository,
  commitOutsideVerdict,
  freshClone,
  runGit,
  serveOverHttp,
} from "../support/git-remote";
import { describeOnEachDatabase } from "../support/test-db";

type Team = Awaited<ReturnType<typeof makeTeam>>;

const SAVED_ENV = { ...process.env };
beforeAll(() => {
  process.env.GIT_ALLOW_FILE_REMOTES = "1";
  process.env.GIT_CACHE_DIR = mkdtempSync(join(tmpdir(), "verdict-git-cache-"));
  process.env.VERDICT_SECRET_KEY = randomBytes(32).toString("base64");
});
afterAll(() => {
  process.env = SAVED_ENV;
});

const fileUrl = (path: string) => pathToFileURL(path).href;

async function connect(team: Team, body: Record<string, unknown>, who: Actor = team.owner) {
  return api("PUT", `/projects/${team.project.id}/repository`, { token: await tokenFor(who), body });
}

/** A closed decision (its record proposed, numbered in order) with a clear winner. */
async function closedDecision(team: Team, title = frameworkDecision.title) {
  const decision = await createOpenDecision(team.lead, team.project.id, { ...frameworkDecision, title });
  for (const who of ["owner", "lead"] as const) {
    const res = await api("PUT", `/decisions/${decision.id}/ballot`, {
      token: await tokenFor(team[who]),
      body: ballotFrom(decision, [
        [9, 8, 7],
        [5, 6, 5],
        [3, 2, 4],
      ]),
    });
    if (res.status !== 200) throw new Error(`ballot failed: ${res.text}`);
  }
  const closed = await api("POST", `/decisions/${decision.id}/close`, { token: await tokenFor(team.lead) });
  if (closed.status !== 200) throw new Error(`close failed: ${closed.text}`);
  return decision;
}

async function accept(team: Team, decisionId: string, who: Actor = team.lead) {
  const res = await api("POST", `/decisions/${decisionId}/record/accept`, {
    token: await tokenFor(who),
    body: {},
  });
  if (res.status !== 200) throw new Error(`accept failed: ${res.text}`);
}

async function edit(team: Team, decisionId: string, consequencesGood: string, who: Actor = team.lead) {
  const res = await api("POST", `/decisions/${decisionId}/record/versions`, {
    token: await tokenFor(who),
    body: { consequencesGood },
  });
  if (res.status !== 200 && res.status !== 201) throw new Error(`edit failed: ${res.text}`);
}

async function exported(team: Team): Promise<Record<string, string>> {
  const { GET } = await import("@/app/api/v1/projects/[projectId]/records.zip/route");
  const response = await GET(
    new Request(`http://localhost/api/v1/projects/${team.project.id}/records.zip`, {
      headers: { authorization: `Bearer ${await tokenFor(team.member)}` },
    }),
    { params: Promise.resolve({ projectId: team.project.id }) },
  );
  const zip = await JSZip.loadAsync(new Uint8Array(await response.arrayBuffer()));
  const files: Record<string, string> = {};
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) files[name] = await entry.async("string");
  }
  return files;
}

function filesIn(clone: string, folder = "docs/decisions"): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(clone, folder)))
    files[`${folder}/${name}`] = readFileSync(join(clone, folder, name), "utf8");
  return files;
}

function history(clone: string): { author: string; committer: string; subject: string; files: string[] }[] {
  const log = runGit(["log", "--format=@@%an <%ae>|%cn|%s", "--name-only"], clone);
  return log
    .split("@@")
    .filter(Boolean)
    .map((entry) => {
      const [head, ...rest] = entry.trim().split("\n");
      const [author, committer, subject] = head!.split("|");
      return { author: author!, committer: committer!, subject: subject!, files: rest.filter(Boolean) };
    });
}

async function publishLog(team: Team, who: Actor = team.owner) {
  return api("GET", `/projects/${team.project.id}/repository/publications`, { token: await tokenFor(who) });
}

describeOnEachDatabase("publishing records to git", () => {
  it("commits each change of a record as one commit by the person who acted, with the exported text", async () => {
    const team = await makeTeam();
    const remote = bareRepository();
    const connected = await connect(team, {
      remoteUrl: fileUrl(remote),
      branch: "main",
      folder: "docs/decisions",
    });
    expect(connected.status).toBe(200);
    expect(connected.body.connection).toMatchObject({
      branch: "main",
      folder: "docs/decisions",
      credentials: "not set",
    });

    const first = await closedDecision(team, "Which framework do we train with?");
    await publishPending(team.project.id);
    await edit(team, first.id, "One stack to maintain.", team.owner);
    await publishPending(team.project.id);
    await accept(team, first.id);
    await publishPending(team.project.id);

    const clone = freshClone(remote)!;
    // The record and the index.md listing it, each exactly as the export writes them.
    expect(filesIn(clone)).toEqual(await exported(team));
    expect(filesIn(clone)["docs/decisions/index.md"]).toContain('| Which framework do we train with? | accepted |');
    const commits = history(clone).reverse();
    expect(commits.map((c) => c.subject)).toEqual([
      'ADR-0001: propose "Which framework do we train with?"',
      'ADR-0001: edit "Which framework do we train with?"',
      'ADR-0001: accept "Which framework do we train with?"',
    ]);
    expect(commits.map((c) => c.author)).toEqual([
      `Lead <${team.lead.email}>`,
      `Owner <${team.owner.email}>`,
      `Lead <${team.lead.email}>`,
    ]);
    expect(new Set(commits.map((c) => c.committer))).toEqual(new Set(["Verdict"]));
    // The index changes in the same commit as the record whose line it changes.
    expect(commits.map((c) => c.files.includes("docs/decisions/index.md"))).toEqual([true, false, true]);

    // A supersede changes two records: one commit holding both files.
    const second = await closedDecision(team, "Which framework replaces it?");
    await accept(team, second.id);
    await publishPending(team.project.id);
    const superseded = await api("POST", `/decisions/${first.id}/record/supersede`, {
      token: await tokenFor(team.owner),
      body: { byDecisionId: second.id },
    });
    expect(superseded.status).toBe(200);
    await publishPending(team.project.id);
    const after = freshClone(remote)!;
    expect(filesIn(after)).toEqual(await exported(team));
    const last = history(after)[0]!;
    expect(last.author).toBe(`Owner <${team.owner.email}>`);
    expect(last.files.sort()).toEqual(Object.keys(await exported(team)).sort());
    expect(last.subject).toContain("ADR-0001: superseded by ADR-0002");
    expect(history(after)).toHaveLength(6);

    const log = await publishLog(team);
    expect(log.status).toBe(200);
    expect(log.body.publications[0]).toMatchObject({
      status: "published",
      recordKey: expect.stringMatching(/ADR-000[12]/),
    });
    expect(log.body.publications.every((p: { status: string }) => p.status === "published")).toBe(true);
  });

  it("uses the stored credentials over HTTP, says so clearly when they are wrong, and never shows them", async () => {
    const team = await makeTeam();
    const root = mkdtempSync(join(tmpdir(), "verdict-http-"));
    bareRepository(root, "decisions.git");
    const password = "s3cret-token-value";
    const server = await serveOverHttp(root, "bot", password);
    try {
      const url = server.url("decisions.git");
      const refused = await connect(team, {
        remoteUrl: url,
        branch: "main",
        credentials: { username: "bot", secret: "wrong" },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toMatch(/refused the credentials/);
      const none = await connect(team, { remoteUrl: url, branch: "main" });
      expect(none.status).toBe(422);

      const saved = await connect(team, {
        remoteUrl: url,
        branch: "main",
        credentials: { username: "bot", secret: password },
      });
      expect(saved.status).toBe(200);
      expect(saved.body.connection.credentials).toBe("set");

      const decision = await closedDecision(team);
      await publishPending(team.project.id);
      const clone = freshClone(join(root, "decisions.git"))!;
      expect(filesIn(clone)).toEqual(await exported(team));

      await edit(team, decision.id, "Serving gets one stack.");
      await publishPending(team.project.id);
      expect(history(freshClone(join(root, "decisions.git"))!)).toHaveLength(2);

      // Everything any role can read about the connection or its history.
      const reads = [
        await api("GET", `/projects/${team.project.id}/repository`, { token: await tokenFor(team.owner) }),
        await publishLog(team),
        await api("GET", `/projects/${team.project.id}/audit?limit=500`, {
          token: await tokenFor(team.owner),
        }),
        await api("GET", `/projects/${team.project.id}/audit?limit=500`, {
          token: await tokenFor(team.auditor),
        }),
      ];
      for (const read of reads) {
        expect(read.status).toBe(200);
        expect(read.text).not.toContain("s3cret-token-value");
        expect(read.text).not.toContain(Buffer.from("bot:s3cret-token-value").toString("base64"));
      }
    } finally {
      await server.close().catch(() => undefined);
    }
  });

  it("logs a clear error when the repository refuses the stored credentials, and publishes once they work again", async () => {
    const team = await makeTeam();
    const root = mkdtempSync(join(tmpdir(), "verdict-http-"));
    bareRepository(root, "decisions.git");
    const good = await serveOverHttp(root, "bot", "right-token");
    const url = good.url("decisions.git");
    const port = new URL(url).port;
    expect(
      (await connect(team, { remoteUrl: url, credentials: { username: "bot", secret: "right-token" } }))
        .status,
    ).toBe(200);
    await good.close();

    // The same address now wants another password: the stored one is refused.
    const changed = await serveOverHttpOnPort(root, "bot", "another-token", Number(port));
    try {
      await closedDecision(team);
      await publishPending(team.project.id);
      const log = await publishLog(team);
      expect(log.body.publications[0]).toMatchObject({
        status: "failed",
        error: expect.stringMatching(/refused the credentials/),
      });
      expect(log.text).not.toContain("right-token");
      expect(changed.refused).toBeGreaterThan(0);
    } finally {
      await changed.close();
    }
    const again = await serveOverHttpOnPort(root, "bot", "right-token", Number(port));
    try {
      const retried = await api("POST", `/projects/${team.project.id}/repository/publish`, {
        token: await tokenFor(team.lead),
        body: {},
      });
      expect(retried.status).toBe(200);
      expect(retried.body.publications[0]).toMatchObject({
        status: "published",
        commitId: expect.stringMatching(/^[0-9a-f]{40}$/),
      });
      expect(freshClone(join(root, "decisions.git"))).not.toBeNull();
    } finally {
      await again.close();
    }
  });

  it("never overwrites a file changed in git: the conflict shows both texts until an owner or lead overwrites", async () => {
    const team = await makeTeam();
    const remote = bareRepository();
    await connect(team, { remoteUrl: fileUrl(remote) });
    const decision = await closedDecision(team);
    await publishPending(team.project.id);
    const [path] = Object.keys(filesIn(freshClone(remote)!));
    const theirs = "# Edited by hand in git\n";
    commitOutsideVerdict(remote, "main", path!, theirs);

    await edit(team, decision.id, "Verdict's own edit.");
    await publishPending(team.project.id);
    expect(readFileSync(join(freshClone(remote)!, path!), "utf8")).toBe(theirs);
    const log = await publishLog(team, team.lead);
    const conflict = log.body.publications[0];
    expect(conflict).toMatchObject({ status: "conflict", path, remoteText: theirs });
    expect(conflict.verdictText).toContain("Verdict's own edit.");

    const record = await api("GET", `/decisions/${decision.id}/record/publication`, {
      token: await tokenFor(team.member),
    });
    expect(record.status).toBe(200);
    expect(record.body.publication).toMatchObject({ status: "conflict" });

    for (const who of [team.member, team.auditor]) {
      const refused = await api(
        "POST",
        `/projects/${team.project.id}/repository/publications/${conflict.id}/resolve`,
        {
          token: await tokenFor(who),
          body: { resolution: "overwrite" },
        },
      );
      expect(refused.status).toBe(403);
    }
    const stranger = await api(
      "POST",
      `/projects/${team.project.id}/repository/publications/${conflict.id}/resolve`,
      {
        token: await tokenFor(team.stranger),
        body: { resolution: "overwrite" },
      },
    );
    expect(stranger.status).toBe(404);
    expect(readFileSync(join(freshClone(remote)!, path!), "utf8")).toBe(theirs);

    const resolved = await api(
      "POST",
      `/projects/${team.project.id}/repository/publications/${conflict.id}/resolve`,
      {
        token: await tokenFor(team.lead),
        body: { resolution: "overwrite" },
      },
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body.publications[0]).toMatchObject({ status: "published", overwrite: true });
    const clone = freshClone(remote)!;
    expect(filesIn(clone)).toEqual(await exported(team));
    expect(history(clone)[0]!.subject).toContain("overwrite with Verdict's version");
    const audit = await api("GET", `/projects/${team.project.id}/audit?limit=500`, {
      token: await tokenFor(team.owner),
    });
    expect(audit.body.events.map((e: { action: string }) => e.action)).toContain(
      "repository.conflict_overwritten",
    );
  });

  it("puts proposed records on their own branch and decided ones on the main branch", async () => {
    const team = await makeTeam();
    const remote = bareRepository();
    await connect(team, {
      remoteUrl: fileUrl(remote),
      branch: "main",
      folder: "adr",
      proposedBranches: true,
    });
    const decision = await closedDecision(team);
    await publishPending(team.project.id);
    expect(freshClone(remote, "main")).toBeNull();
    const proposal = freshClone(remote, "verdict/adr-0001")!;
    expect(Object.keys(filesIn(proposal, "adr"))).toHaveLength(1);
    expect(Object.values(filesIn(proposal, "adr"))[0]).toContain('status: "proposed"');

    await accept(team, decision.id);
    await publishPending(team.project.id);
    const main = freshClone(remote, "main")!;
    const files = filesIn(main, "adr");
    expect(Object.keys(files)).toHaveLength(2);
    expect(Object.entries(files).find(([path]) => path !== "adr/index.md")![1]).toContain('status: "accepted"');
    expect(files["adr/index.md"]).toContain("[ADR-0001]");
    expect(history(main)[0]!.subject).toMatch(/^ADR-0001: accept /);
    // Decided and on the main branch: its proposal branch is gone, and the log says so.
    expect(runGit(["ls-remote", "--heads", remote])).not.toContain("verdict/adr-0001");
    const log = await publishLog(team);
    const accepted = log.body.publications.find((p: { change: string }) => p.change === "accept");
    expect(accepted).toMatchObject({ branch: "main", status: "published", deletedBranch: "verdict/adr-0001" });
    expect(
      log.body.publications.filter((p: { deletedBranch: string | null }) => p.deletedBranch !== null),
    ).toHaveLength(1);

    // A proposal branch someone added a commit to is theirs: it stays after the record is decided.
    const second = await closedDecision(team, "Which serving stack?");
    await publishPending(team.project.id);
    // The main branch's index lists only the records on it, not one still waiting on its own branch.
    expect(filesIn(freshClone(remote, "main")!, "adr")["adr/index.md"]).not.toContain("ADR-0002");
    commitOutsideVerdict(remote, "verdict/adr-0002", "adr/review-notes.md", "Looks good to me.\n");
    await accept(team, second.id);
    await publishPending(team.project.id);
    const decided = filesIn(freshClone(remote, "main")!, "adr");
    expect(Object.keys(decided)).toHaveLength(3);
    expect(decided["adr/index.md"]).toMatch(/\[ADR-0001\][^\n]*\n[^\n]*\[ADR-0002\]/);
    expect(runGit(["ls-remote", "--heads", remote])).toContain("refs/heads/verdict/adr-0002");
    const later = await publishLog(team);
    expect(
      later.body.publications.find((p: { change: string; recordKey: string }) => p.change === "accept" && p.recordKey === "ADR-0002"),
    ).toMatchObject({ status: "published", deletedBranch: null });
  });

  it("lets only owners connect; owners and leads read the log; no project's records reach another's repository", async () => {
    const team = await makeTeam("Platform");
    const other = await makeTeam("Data");
    const remote = bareRepository();
    const otherRemote = bareRepository();
    const body = { remoteUrl: fileUrl(remote) };
    for (const who of [team.lead, team.member, team.auditor]) {
      expect((await connect(team, body, who)).status).toBe(403);
      expect(
        (await api("DELETE", `/projects/${team.project.id}/repository`, { token: await tokenFor(who) }))
          .status,
      ).toBe(403);
    }
    expect((await connect(team, body, team.stranger)).status).toBe(404);
    expect((await connect(team, body, other.owner)).status).toBe(404);
    expect((await connect(team, body)).status).toBe(200);
    expect((await connect(other, { remoteUrl: fileUrl(otherRemote) })).status).toBe(200);
    for (const who of [team.member, team.auditor]) {
      expect((await publishLog(team, who)).status).toBe(403);
      expect(
        (await api("GET", `/projects/${team.project.id}/repository`, { token: await tokenFor(who) })).status,
      ).toBe(403);
      expect(
        (
          await api("POST", `/projects/${team.project.id}/repository/publish`, {
            token: await tokenFor(who),
            body: {},
          })
        ).status,
      ).toBe(403);
    }
    expect((await publishLog(team, team.lead)).status).toBe(200);
    expect((await publishLog(team, other.owner)).status).toBe(404);

    await closedDecision(team, "Platform decides");
    await closedDecision(other, "Data decides");
    await publishPending(team.project.id);
    await publishPending(other.project.id);
    expect(Object.values(filesIn(freshClone(remote)!)).join("")).toContain("Platform decides");
    expect(Object.values(filesIn(freshClone(remote)!)).join("")).not.toContain("Data decides");
    expect(Object.values(filesIn(freshClone(otherRemote)!)).join("")).not.toContain("Platform decides");
    expect((await publishLog(other)).body.publications).toHaveLength(1);

    const invalid = await connect(team, { remoteUrl: "https://bot:token@example.test/repo.git" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details.issues[0].path).toBe("remoteUrl");
  });

  it("fetches and commits again on top when the branch moved during a push, and reports a branch that keeps moving", async () => {
    const team = await makeTeam();
    const root = mkdtempSync(join(tmpdir(), "verdict-http-"));
    const bare = bareRepository(root, "decisions.git");
    commitOutsideVerdict(bare, "main", "README.md", "Our decisions.\n");
    let moves = 0;
    let pushes = 0;
    const server = await serveOverHttp(root, "bot", "pw", 0, () => {
      pushes++;
      if (moves > 0) {
        moves--;
        commitOutsideVerdict(bare, "main", `notes/${pushes}.md`, `Someone pushed first (${pushes}).\n`);
      }
    });
    try {
      expect(
        (
          await connect(team, {
            remoteUrl: server.url("decisions.git"),
            credentials: { username: "bot", secret: "pw" },
          })
        ).status,
      ).toBe(200);
      moves = 1;
      const decision = await closedDecision(team);
      await publishPending(team.project.id);
      const clone = freshClone(bare)!;
      expect(readFileSync(join(clone, "notes/1.md"), "utf8")).toContain("Someone pushed first");
      expect(filesIn(clone)).toEqual(await exported(team));
      expect(history(clone).map((c) => c.subject)).toEqual([
        'ADR-0001: propose "Which framework do we standardize on?"',
        "Edit in git",
        "Edit in git",
      ]);
      expect((await publishLog(team)).body.publications[0]).toMatchObject({ status: "published" });

      moves = 2;
      await edit(team, decision.id, "A second edit.");
      await publishPending(team.project.id);
      const log = await publishLog(team);
      expect(log.body.publications[0]).toMatchObject({
        status: "failed",
        error: expect.stringMatching(/rejected twice/),
      });
      expect(readFileSync(join(freshClone(bare)!, Object.keys(filesIn(clone))[0]!), "utf8")).not.toContain(
        "A second edit.",
      );

      const retried = await api("POST", `/projects/${team.project.id}/repository/publish`, {
        token: await tokenFor(team.owner),
      });
      expect(retried.body.publications[0]).toMatchObject({ status: "published", attempts: 2 });
      expect(readFileSync(join(freshClone(bare)!, Object.keys(filesIn(clone))[0]!), "utf8")).toContain(
        "A second edit.",
      );
    } finally {
      await server.close();
    }
  });

  it("publishes by itself once a record's change commits, from the worker the server starts", async () => {
    const team = await makeTeam();
    const remote = bareRepository();
    await connect(team, { remoteUrl: fileUrl(remote) });
    const stop = startPublishWorker();
    try {
      await closedDecision(team);
      let clone: string | null = null;
      for (let waited = 0; waited < 60_000 && !clone; waited += 500) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        clone = freshClone(remote);
      }
      expect(clone).not.toBeNull();
      expect(history(clone!).map((c) => c.subject)).toEqual([
        'ADR-0001: propose "Which framework do we standardize on?"',
      ]);
    } finally {
      stop();
      // A run the worker started may still be finishing: let it, before the database goes away.
      await publishPending(team.project.id);
    }
  });

  it("publishes every record at once after connecting a repository to a project that already has some", async () => {
    const team = await makeTeam();
    const first = await closedDecision(team, "First question");
    await accept(team, first.id);
    await closedDecision(team, "Second question");
    const remote = bareRepository();
    await connect(team, { remoteUrl: fileUrl(remote) });
    const published = await api("POST", `/projects/${team.project.id}/repository/publish`, {
      token: await tokenFor(team.owner),
      body: { all: true },
    });
    expect(published.status).toBe(200);
    expect(published.body.queued).toBe(2);
    const clone = freshClone(remote)!;
    expect(filesIn(clone)).toEqual(await exported(team));
    expect(history(clone)).toHaveLength(1);
    expect(history(clone)[0]!.author).toBe(`Owner <${team.owner.email}>`);
  });
});

// A server on a fixed port, so the stored address keeps pointing at it.
const serveOverHttpOnPort = (root: string, username: string, password: string, port: number) =>
  serveOverHttp(root, username, password, port);
