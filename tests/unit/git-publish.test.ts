import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  branchForRecord,
  changeOfAction,
  classifyRemote,
  commitMessage,
  decideFile,
  isValidBranchName,
  normalizeFolder,
} from "@/lib/domain/git-publish";
import { decryptCredentials, encryptCredentials } from "@/lib/server/git/credentials";
import { describeGitFailure } from "@/lib/server/git/git-cli";

describe("deciding whether a file in git may be written", () => {
  it("writes where git still holds what Verdict last wrote, or nothing ever written", () => {
    expect(decideFile("aaa", "aaa", "bbb")).toBe("write");
    expect(decideFile(null, null, "bbb")).toBe("write");
  });
  it("commits nothing when git already holds Verdict's text", () => {
    expect(decideFile("aaa", "bbb", "bbb")).toBe("unchanged");
    expect(decideFile(null, "bbb", "bbb")).toBe("unchanged");
  });
  it("leaves a file alone that someone edited, deleted, or wrote before Verdict did", () => {
    expect(decideFile("aaa", "ccc", "bbb")).toBe("conflict");
    expect(decideFile("aaa", null, "bbb")).toBe("conflict");
    expect(decideFile(null, "ccc", "bbb")).toBe("conflict");
  });
});

describe("commit messages", () => {
  it("name the record, the change and the title", () => {
    expect(commitMessage([{ number: 7, title: "Use Ray Serve for model serving", change: "accept" }])).toBe(
      'ADR-0007: accept "Use Ray Serve for model serving"\n',
    );
  });
  it("name both records of a supersede on the subject line", () => {
    const message = commitMessage([
      { number: 3, title: "Old", change: changeOfAction("record.superseded", { by: { number: 9 } })! },
      {
        number: 9,
        title: "New",
        change: changeOfAction("record.supersedes", { supersedes: { number: 3 } })!,
      },
    ]);
    expect(message.split("\n")[0]).toBe(
      'ADR-0003: superseded by ADR-0009 "Old"; ADR-0009: supersede ADR-0003 "New"',
    );
  });
  it("only for actions that change a record's file", () => {
    expect(changeOfAction("record.revised")).toBe("edit");
    expect(changeOfAction("record.file_named")).toBeNull();
    expect(changeOfAction("decision.opened")).toBeNull();
  });
});

describe("branches and folders", () => {
  it("sends proposed records to their own branch only when the project asks for it", () => {
    expect(
      branchForRecord({ branch: "main", proposedBranches: true }, { number: 7, status: "proposed" }),
    ).toBe("verdict/adr-0007");
    expect(
      branchForRecord({ branch: "main", proposedBranches: true }, { number: 7, status: "accepted" }),
    ).toBe("main");
    expect(
      branchForRecord({ branch: "trunk", proposedBranches: false }, { number: 7, status: "proposed" }),
    ).toBe("trunk");
  });
  it("accepts git's branch names and refuses what git refuses", () => {
    for (const good of ["main", "release/2026", "verdict/adr-0007"])
      expect(isValidBranchName(good), good).toBe(true);
    for (const bad of ["", "a..b", "-x", "a b", "x.lock", "a//b", "/a", "a:b", "refs/heads/x~1"])
      expect(isValidBranchName(bad), bad).toBe(false);
  });
  it("keeps folders inside the repository", () => {
    expect(normalizeFolder("/docs/decisions/")).toBe("docs/decisions");
    expect(normalizeFolder("./adr")).toBe("adr");
    expect(normalizeFolder("")).toBe("");
    expect(normalizeFolder("../secrets")).toBeNull();
    expect(normalizeFolder("docs/.git/hooks")).toBeNull();
  });
  it("refuses credentials inside a remote address and unknown schemes", () => {
    expect(classifyRemote("https://git.example.com/team/decisions.git")).toEqual({ kind: "https" });
    expect(classifyRemote("git@github.com:team/decisions.git")).toEqual({ kind: "ssh" });
    expect(classifyRemote("file:///srv/git/decisions.git")).toEqual({ kind: "file" });
    expect(classifyRemote("https://bot:token@git.example.com/x.git")).toHaveProperty("error");
    expect(classifyRemote("ext::sh -c touch% /tmp/pwned")).toHaveProperty("error");
    expect(classifyRemote("ftp://example.com/x.git")).toHaveProperty("error");
  });
});

describe("credentials at rest", () => {
  const saved = process.env.VERDICT_SECRET_KEY;
  afterEach(() => {
    process.env.VERDICT_SECRET_KEY = saved;
  });

  it("round-trip under the key, and open only for the project they were stored for", () => {
    process.env.VERDICT_SECRET_KEY = randomBytes(32).toString("base64");
    const sealed = encryptCredentials("project-a", { username: "bot", secret: "tok3n" });
    expect(sealed).not.toContain("tok3n");
    expect(decryptCredentials("project-a", sealed)).toEqual({ username: "bot", secret: "tok3n" });
    expect(() => decryptCredentials("project-b", sealed)).toThrow(/cannot be read/);
    process.env.VERDICT_SECRET_KEY = randomBytes(32).toString("base64");
    expect(() => decryptCredentials("project-a", sealed)).toThrow(/was the key changed/);
  });

  it("are refused, with what to do, when the server has no key", () => {
    delete process.env.VERDICT_SECRET_KEY;
    expect(() => encryptCredentials("project-a", { username: "bot", secret: "x" })).toThrow(
      /VERDICT_SECRET_KEY/,
    );
  });
});

describe("git's failures in words", () => {
  it("says when the credentials were refused, without echoing an Authorization header", () => {
    const said = describeGitFailure(
      "fatal: Authentication failed for 'https://git.example.com/x.git/'\nAuthorization: Basic Ym90OnRvaw==",
    );
    expect(said).toMatch(/refused the credentials/);
    expect(said).not.toContain("Ym90");
  });
});
