// Every write re-checks the caller's role inside its own transaction. Each test lets the operation's
// first check pass, then demotes the caller just before the operation opens its transaction, the
// moment a concurrent role change could land, and expects the write to be refused and not made.
import JSZip from "jszip";
import { expect, it } from "vitest";
import { getDb, setDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/actor";
import { closeDecision } from "@/lib/server/decisions/close-decision";
import { createDecision } from "@/lib/server/decisions/create-decision";
import { openDecision } from "@/lib/server/decisions/open-decision";
import { reopenDecision } from "@/lib/server/decisions/reopen-decision";
import { saveBallotDraft } from "@/lib/server/decisions/save-ballot-draft";
import { submitBallot } from "@/lib/server/decisions/submit-ballot";
import { updateDecision } from "@/lib/server/decisions/update-decision";
import { requirePermissionInTx } from "@/lib/server/access";
import { changeMemberRole } from "@/lib/server/members/change-member-role";
import { createInvite } from "@/lib/server/members/create-invite";
import { removeMember } from "@/lib/server/members/remove-member";
import { acceptRecord } from "@/lib/server/records/accept-record";
import { deprecateRecord } from "@/lib/server/records/deprecate-record";
import { importRecords } from "@/lib/server/records/import-records";
import { rejectRecord } from "@/lib/server/records/reject-record";
import { saveNarrative } from "@/lib/server/records/save-narrative";
import { supersedeRecord } from "@/lib/server/records/supersede-record";
import { ballotFrom, createOpenDecision, frameworkDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

type Team = Awaited<ReturnType<typeof makeTeam>>;

describeOnEachDatabase("authorization inside the write", (db) => {
  /**
   * Runs `operation` with the caller's role changed to `role` (or the membership removed) right
   * before the operation's first transaction begins: after its up-front check, before its write.
   */
  async function demotedBeforeTheWrite(team: Team, who: Actor, role: Role | "removed", operation: () => Promise<unknown>) {
    const real = getDb();
    let demoted = false;
    const demote = () =>
      role === "removed"
        ? real.membership.delete({ where: { projectId_userId: { projectId: team.project.id, userId: who.userId } } })
        : real.membership.update({ where: { projectId_userId: { projectId: team.project.id, userId: who.userId } }, data: { role } });
    setDb(
      new Proxy(real, {
        get(target, key) {
          if (key === "$transaction" && !demoted) {
            return async (...args: unknown[]) => {
              demoted = true;
              await demote();
              return (target.$transaction as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            };
          }
          const value: unknown = Reflect.get(target, key);
          return typeof value === "function" ? value.bind(target) : value;
        },
      }),
    );
    try {
      const outcome = await operation().then(
        () => ({ refused: null }),
        (error: { code?: string }) => ({ refused: error.code ?? String(error) }),
      );
      expect(demoted, "the operation never opened a transaction, so nothing was tested").toBe(true);
      return outcome.refused;
    } finally {
      setDb(real);
    }
  }

  const auditCount = (projectId: string) => db().prisma.auditEvent.count({ where: { projectId } });

  async function draftDecision(team: Team) {
    return createDecision(team.lead, team.project.id, frameworkDecision);
  }

  /** A closed vote whose record names PyTorch as the clear winner. */
  async function closedDecision(team: Team, title = frameworkDecision.title) {
    const d = await createOpenDecision(team.lead, team.project.id, { ...frameworkDecision, title });
    await submitBallot(team.owner, d.id, ballotFrom(d, [[9, 9, 9], [2, 2, 2], [1, 1, 1]]));
    await closeDecision(team.lead, d.id);
    return d;
  }

  it("refuses to create a decision for a lead demoted mid-request", async () => {
    const team = await makeTeam();
    const before = await auditCount(team.project.id);
    expect(await demotedBeforeTheWrite(team, team.lead, "MEMBER", () => createDecision(team.lead, team.project.id, frameworkDecision))).toBe("forbidden");
    expect(await db().prisma.decision.count({ where: { projectId: team.project.id } })).toBe(0);
    expect(await auditCount(team.project.id)).toBe(before);
  });

  it("refuses to edit a decision for a lead demoted mid-request", async () => {
    const team = await makeTeam();
    const d = await draftDecision(team);
    expect(await demotedBeforeTheWrite(team, team.lead, "MEMBER", () => updateDecision(team.lead, d.id, { title: "Hijacked" }))).toBe("forbidden");
    expect((await db().prisma.decision.findUniqueOrThrow({ where: { id: d.id } })).title).toBe(frameworkDecision.title);
  });

  it("refuses to open a vote for a lead demoted mid-request", async () => {
    const team = await makeTeam();
    const d = await draftDecision(team);
    expect(await demotedBeforeTheWrite(team, team.lead, "AUDITOR", () => openDecision(team.lead, d.id))).toBe("forbidden");
    expect((await db().prisma.decision.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("DRAFT");
  });

  it("refuses to close a vote for a lead demoted mid-request", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id);
    expect(await demotedBeforeTheWrite(team, team.lead, "MEMBER", () => closeDecision(team.lead, d.id))).toBe("forbidden");
    expect((await db().prisma.decision.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("OPEN");
  });

  it("refuses to reopen a vote for a lead removed mid-request", async () => {
    const team = await makeTeam();
    const d = await closedDecision(team);
    expect(await demotedBeforeTheWrite(team, team.lead, "removed", () => reopenDecision(team.lead, d.id, { reason: "Missed a vote" }))).toBe("not_found");
    expect((await db().prisma.decision.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("CLOSED");
  });

  it("refuses a ballot from a member made auditor mid-request", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id);
    const ballot = ballotFrom(d, [[5, 5, 5], [5, 5, 5], [5, 5, 5]]);
    expect(await demotedBeforeTheWrite(team, team.member, "AUDITOR", () => submitBallot(team.member, d.id, ballot))).toBe("forbidden");
    expect(await db().prisma.ballot.count({ where: { decisionId: d.id } })).toBe(0);
  });

  it("refuses a ballot draft from a member made auditor mid-request", async () => {
    const team = await makeTeam();
    const d = await createOpenDecision(team.lead, team.project.id);
    const ballot = ballotFrom(d, [[5, 5, 5], [5, 5, 5], [5, 5, 5]]);
    expect(await demotedBeforeTheWrite(team, team.member, "AUDITOR", () => saveBallotDraft(team.member, d.id, ballot))).toBe("forbidden");
    expect(await db().prisma.ballotDraft.count({ where: { decisionId: d.id } })).toBe(0);
  });

  it("refuses a narrative edit from a lead demoted mid-request", async () => {
    const team = await makeTeam();
    const d = await closedDecision(team);
    expect(await demotedBeforeTheWrite(team, team.lead, "MEMBER", () => saveNarrative(team.lead, d.id, { context: "Rewritten" }))).toBe("forbidden");
    expect(await db().prisma.recordVersion.count({ where: { record: { decisionId: d.id } } })).toBe(1);
  });

  it("refuses to accept a record for a lead demoted mid-request", async () => {
    const team = await makeTeam();
    const d = await closedDecision(team);
    expect(await demotedBeforeTheWrite(team, team.lead, "MEMBER", () => acceptRecord(team.lead, d.id, {}))).toBe("forbidden");
    expect((await db().prisma.decisionRecord.findUniqueOrThrow({ where: { decisionId: d.id } })).status).toBe("proposed");
  });

  it("refuses to reject a record for a lead demoted mid-request", async () => {
    const team = await makeTeam();
    const d = await closedDecision(team);
    expect(await demotedBeforeTheWrite(team, team.lead, "MEMBER", () => rejectRecord(team.lead, d.id, { comment: "Not convinced" }))).toBe("forbidden");
    expect((await db().prisma.decisionRecord.findUniqueOrThrow({ where: { decisionId: d.id } })).status).toBe("proposed");
  });

  it("refuses to deprecate a record for a lead demoted mid-request", async () => {
    const team = await makeTeam();
    const d = await closedDecision(team);
    await acceptRecord(team.lead, d.id, {});
    expect(await demotedBeforeTheWrite(team, team.lead, "MEMBER", () => deprecateRecord(team.lead, d.id, {}))).toBe("forbidden");
    expect((await db().prisma.decisionRecord.findUniqueOrThrow({ where: { decisionId: d.id } })).status).toBe("accepted");
  });

  it("refuses to supersede a record for a lead demoted mid-request", async () => {
    const team = await makeTeam();
    const old = await closedDecision(team);
    await acceptRecord(team.lead, old.id, {});
    const newer = await closedDecision(team, "Which framework now?");
    expect(await demotedBeforeTheWrite(team, team.lead, "MEMBER", () => supersedeRecord(team.lead, old.id, { byDecisionId: newer.id }))).toBe("forbidden");
    expect((await db().prisma.decisionRecord.findUniqueOrThrow({ where: { decisionId: old.id } })).supersededById).toBeNull();
  });

  it("refuses an import of records from a lead demoted mid-request", async () => {
    const team = await makeTeam();
    const zip = new JSZip();
    zip.file("docs/decisions/0042-old.md", "# ADR-0042: Old\n\nStatus: accepted\n");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect(await demotedBeforeTheWrite(team, team.lead, "MEMBER", () => importRecords(team.lead, team.project.id, bytes))).toBe("forbidden");
    expect(await db().prisma.decision.count({ where: { projectId: team.project.id } })).toBe(0);
  });

  it("refuses an invite from an owner demoted mid-request", async () => {
    const team = await makeTeam();
    expect(await demotedBeforeTheWrite(team, team.owner, "LEAD", () => createInvite(team.owner, team.project.id, { role: "OWNER" }))).toBe("forbidden");
    expect(await db().prisma.invite.count({ where: { projectId: team.project.id, role: "OWNER" } })).toBe(0);
  });

  it("refuses a role change from an owner demoted mid-request", async () => {
    const team = await makeTeam();
    expect(
      await demotedBeforeTheWrite(team, team.owner, "LEAD", () => changeMemberRole(team.owner, team.project.id, team.member.userId, { role: "OWNER" })),
    ).toBe("forbidden");
    const member = await db().prisma.membership.findUniqueOrThrow({ where: { projectId_userId: { projectId: team.project.id, userId: team.member.userId } } });
    expect(member.role).toBe("MEMBER");
  });

  it("refuses a removal from an owner demoted mid-request", async () => {
    const team = await makeTeam();
    expect(await demotedBeforeTheWrite(team, team.owner, "LEAD", () => removeMember(team.owner, team.project.id, team.lead.userId))).toBe("forbidden");
    expect(await db().prisma.membership.count({ where: { projectId: team.project.id, userId: team.lead.userId } })).toBe(1);
  });

  it("holds a role change back until a write authorized on the old role has committed", async () => {
    const team = await makeTeam();
    const d = await draftDecision(team);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let authorized!: () => void;
    const reChecked = new Promise<void>((resolve) => (authorized = resolve));
    const order: string[] = [];
    // A lead's write, paused between its role re-check and its change.
    const write = getDb().$transaction(
      async (tx) => {
        await requirePermissionInTx(tx, team.project.id, team.lead.userId, "decision.manage");
        authorized();
        await released;
        await tx.decision.update({ where: { id: d.id }, data: { title: "Renamed while still a lead" } });
        order.push("write committing");
      },
      { timeout: 30_000 },
    );
    await reChecked;
    const demotion = changeMemberRole(team.owner, team.project.id, team.lead.userId, { role: "MEMBER" }).then(() =>
      order.push("demoted"),
    );
    if (db().engine === "postgresql") {
      // Deterministic: wait until the demotion is really queued on a row lock, not for a guessed time.
      const waiting = async () =>
        ((await db().sql(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )) as { n: number }[])[0]!.n;
      for (let tries = 0; (await waiting()) === 0; tries += 1) {
        if (tries > 100) break; // the expectation below then says what went wrong
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    // (PGlite runs one transaction at a time, so there the demotion queues behind the write anyway.)
    expect(order).toEqual([]);
    release();
    await Promise.all([write, demotion]);
    expect(order).toEqual(["write committing", "demoted"]);
    expect((await db().prisma.decision.findUniqueOrThrow({ where: { id: d.id } })).title).toBe("Renamed while still a lead");
    const lead = await db().prisma.membership.findUniqueOrThrow({
      where: { projectId_userId: { projectId: team.project.id, userId: team.lead.userId } },
    });
    expect(lead.role).toBe("MEMBER");
  });

  it("lets two owners change each other's roles at once without a deadlock, one after the other", async () => {
    const team = await makeTeam();
    await changeMemberRole(team.owner, team.project.id, team.lead.userId, { role: "OWNER" });
    const outcomes = await Promise.allSettled([
      changeMemberRole(team.owner, team.project.id, team.lead.userId, { role: "LEAD" }),
      changeMemberRole(team.lead, team.project.id, team.owner.userId, { role: "LEAD" }),
    ]);
    // Whichever went first demoted the other, whose re-check then refuses: never both, never a deadlock.
    const refused = outcomes.filter((o) => o.status === "rejected").map((o) => (o.reason as { code?: string }).code);
    expect(refused).toEqual(["forbidden"]);
    expect(
      await db().prisma.membership.count({ where: { projectId: team.project.id, role: "OWNER" } }),
    ).toBe(1);
  });
});
