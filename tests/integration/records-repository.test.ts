// Records as files in a team's repository: importing real ADR folders, importing them again,
// exporting them byte for byte, and the log4brains and adr-tools variants (checked with adr-tools and
// log4brains' own reader where they are installed).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import JSZip from "jszip";
import { expect, it } from "vitest";
import { api, tokenFor } from "../support/api";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

const FIXTURES = join(__dirname, "../fixtures/adr");
/** log4brains' reader, installed by .ci/run beside the project (it is not one of the app's dependencies). */
const LOG4BRAINS_CORE =
  process.env.LOG4BRAINS_CORE ?? join(__dirname, "../../.ci/log4brains/node_modules/@log4brains/core");

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function zipFolder(root: string) {
  const zip = new JSZip();
  for (const path of filesUnder(root)) zip.file(relative(root, path), readFileSync(path));
  return zip.generateAsync({ type: "uint8array" });
}

async function upload(projectId: string, token: string, bytes: Uint8Array) {
  const { POST } = await import("@/app/api/v1/projects/[projectId]/records/import/route");
  const response = await POST(
    new Request(`http://localhost/api/v1/projects/${projectId}/records/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/zip" },
      body: bytes as Uint8Array<ArrayBuffer>,
    }),
    { params: Promise.resolve({ projectId }) },
  );
  return { status: response.status, body: await response.json() };
}

async function exportZip(projectId: string, token: string, query = "") {
  const { GET } = await import("@/app/api/v1/projects/[projectId]/records.zip/route");
  const response = await GET(
    new Request(`http://localhost/api/v1/projects/${projectId}/records.zip${query}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ projectId }) },
  );
  if (response.status !== 200) throw new Error(`export failed: ${response.status} ${await response.text()}`);
  const zip = await JSZip.loadAsync(new Uint8Array(await response.arrayBuffer()));
  const files: Record<string, string> = {};
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) files[name] = await entry.async("string");
  return files;
}

