// Notifications end to end: committed audit events → inbox rows and emails through a real SMTP
// server, once per person and event, to the right people only, never carrying a blind vote's secrets.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { api, tokenFor } from "../support/api";
import { ballotFrom, createOpenDecision, frameworkDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { calendarDay } from "@/lib/domain/review";
import { freePort, startSmtpServer } from "../support/smtp";
import { describeOnEachDatabase } from "../support/test-db";
import {
  runNotificationsOnce,
  startNotificationWorker,
  stopNotificationWorker,
} from "@/lib/server/notifications/worker";

const AUTH_URL = "http://verdict.example.test:3110";
const SECRET = "PLANTED-blind-secret-91c2";

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

describeOnEachDatabase("notifications", (db) => {
  let smtp: Smtp;
  const saved = { ...process.env };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    process.env.AUTH_URL = AUTH_URL;
    process.env.EMAIL_RETRY_BASE_MS = "150";
  });
  beforeEach(async () => {
    process.env.SMTP_URL = smtp.url;
    // Whatever earlier tests left behind is handled before this one starts counting.
    await runNotificationsOnce();
    smtp.clear();
  });
  afterAll(async () => {
    await smtp.close();
    process.env.AUTH_URL = saved.AUTH_URL;
    process.env.SMTP_URL = saved.SMTP_URL;
    process.env.EMAIL_RETRY_BASE_MS = saved.EMAIL_RETRY_BASE_MS;
  });

  const draft = async (
    lead: { userId: string },
    projectId: string,
    body: Record<string, unknown> = frameworkDecision,
  ) => {
    const created = await api("POST", `/projects/${projectId}/decisions`, {
      token: await tokenFor(lead as never),
      body,
    });
    expect(created.status, created.text).toBe(201);
    return created.body as { id: string };
  };

  it("sends an HTML part beside the text with the same links, escaping what members typed", async () => {
    const team = await makeTeam('Ops <b>"R&D"</b>');
    const title = `<img src=x onerror="alert(1)"> Tabs & spaces?`;
    const decision = await createOpenDecision(team.lead, team.project.id, { ...frameworkDecision, title });
    await runNotificationsOnce();

    const [mail] = smtp.to(team.member.email);
    expect(mail!.headers["content-type"]).toMatch(/^multipart\/alternative/);
    // The text part is the message as before, typed text as typed.
    expect(mail!.text).toContain(title);
    const links = (text: string) => [...text.matchAll(/https?:\/\/[^\s"<>]+/g)].map((m) => m[0].replace(/&amp;/g, "&"));
    const textLinks = links(mail!.text);
    expect(textLinks).toContain(`${AUTH_URL}/projects/${team.project.id}/decisions/${decision.id}/vote`);
    expect(textLinks.some((url) => url.startsWith(`${AUTH_URL}/unsubscribe?token=`))).toBe(true);

    const html = mail!.html!;
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Tabs &amp; spaces?");
    expect(html).toContain("Ops &lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;");
    expect(html).not.toMatch(/<img|<b>|onerror="/);
    // The same links as the text part (ballot, unsubscribe, settings), each a real link.
    expect(new Set(links(html))).toEqual(new Set(textLinks));
    for (const url of textLinks) expect(html).toContain(`href="${url.replace(/&/g, "&amp;")}"`);
    expect(html).toContain(">Stop these emails</a>");
  });

  it("emails each eligible voter once when a vote opens, with a ballot link under AUTH_URL, and nobody else", async () => {
    const team = await makeTeam();
    const other = await makeTeam("Other team");
    const decision = await createOpenDecision(team.lead, team.project.id);
    await runNotificationsOnce();
    await runNotificationsOnce();

    const ballotUrl = `${AUTH_URL}/projects/${team.project.id}/decisions/${decision.id}/vote`;
    for (const voter of [team.owner, team.lead, team.member]) {
      const mail = smtp.to(voter.email);
      expect(mail, voter.name).toHaveLength(1);
      expect(mail[0]!.headers.subject).toContain("Vote open: D-1 Which framework");
      expect(mail[0]!.text).toContain(`Open it: ${ballotUrl}`);
      expect(mail[0]!.headers["list-unsubscribe"]).toMatch(
        new RegExp(`^<${AUTH_URL}/api/v1/unsubscribe\\?token=`),
      );
      expect(mail[0]!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    }
    for (const outsider of [team.auditor, team.stranger, other.owner, other.lead, other.member])
      expect(smtp.to(outsider.email), outsider.name).toHaveLength(0);
    expect(smtp.received).toHaveLength(3);

    const inbox = await api("GET", "/inbox", { token: await tokenFor(team.member) });
    expect(inbox.status).toBe(200);
    expect(inbox.body.unreadCount).toBe(1);
    expect(inbox.body.notifications[0]).toMatchObject({
      kind: "VOTE_OPENED",
      projectName: "ML Platform",
      link: `/projects/${team.project.id}/decisions/${decision.id}/vote`,
      readAt: null,
    });
    expect((await api("GET", "/inbox", { token: await tokenFor(team.auditor) })).body.unreadCount).toBe(0);
    expect((await api("GET", "/inbox", { token: await tokenFor(other.member) })).body.notifications).toEqual(
      [],
    );
  });

  it("sends once when two workers race over the same events", async () => {
    const team = await makeTeam();
    await createOpenDecision(team.lead, team.project.id);
    await Promise.all([runNotificationsOnce(), runNotificationsOnce(), runNotificationsOnce()]);
    await runNotificationsOnce();
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(
      [team.owner.email, team.lead.email, team.member.email].sort(),
    );
    expect(await db().prisma.notification.count({ where: { projectId: team.project.id } })).toBe(3);
    expect(
      await db().prisma.emailJob.count({
        where: { notification: { projectId: team.project.id }, status: "sent" },
      }),
    ).toBe(3);
  });

  it("reminds only the voters who have not voted when the deadline is within 24 hours, once", async () => {
    const team = await makeTeam();
    const deadline = new Date(Date.now() + 12 * 3600 * 1000).toISOString();
    const decision = await createOpenDecision(team.lead, team.project.id, { ...frameworkDecision, deadline });
    const cast = await api("PUT", `/decisions/${decision.id}/ballot`, {
      token: await tokenFor(team.member),
      body: ballotFrom(decision, [
        [5, 5, 5],
        [5, 5, 5],
        [5, 5, 5],
      ]),
    });
    expect(cast.status, cast.text).toBe(200);
    await runNotificationsOnce();
    await runNotificationsOnce();
    const reminders = await db().prisma.notification.findMany({
      where: { projectId: team.project.id, kind: "DEADLINE_SOON" },
      select: { userId: true },
    });
    expect(reminders.map((row) => row.userId).sort()).toEqual([team.owner.userId, team.lead.userId].sort());
    const reminderMail = smtp.received.filter((mail) => mail.headers.subject?.startsWith("Closes soon"));
    expect(reminderMail.map((mail) => mail.to[0]).sort()).toEqual([team.owner.email, team.lead.email].sort());
  });

  it("tells a project's owners and leads once when a record's review date comes, and again for a new date", async () => {
    const day = (offset: number) => calendarDay(new Date(Date.now() + offset * 86_400_000));
    const acceptedRecord = async (team: Awaited<ReturnType<typeof makeTeam>>) => {
      const decision = await createOpenDecision(team.lead, team.project.id);
      const token = await tokenFor(team.lead);
      const matrix = [[9, 8, 7], [5, 5, 5], [2, 3, 1]];
      expect((await api("PUT", `/decisions/${decision.id}/ballot`, { token, body: ballotFrom(decision, matrix) })).status).toBe(200);
      expect((await api("POST", `/decisions/${decision.id}/close`, { token })).status).toBe(200);
      const accepted = await api("POST", `/decisions/${decision.id}/record/accept`, { token, body: {} });
      expect(accepted.status, accepted.text).toBe(200);
      return { decision, token, key: accepted.body.key as string };
    };
    const setReview = async (token: string, decisionId: string, reviewBy: string) => {
      const res = await api("PUT", `/decisions/${decisionId}/record/review`, { token, body: { reviewBy } });
      expect(res.status, res.text).toBe(200);
    };
    const reviewNotices = (projectId: string) =>
      db().prisma.notification.findMany({
        where: { projectId, kind: "REVIEW_DUE" },
        select: { userId: true, title: true, body: true, link: true },
        orderBy: { createdAt: "asc" },
      });

    const team = await makeTeam();
    const other = await makeTeam("Other team");
    const mine = await acceptedRecord(team);
    const theirs = await acceptedRecord(other);
    // The owner wants these in the inbox only.
    const optOut = await api("PUT", "/me/notification-preferences", {
      token: await tokenFor(team.owner),
      body: { preferences: [{ kind: "REVIEW_DUE", email: false }] },
    });
    expect(optOut.status, optOut.text).toBe(200);
    await runNotificationsOnce();
    smtp.clear();

    // Theirs is not due for five days, and a lead confirms it early: its old day never notifies.
    await setReview(theirs.token, theirs.decision.id, day(5));
    const early = await api("POST", `/decisions/${theirs.decision.id}/record/review/confirm`, {
      token: theirs.token,
      body: { nextReviewBy: day(60) },
    });
    expect(early.status, early.text).toBe(200);
    await setReview(mine.token, mine.decision.id, day(-2));
    await runNotificationsOnce();
    await runNotificationsOnce();

    const first = await reviewNotices(team.project.id);
    expect(first.map((row) => row.userId).sort()).toEqual([team.owner.userId, team.lead.userId].sort());
    expect(first[0]).toMatchObject({
      title: `${mine.key} is due for review: ${frameworkDecision.title}`,
      link: `/projects/${team.project.id}/records/${mine.decision.id}`,
    });
    expect(first[0]!.body).toContain(day(-2));
    expect(await reviewNotices(other.project.id)).toEqual([]);
    const reviewMail = smtp.received.filter((mail) => mail.headers.subject?.includes("is due for review"));
    expect(reviewMail.map((mail) => mail.to[0])).toEqual([team.lead.email]);
    const leadInbox = await api("GET", "/inbox", { token: mine.token });
    expect(leadInbox.body.notifications.filter((n: { kind: string }) => n.kind === "REVIEW_DUE")).toHaveLength(1);
    expect((await api("GET", "/inbox", { token: await tokenFor(team.member) })).body.notifications.some((n: { kind: string }) => n.kind === "REVIEW_DUE")).toBe(false);

    // Ten days on, theirs would have been due at its first date; it was confirmed, so still nothing.
    const { remindReviewsDue } = await import("@/lib/server/notifications/fan-out");
    await remindReviewsDue(new Date(Date.now() + 10 * 86_400_000));
    expect(await reviewNotices(other.project.id)).toEqual([]);
    expect(await reviewNotices(team.project.id)).toHaveLength(2);

    // A new date that comes due again is a new notice.
    await setReview(mine.token, mine.decision.id, day(-1));
    await runNotificationsOnce();
    await runNotificationsOnce();
    const second = await reviewNotices(team.project.id);
    expect(second).toHaveLength(4);
    expect(second.slice(2).every((row) => row.body.includes(day(-1)))).toBe(true);
    expect(smtp.received.filter((mail) => mail.headers.subject?.includes("is due for review")).map((mail) => mail.to[0])).toEqual([
      team.lead.email,
      team.lead.email,
    ]);
  });

  it("respects email preferences (the inbox still shows the notification) and unsubscribe links", async () => {
    const team = await makeTeam();
    const memberToken = await tokenFor(team.member);
    const put = await api("PUT", "/me/notification-preferences", {
      token: memberToken,
      body: { preferences: [{ kind: "VOTE_OPENED", email: false }] },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body.preferences.find((p: { kind: string }) => p.kind === "VOTE_OPENED")).toEqual({
      kind: "VOTE_OPENED",
      inbox: true,
      email: false,
    });
    expect(
      (
        await api("PUT", "/me/notification-preferences", {
          token: memberToken,
          body: { preferences: [{ kind: "LOUD", email: true }] },
        })
      ).status,
    ).toBe(422);

    await createOpenDecision(team.lead, team.project.id);
    await runNotificationsOnce();
    expect(smtp.to(team.member.email)).toHaveLength(0);
    expect(smtp.to(team.owner.email)).toHaveLength(1);
    expect(
      (await api("GET", "/inbox", { token: memberToken })).body.notifications.map(
        (n: { kind: string }) => n.kind,
      ),
    ).toEqual(["VOTE_OPENED"]);

    // The owner's email carries a working one-click unsubscribe, no sign-in needed.
    const oneClick = smtp
      .to(team.owner.email)[0]!
      .headers["list-unsubscribe"]!.slice(1, -1)
      .replace(AUTH_URL, "");
    const forged = oneClick.replace(
      /token=[^.]+/,
      `token=${Buffer.from(`${team.member.userId}.VOTE_OPENED`).toString("base64url")}`,
    );
    expect((await api("POST", forged)).status).toBe(404);
    const unsubscribed = await api("POST", oneClick);
    expect(unsubscribed.status, unsubscribed.text).toBe(200);
    const prefs = await api("GET", "/me/notification-preferences", { token: await tokenFor(team.owner) });
    expect(prefs.body.preferences.find((p: { kind: string }) => p.kind === "VOTE_OPENED").email).toBe(false);
    expect(prefs.body.preferences.find((p: { kind: string }) => p.kind === "VOTE_CLOSED").email).toBe(true);
    smtp.clear();
    await createOpenDecision(team.lead, team.project.id);
    await runNotificationsOnce();
    expect(smtp.to(team.owner.email)).toHaveLength(0);
    expect(smtp.to(team.lead.email)).toHaveLength(1);
  });

  it("retries after a refused connection and delivers each email once", async () => {
    const port = await freePort();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const team = await makeTeam();
    await createOpenDecision(team.lead, team.project.id);
    const first = await runNotificationsOnce();
    expect(first.emails).toBe(0);
    const jobs = await db().prisma.emailJob.findMany({
      where: { notification: { projectId: team.project.id } },
    });
    expect(jobs).toHaveLength(3);
    expect(
      jobs.every(
        (job) => job.status === "pending" && job.attempts === 1 && /ECONNREFUSED/.test(job.lastError ?? ""),
      ),
    ).toBe(true);

    const late = await startSmtpServer(port);
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await runNotificationsOnce();
      await runNotificationsOnce();
      expect(late.received.map((mail) => mail.to[0]).sort()).toEqual(
        [team.owner.email, team.lead.email, team.member.email].sort(),
      );
      const after = await db().prisma.emailJob.findMany({
        where: { notification: { projectId: team.project.id } },
      });
      expect(after.every((job) => job.status === "sent" && job.attempts === 2)).toBe(true);
    } finally {
      await late.close();
    }
  });

  it("keeps each inbox to its owner: other users' notifications are 404, strangers see nothing", async () => {
    const team = await makeTeam();
    await createOpenDecision(team.lead, team.project.id);
    await createOpenDecision(team.lead, team.project.id);
    await runNotificationsOnce();
    const memberToken = await tokenFor(team.member);
    const inbox = await api("GET", "/inbox?limit=1", { token: memberToken });
    expect(inbox.body.unreadCount).toBe(2);
    expect(inbox.body.notifications).toHaveLength(1);
    const older = await api("GET", `/inbox?limit=1&before=${inbox.body.next}`, { token: memberToken });
    expect(older.body.notifications).toHaveLength(1);
    expect(older.body.notifications[0].id).not.toBe(inbox.body.notifications[0].id);
    const id = inbox.body.notifications[0].id as string;

    expect((await api("POST", `/inbox/${id}/read`, { token: await tokenFor(team.owner) })).status).toBe(404);
    expect((await api("POST", `/inbox/${id}/read`, { token: await tokenFor(team.stranger) })).status).toBe(
      404,
    );
    expect((await api("GET", `/inbox?before=${id}`, { token: await tokenFor(team.owner) })).status).toBe(422);
    expect((await api("GET", "/inbox")).status).toBe(401);
    expect((await api("GET", "/inbox", { token: await tokenFor(team.stranger) })).body).toEqual({
      notifications: [],
      unreadCount: 0,
      next: null,
    });

    const read = await api("POST", `/inbox/${id}/read`, { token: memberToken });
    expect(read.body).toEqual({ updated: 1, unreadCount: 1 });
    expect((await api("GET", "/inbox?unread=true", { token: memberToken })).body.notifications).toHaveLength(
      1,
    );
    expect((await api("POST", "/inbox/read-all", { token: memberToken })).body).toEqual({
      updated: 1,
      unreadCount: 0,
    });
    expect((await api("GET", "/inbox", { token: await tokenFor(team.owner) })).body.unreadCount).toBe(2);

    // Leaving the project takes its notifications out of the inbox.
    const leadToken = await tokenFor(team.lead);
    expect((await api("GET", "/inbox", { token: leadToken })).body.unreadCount).toBe(2);
    expect(
      (
        await api("DELETE", `/projects/${team.project.id}/members/${team.lead.userId}`, {
          token: await tokenFor(team.owner),
        })
      ).status,
    ).toBe(204);
    expect((await api("GET", "/inbox", { token: leadToken })).body).toEqual({
      notifications: [],
      unreadCount: 0,
      next: null,
    });
  });

  it("tells about closes (with the winner), reviews, mentions and role changes, to the right people", async () => {
    const team = await makeTeam();
    const decision = await createOpenDecision(team.lead, team.project.id);
    await runNotificationsOnce();
    await api("PUT", `/decisions/${decision.id}/ballot`, {
      token: await tokenFor(team.member),
      body: ballotFrom(decision, [
        [9, 9, 9],
        [2, 2, 2],
        [1, 1, 1],
      ]),
    });
    const comment = await api("POST", `/decisions/${decision.id}/comments`, {
      token: await tokenFor(team.member),
      body: { body: "What do you think, @owner?" },
    });
    expect(comment.status, comment.text).toBe(201);
    // An edit keeping the mention does not notify again.
    await api("PATCH", `/decisions/${decision.id}/comments/${comment.body.id}`, {
      token: await tokenFor(team.member),
      body: { body: "Thoughts, @owner?" },
    });
    expect(
      (await api("POST", `/decisions/${decision.id}/close`, { token: await tokenFor(team.lead), body: {} }))
        .status,
    ).toBe(200);
    // The worker runs right after each change in a live server; the role change comes later.
    await runNotificationsOnce();
    expect(
      (
        await api("PATCH", `/projects/${team.project.id}/members/${team.member.userId}`, {
          token: await tokenFor(team.owner),
          body: { role: "LEAD" },
        })
      ).status,
    ).toBe(200);
    await runNotificationsOnce();

    const kinds = async (who: { userId: string }) =>
      (
        await db().prisma.notification.findMany({
          where: { userId: who.userId, projectId: team.project.id },
          orderBy: { createdAt: "asc" },
        })
      )
        .map((n) => n.kind)
        .sort();
    expect(await kinds(team.owner)).toEqual(["MENTIONED", "REVIEW_REQUESTED", "VOTE_CLOSED", "VOTE_OPENED"]);
    expect(await kinds(team.lead)).toEqual(["VOTE_OPENED"]);
    expect(await kinds(team.member)).toEqual(["ROLE_CHANGED", "VOTE_CLOSED", "VOTE_OPENED"]);
    expect(await kinds(team.auditor)).toEqual(["VOTE_CLOSED"]);
    const closed = await db().prisma.notification.findFirstOrThrow({
      where: { userId: team.auditor.userId, kind: "VOTE_CLOSED" },
    });
    expect(closed.body).toContain("Winner: PyTorch.");
    const mention = smtp.to(team.owner.email).find((mail) => mail.headers.subject?.includes("mentioned you"));
    expect(mention?.text).toContain(
      `${AUTH_URL}/projects/${team.project.id}/decisions/${decision.id}#comment-${comment.body.id}`,
    );
    expect(mention?.text).not.toContain("Thoughts");
    const role = await db().prisma.notification.findFirstOrThrow({
      where: { userId: team.member.userId, kind: "ROLE_CHANGED" },
    });
    expect(role.title).toBe("Your role in ML Platform is now Lead");
  });

  it("never carries a blind vote's rationale, comment or scores into inboxes, the inbox API or emails", async () => {
    const team = await makeTeam();
    const decision = await createOpenDecision(team.lead, team.project.id, {
      ...frameworkDecision,
      revealPolicy: "AFTER_CLOSE",
    });
    const ballot = ballotFrom(decision, [
      [9, 8, 7],
      [6, 5, 4],
      [3, 2, 1],
    ]);
    ballot.scores[0] = { ...ballot.scores[0]!, rationale: SECRET } as (typeof ballot.scores)[number];
    expect(
      (
        await api("PUT", `/decisions/${decision.id}/ballot`, {
          token: await tokenFor(team.member),
          body: { ...ballot, comment: SECRET },
        })
      ).status,
    ).toBe(200);
    await api("POST", `/decisions/${decision.id}/comments`, {
      token: await tokenFor(team.member),
      body: { body: `@lead ${SECRET}` },
    });
    await runNotificationsOnce();
    // Open and blind: nothing so far may name a winner.
    const whileOpen = await db().prisma.notification.findMany({ where: { projectId: team.project.id } });
    expect(whileOpen.some((n) => /Winner|Tie/.test(n.body))).toBe(false);

    await api("POST", `/decisions/${decision.id}/close`, { token: await tokenFor(team.lead), body: {} });
    await api("POST", `/decisions/${decision.id}/reopen`, {
      token: await tokenFor(team.lead),
      body: { reason: "One more voter" },
    });
    await runNotificationsOnce();
    // Closed and reopened before the worker ran: the close is told without its (hidden again) winner.
    const closedNote = await db().prisma.notification.findFirstOrThrow({
      where: { userId: team.auditor.userId, kind: "VOTE_CLOSED" },
    });
    expect(closedNote.body).toContain("not visible");

    const rows = await db().prisma.notification.findMany({ where: { projectId: team.project.id } });
    expect(rows.length).toBeGreaterThan(5);
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    expect(JSON.stringify(rows)).not.toMatch(/\b9\b.*\b8\b.*\b7\b/);
    for (const person of [team.owner, team.lead, team.member, team.auditor]) {
      const inbox = await api("GET", "/inbox?limit=100", { token: await tokenFor(person) });
      expect(inbox.text).not.toContain(SECRET);
    }
    expect(smtp.received.length).toBeGreaterThan(5);
    for (const mail of smtp.received) expect(mail.raw + mail.text + mail.html).not.toContain(SECRET);
  });

  it("is woken by committed events without waiting for its poll", async () => {
    const team = await makeTeam();
    startNotificationWorker();
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const decision = await draft(team.lead, team.project.id);
      expect(
        (await api("POST", `/decisions/${decision.id}/open`, { token: await tokenFor(team.lead) })).status,
      ).toBe(200);
      await expect
        .poll(
          async () => (await api("GET", "/inbox", { token: await tokenFor(team.member) })).body.unreadCount,
          { timeout: 10_000 },
        )
        .toBe(1);
      await expect.poll(() => smtp.to(team.member.email).length, { timeout: 10_000 }).toBe(1);
    } finally {
      await stopNotificationWorker();
    }
  });
});