describeOnEachDatabase("records in a repository", (db) => {
  it("imports MADR's own decision log and exports it again byte for byte, under the same file names", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    const imported = await upload(team.project.id, token, await zipFolder(join(FIXTURES, "madr")));
    expect(imported.status).toBe(201);
    expect(imported.body.imported).toHaveLength(19);
    expect(imported.body.imported[0]).toMatchObject({ key: "ADR-0000", status: "unknown", date: null });
    expect(imported.body.imported[3]).toMatchObject({ key: "ADR-0003", status: "on hold" });
    // Outside the ADR folder nothing is read; inside it, the index and the template are skipped with a note.
    expect(imported.body.notes).toEqual(
      expect.arrayContaining([
        { file: "docs/decisions/index.md", note: "skipped: the folder's index, not a record" },
        { file: "docs/decisions/adr-template.md", note: "skipped: a template, not a record" },
        { file: "docs/decisions/0000-use-markdown-architectural-decision-records.md", note: "states no date, so its date is unknown" },
      ]),
    );
    expect(imported.body.skipped).toContain("SOURCE.md");

    const exported = await exportZip(team.project.id, await tokenFor(team.member));
    const folder = join(FIXTURES, "madr/docs/decisions");
    for (const name of readdirSync(folder).filter((n) => /^\d{4}-.*\.md$/.test(n))) {
      expect(exported[`docs/decisions/${name}`], name).toBe(readFileSync(join(folder, name), "utf8"));
    }
    expect(exported["docs/decisions/index.md"]).toContain("| [ADR-0003](0003-provide-own-madr-tools.md) | Write Own MADR Tooling | on hold | unknown |");
    // A retitled record keeps its file name.
    const record = await db().prisma.decisionRecord.findFirstOrThrow({ where: { projectId: team.project.id, number: 5 } });
    await db().prisma.decision.update({ where: { id: record.decisionId }, data: { title: "Something else entirely" } });
    expect(Object.keys(await exportZip(team.project.id, token))).toContain("docs/decisions/0005-use-dashes-in-filenames.md");
  });

  it("imports log4brains' dated records with numbers after the highest, links supersedes by file, and reads only the ADR folder", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    const imported = await upload(team.project.id, token, await zipFolder(join(FIXTURES, "log4brains")));
    expect(imported.status).toBe(201);
    expect(
      imported.body.imported.map((r: { key: string; fileName: string; status: string; date: string }) => [r.key, r.fileName, r.status, r.date]),
    ).toEqual([
      ["ADR-0001", "20240311-keep-feature-flags-in-the-database.md", "superseded by ADR-0002", "2024-03-11"],
      ["ADR-0002", "20240902-move-feature-flags-to-a-flag-service.md", "accepted", "2024-09-02"],
      ["ADR-0003", "20241120-try-server-sent-events-for-the-dashboard.md", "draft", "2024-11-20"],
    ]);
    expect(imported.body.skipped).toEqual(
      expect.arrayContaining(["README.md", "src/flags.txt", "docs/adr/index.md", "docs/adr/template.md", "docs/adr/README.md"]),
    );
    expect(imported.body.notes).toContainEqual({
      file: "docs/adr/20241120-try-server-sent-events-for-the-dashboard.md",
      note: "states no date; the date is the one in its file name",
    });
    const list = await api("GET", `/projects/${team.project.id}/records`, { token });
    expect(list.body.records.find((r: { key: string }) => r.key === "ADR-0001").supersededBy.key).toBe("ADR-0002");
    // An imported decision was not voted on here: its overview reports no outcome rather than failing.
    const { getOutcome } = await import("@/lib/server/decisions/get-outcome");
    const accepted = await db().prisma.decisionRecord.findFirstOrThrow({ where: { projectId: team.project.id, number: 2 } });
    await expect(getOutcome(team.member, accepted.decisionId)).resolves.toBeNull();

    // The log4brains variant keeps the dated names and states status, date, deciders and the supersede link.
    const l4b = await exportZip(team.project.id, token, "?format=log4brains");
    expect(l4b["docs/decisions/20240311-keep-feature-flags-in-the-database.md"]).toContain(
      "- Status: superseded by [20240902-move-feature-flags-to-a-flag-service](20240902-move-feature-flags-to-a-flag-service.md)\n- Deciders: Ines Duarte, Kofi Mensah\n- Date: 2024-03-11",
    );
  });

  it("imports a folder again: updates what changed, reports it, and leaves the rest", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    const root = join(FIXTURES, "nygard");
    const first = await upload(team.project.id, token, await zipFolder(root));
    expect(first.status).toBe(201);
    expect(first.body.imported.map((r: { key: string; status: string }) => [r.key, r.status])).toEqual([
      ["ADR-0001", "accepted"],
      ["ADR-0002", "superseded by ADR-0003"],
      ["ADR-0003", "accepted"],
      ["ADR-0004", "On hold"],
    ]);
    const zip = new JSZip();
    for (const path of filesUnder(root)) zip.file(relative(root, path), readFileSync(path));
    zip.file("doc/adr/0004-pause-the-mobile-client.md", "# 4. Pause the mobile client\n\nDate: 2024-05-06\n\n## Status\n\nRejected\n");
    zip.file("doc/adr/0005-ship-a-web-app-instead.md", "# 5. Ship a web app instead\n\n## Status\n\nProposed\n");
    const again = await upload(team.project.id, token, await zip.generateAsync({ type: "uint8array" }));
    expect(again.status).toBe(201);
    expect(again.body.imported.map((r: { key: string }) => r.key)).toEqual(["ADR-0005"]);
    expect(again.body.updated).toEqual([
      expect.objectContaining({ key: "ADR-0004", status: "rejected", changes: ["text", "status", "date"] }),
    ]);
    expect(again.body.unchanged.map((r: { key: string }) => r.key)).toEqual(["ADR-0001", "ADR-0002", "ADR-0003"]);
    const events = await db().prisma.auditEvent.findMany({
      where: { projectId: team.project.id, action: "record.reimported" },
    });
    expect(events).toHaveLength(1);
  });

  it("refuses a zip with an absolute path or '..', importing nothing", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    for (const evil of ["../0001-escape.md", "docs/../../0001-escape.md", "/etc/0001-escape.md"]) {
      const zip = new JSZip();
      zip.file("docs/decisions/0002-fine.md", "# Fine\n");
      zip.file(evil, "# Escape\n");
      const bytes = await zip.generateAsync({ type: "uint8array" });
      // JSZip tidies some names on the way in; write the raw name into the archive to be sure.
      const raw = Buffer.from(bytes);
      const tidy = Object.keys(zip.files).find((n) => n.endsWith("0001-escape.md"))!;
      if (tidy !== evil && tidy.length === evil.length) raw.write(evil, raw.indexOf(tidy), "utf8");
      const res = await upload(team.project.id, token, new Uint8Array(raw));
      expect(res.status, evil).toBe(422);
      expect(res.body.error.message).toMatch(/unsafe path/);
    }
    expect(await db().prisma.decisionRecord.count({ where: { projectId: team.project.id } })).toBe(0);
  });

  it("exports the adr-tools variant that adr list, generate toc and generate graph read (where adr-tools is installed)", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    await upload(team.project.id, token, await zipFolder(join(FIXTURES, "nygard")));
    const files = await exportZip(team.project.id, token, "?format=nygard");
    expect(files[".adr-dir"]).toBe("docs/decisions\n");
    expect(files["docs/decisions/0003-deploy-with-a-container-pipeline.md"]).toContain(
      "## Status\n\nAccepted\n\nSupersedes [2. Deploy with shell scripts](0002-deploy-with-shell-scripts.md)\n",
    );
    const adr = spawnSync("sh", ["-c", "command -v adr"], { encoding: "utf8" }).stdout.trim();
    if (!adr) {
      console.warn("SKIPPED: adr-tools is not installed (apt-get install adr-tools); the adr command checks did not run.");
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "verdict-adr-"));
    try {
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      const run = (...args: string[]) => execFileSync(adr, args, { cwd: dir, encoding: "utf8" });
      expect(run("list").trim().split("\n")).toEqual([
        "docs/decisions/0001-record-architecture-decisions.md",
        "docs/decisions/0002-deploy-with-shell-scripts.md",
        "docs/decisions/0003-deploy-with-a-container-pipeline.md",
        "docs/decisions/0004-pause-the-mobile-client.md",
      ]);
      const toc = run("generate", "toc");
      expect(toc).toContain("* [2. Deploy with shell scripts](0002-deploy-with-shell-scripts.md)");
      expect(toc).toContain("* [4. Pause the mobile client](0004-pause-the-mobile-client.md)");
      const graph = run("generate", "graph");
      // adr-tools draws each link once, from the "Supersedes" side.
      expect(graph).toMatch(/_3 -> _2 \[label="Supersedes"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // adr-tools is a shell script per command: slow on a busy machine.
  }, 180_000);

  it("exports the log4brains variant that log4brains' own reader understands (where it is installed)", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.lead);
    await upload(team.project.id, token, await zipFolder(join(FIXTURES, "log4brains")));
    const files = await exportZip(team.project.id, token, "?format=log4brains");
    if (!existsSync(LOG4BRAINS_CORE)) {
      console.warn(`SKIPPED: log4brains is not installed at ${LOG4BRAINS_CORE} (.ci/run installs it); its reader did not run.`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "verdict-l4b-"));
    try {
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      writeFileSync(join(dir, ".log4brains.yml"), "project:\n  name: Flags\n  tz: UTC\n  adrFolder: ./docs/decisions\n");
      // log4brains dates and authors records from git history, so the export is committed first.
      const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: dir } });
      git("init", "-q");
      git("add", ".");
      git("-c", "user.name=Verdict", "-c", "user.email=verdict@example.test", "commit", "-qm", "Export from Verdict");
      const read = `require(${JSON.stringify(LOG4BRAINS_CORE)}).Log4brains.create(process.cwd()).searchAdrs()
        .then((adrs) => console.log(JSON.stringify(adrs.map((a) => ({ slug: a.slug, title: a.title, status: a.status,
          supersededBy: a.supersededBy, deciders: a.deciders, date: a.publicationDate && a.publicationDate.slice(0, 10) })))))`;
      const adrs = JSON.parse(execFileSync(process.execPath, ["-e", read], { cwd: dir, encoding: "utf8" })) as unknown[];
      expect(adrs).toEqual(
        expect.arrayContaining([
          {
            slug: "20240311-keep-feature-flags-in-the-database",
            title: "Keep feature flags in the database",
            status: "superseded",
            supersededBy: "20240902-move-feature-flags-to-a-flag-service",
            deciders: ["Ines Duarte", "Kofi Mensah"],
            date: "2024-03-11",
          },
          {
            slug: "20240902-move-feature-flags-to-a-flag-service",
            title: "Move feature flags to a flag service",
            status: "accepted",
            supersededBy: null,
            deciders: ["Kofi Mensah"],
            date: "2024-09-02",
          },
          {
            slug: "20241120-try-server-sent-events-for-the-dashboard",
            title: "Try server-sent events for the dashboard",
            status: "draft",
            supersededBy: null,
            deciders: ["Ines Duarte"],
            date: "2024-11-20",
          },
        ]),
      );
      expect(adrs).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
