// Project webhooks end to end against a real receiver on 127.0.0.1: registration rules, address
// checks, signed deliveries retried with the same id, exactly once under racing workers, blindness.
import { createHmac } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db";
import { runWebhookPass } from "@/lib/server/webhooks/worker";
import type { WebhookSettings } from "@/lib/server/webhooks/settings";
import { api, tokenFor } from "../support/api";
import { ballotFrom, createOpenDecision, frameworkDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";
import { startReceiver } from "../support/webhook-receiver";

const FAST: Partial<WebhookSettings> = { retryBaseMs: 40, timeoutMs: 2_000, maxAttempts: 5 };
const SECRET_RATIONALE = "PLANTED-blind-rationale-91c2";
const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];

async function receiver(script: Parameters<typeof startReceiver>[0] = []) {
  const started = await startReceiver(script);
  receivers.push(started);
  return started;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function hmac(secret: string, body: string) {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

describeOnEachDatabase("webhooks", (db) => {
  let previousAuthUrl: string | undefined;
  beforeAll(() => {
    previousAuthUrl = process.env.AUTH_URL;
    process.env.AUTH_URL = "https://verdict.example";
    // The routes wake the in-process worker; its own timer must not outlive the test database.
    process.env.WEBHOOK_POLL_MS = "600000";
  });
  afterAll(() => {
    process.env.AUTH_URL = previousAuthUrl;
  });
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });

  const prisma = () => db().prisma as unknown as Db;

  /** Runs worker passes until `done` holds (or fails after a while). */
  async function deliverUntil(done: () => boolean | Promise<boolean>, settings = FAST, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await runWebhookPass({ db: prisma(), settings });
      if (await done()) return;
      if (Date.now() > deadline) throw new Error("webhook deliveries did not settle in time");
      await sleep(30);
    }
  }

  async function register(token: string, projectId: string, body: Record<string, unknown>) {
    const created = await api("POST", `/projects/${projectId}/webhooks`, { token, body });
    expect(created.status, created.text).toBe(201);
    return created.body as { id: string; secret: string; secretHint: string };
  }

  it("lets owners alone register webhooks, shows the secret once and audits without it", async () => {
    const team = await makeTeam();
    const other = await makeTeam("Other team");
    const ownerToken = await tokenFor(team.owner);
    const body = { url: "https://hooks.example.com/verdict/T0KEN", events: ["decision.opened"] };

    for (const [who, status] of [
      [team.lead, 403],
      [team.member, 403],
      [team.auditor, 403],
      [team.stranger, 404],
      [other.owner, 404],
    ] as const) {
      const token = await tokenFor(who);
      const refused = await api("POST", `/projects/${team.project.id}/webhooks`, { token, body });
      expect(refused.status, refused.text).toBe(status);
      expect((await api("GET", `/projects/${team.project.id}/webhooks`, { token })).status).toBe(status);
    }

    const created = await register(ownerToken, team.project.id, body);
    expect(created.secret).toMatch(/^whsec_.{20,}/);
    expect(created.secretHint).toBe(`…${created.secret.slice(-4)}`);
    const listed = await api("GET", `/projects/${team.project.id}/webhooks`, { token: ownerToken });
    expect(listed.status).toBe(200);
    expect(listed.body.webhooks).toHaveLength(1);
    expect(listed.text).not.toContain(created.secret);

    // Leads cannot read, change, test or delete it either; another project's owner does not find it.
    const leadToken = await tokenFor(team.lead);
    expect(
      (await api("GET", `/projects/${team.project.id}/webhooks/${created.id}`, { token: leadToken })).status,
    ).toBe(403);
    expect(
      (
        await api("PATCH", `/projects/${team.project.id}/webhooks/${created.id}`, {
          token: leadToken,
          body: { active: false },
        })
      ).status,
    ).toBe(403);
    expect(
      (await api("POST", `/projects/${team.project.id}/webhooks/${created.id}/test`, { token: leadToken }))
        .status,
    ).toBe(403);
    expect(
      (await api("DELETE", `/projects/${team.project.id}/webhooks/${created.id}`, { token: leadToken }))
        .status,
    ).toBe(403);
    const otherToken = await tokenFor(other.owner);
    await register(otherToken, other.project.id, {
      url: "https://hooks.example.com/other",
      events: ["decision.opened"],
    });
    expect(
      (await api("GET", `/projects/${other.project.id}/webhooks/${created.id}`, { token: otherToken }))
        .status,
    ).toBe(404);
    expect(
      (await api("DELETE", `/projects/${other.project.id}/webhooks/${created.id}`, { token: otherToken }))
        .status,
    ).toBe(404);

    // An owner's own secret is accepted; regenerating shows the new one once.
    const own = await register(ownerToken, team.project.id, {
      ...body,
      secret: "my-own-secret-of-enough-length",
    });
    expect(own.secret).toBe("my-own-secret-of-enough-length");
    const regenerated = await api("PATCH", `/projects/${team.project.id}/webhooks/${own.id}`, {
      token: ownerToken,
      body: { regenerateSecret: true },
    });
    expect(regenerated.status, regenerated.text).toBe(200);
    expect(regenerated.body.secret).toMatch(/^whsec_/);
    expect(regenerated.body.secret).not.toBe(own.secret);

    const audit = await api("GET", `/projects/${team.project.id}/audit?limit=100`, {
      token: await tokenFor(team.member),
    });
    const webhookEvents = audit.body.events.filter((event: { action: string }) =>
      event.action.startsWith("webhook."),
    );
    expect(webhookEvents.map((event: { action: string }) => event.action)).toEqual([
      "webhook.created",
      "webhook.created",
      "webhook.updated",
    ]);
    expect(webhookEvents[0].data.after.origin).toBe("https://hooks.example.com");
    expect(audit.text).not.toContain("T0KEN");
    expect(audit.text).not.toContain(created.secret);
    expect(audit.text).not.toContain("my-own-secret-of-enough-length");
    expect(audit.text).not.toContain(regenerated.body.secret);

    const deleted = await api("DELETE", `/projects/${team.project.id}/webhooks/${own.id}`, {
      token: ownerToken,
    });
    expect(deleted.status).toBe(204);
    expect(
      (await api("GET", `/projects/${team.project.id}/webhooks/${own.id}`, { token: ownerToken })).status,
    ).toBe(404);
  });

  it("refuses private and non-http URLs, saying why, unless private addresses are allowed", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.owner);
    const target = await receiver();
    const cases: [string, RegExp][] = [
      [target.url, /loopback/],
      [`http://localhost:${target.port}/hook`, /loopback/],
      ["http://169.254.169.254/latest/meta-data", /link-local.*metadata/],
      ["http://10.1.2.3/hook", /private network/],
      ["http://192.168.0.10/hook", /private network/],
      ["http://[fd00::1]/hook", /unique local/],
      ["http://[::ffff:127.0.0.1]/hook", /loopback/],
      ["http://0.0.0.0/hook", /unspecified/],
    ];
    for (const [url, reason] of cases) {
      const refused = await api("POST", `/projects/${team.project.id}/webhooks`, {
        token,
        body: { url, events: ["decision.opened"] },
      });
      expect(refused.status, url).toBe(422);
      expect(refused.body.error.message).toMatch(reason);
      expect(refused.body.error.message).toMatch(/allow private addresses/);
    }
    const ftp = await api("POST", `/projects/${team.project.id}/webhooks`, {
      token,
      body: { url: "ftp://example.com/x", events: ["decision.opened"] },
    });
    expect(ftp.status).toBe(422);
    expect(ftp.body.error.details.issues[0]).toMatchObject({ path: "url" });

    const allowed = await register(token, team.project.id, {
      url: target.url,
      events: ["decision.opened"],
      allowPrivateAddresses: true,
    });
    // Turning the flag off again is refused for this URL, and the flag's changes are audited.
    const narrowed = await api("PATCH", `/projects/${team.project.id}/webhooks/${allowed.id}`, {
      token,
      body: { allowPrivateAddresses: false },
    });
    expect(narrowed.status).toBe(422);
    const audit = await api("GET", `/projects/${team.project.id}/audit?limit=100`, { token });
    const created = audit.body.events.find((event: { action: string }) => event.action === "webhook.created");
    expect(created.data.after.allowPrivateAddresses).toBe(true);

    // A webhook saved with the flag, then stored without it, is refused again at delivery time.
    await db().prisma.webhook.update({ where: { id: allowed.id }, data: { allowPrivate: false } });
    await createOpenDecision(team.lead, team.project.id);
    await deliverUntil(
      async () =>
        ((await db().prisma.webhookDelivery.findFirst({ where: { webhookId: allowed.id } }))?.attempts ??
          0) >= 1,
    );
    const deliveries = await api("GET", `/projects/${team.project.id}/webhooks/${allowed.id}/deliveries`, {
      token,
    });
    expect(deliveries.body.deliveries[0].attemptLog.at(-1).error).toMatch(
      /^Refused: 127\.0\.0\.1 is a loopback address/,
    );
    expect(target.received).toHaveLength(0);

    // A host name is checked on the address it resolves to when connecting, not only at saving.
    await db().prisma.webhook.update({
      where: { id: allowed.id },
      data: { url: `http://localhost:${target.port}/hook` },
    });
    const first = deliveries.body.deliveries[0];
    expect(
      (
        await api(
          "POST",
          `/projects/${team.project.id}/webhooks/${allowed.id}/deliveries/${first.id}/redeliver`,
          { token },
        )
      ).status,
    ).toBe(202);
    await deliverUntil(
      async () => (await db().prisma.webhookAttempt.count({ where: { deliveryId: first.id } })) >= 2,
    );
    const again = await api("GET", `/projects/${team.project.id}/webhooks/${allowed.id}/deliveries`, {
      token,
    });
    expect(again.body.deliveries[0].attemptLog.at(-1).error).toMatch(
      /^Refused: localhost \((127\.0\.0\.1|::1)\) is a loopback address/,
    );
    expect(target.received).toHaveLength(0);
  });

  it("retries a failing receiver with the same delivery id and a valid signature, logging each attempt", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.owner);
    const target = await receiver([500, 500, 200]);
    const hook = await register(token, team.project.id, {
      url: target.url,
      events: ["decision.opened"],
      allowPrivateAddresses: true,
    });
    const decision = await createOpenDecision(team.lead, team.project.id);

    await deliverUntil(() => target.received.length === 3);
    const [first, second, third] = target.received;
    for (const request of target.received) {
      expect(request.method).toBe("POST");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["x-verdict-event"]).toBe("decision.opened");
      expect(request.headers["x-verdict-signature"]).toBe(hmac(hook.secret, request.body));
      expect(Number(request.headers["x-verdict-timestamp"])).toBeGreaterThan(1_700_000_000);
      expect(request.body).toBe(first!.body);
      expect(request.headers["x-verdict-delivery"]).toBe(first!.headers["x-verdict-delivery"]);
    }
    expect([first, second, third].map((r) => r!.headers["x-verdict-attempt"])).toEqual(["1", "2", "3"]);
    const payload = JSON.parse(third!.body);
    expect(payload).toMatchObject({
      id: first!.headers["x-verdict-delivery"],
      event: "decision.opened",
      project: { id: team.project.id, name: "ML Platform" },
      actor: { name: "Lead" },
      decision: {
        id: decision.id,
        title: frameworkDecision.title,
        url: `https://verdict.example/projects/${team.project.id}/decisions/${decision.id}`,
      },
    });

    await deliverUntil(
      async () =>
        (await db().prisma.webhookDelivery.findFirst({ where: { webhookId: hook.id } }))?.status ===
        "succeeded",
    );
    const log = await api("GET", `/projects/${team.project.id}/webhooks/${hook.id}/deliveries`, { token });
    expect(log.status).toBe(200);
    const [delivery] = log.body.deliveries;
    expect(delivery).toMatchObject({
      id: payload.id,
      status: "succeeded",
      attempts: 3,
      lastStatus: 200,
      seq: payload.seq,
    });
    expect(delivery.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200]);
    expect(delivery.attemptLog[0].responseExcerpt).toBe("receiver says 500");
    expect(delivery.attemptLog[0].error).toMatch(/HTTP 500/);
    expect(delivery.attemptLog[2]).toMatchObject({ error: null, responseExcerpt: "thanks" });
    expect(delivery.attemptLog.every((a: { durationMs: number }) => a.durationMs >= 0)).toBe(true);

    // Redeliver sends the same bytes under the same id once more; the log keeps all four attempts.
    const again = await api(
      "POST",
      `/projects/${team.project.id}/webhooks/${hook.id}/deliveries/${delivery.id}/redeliver`,
      { token },
    );
    expect(again.status, again.text).toBe(202);
    await deliverUntil(() => target.received.length === 4);
    expect(target.received[3]!.body).toBe(first!.body);
    expect(target.received[3]!.headers["x-verdict-delivery"]).toBe(delivery.id);
    await deliverUntil(
      async () => (await db().prisma.webhookAttempt.count({ where: { deliveryId: delivery.id } })) === 4,
    );
  });

  it("logs a timed-out attempt and retries it; gives up after the maximum attempts", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.owner);
    const slow = await receiver(["hang", 200]);
    const broken = await receiver([503, 503, 503, 503]);
    const slowHook = await register(token, team.project.id, {
      url: slow.url,
      events: ["decision.opened"],
      allowPrivateAddresses: true,
    });
    const brokenHook = await register(token, team.project.id, {
      url: broken.url,
      events: ["decision.opened"],
      allowPrivateAddresses: true,
    });
    await createOpenDecision(team.lead, team.project.id);

    const settings = { ...FAST, timeoutMs: 400, maxAttempts: 3 };
    const settled = async () =>
      (await db().prisma.webhookDelivery.count({
        where: { projectId: team.project.id, status: { in: ["succeeded", "failed"] } },
      })) === 2;
    await deliverUntil(settled, settings);
    const slowLog = await api("GET", `/projects/${team.project.id}/webhooks/${slowHook.id}/deliveries`, {
      token,
    });
    const [timedOut, answered] = slowLog.body.deliveries[0].attemptLog;
    expect(timedOut).toMatchObject({
      statusCode: null,
      error: "Timed out after 400 ms without a complete answer.",
    });
    expect(timedOut.durationMs).toBeGreaterThanOrEqual(350);
    expect(answered).toMatchObject({ statusCode: 200, error: null });
    expect(slowLog.body.deliveries[0].status).toBe("succeeded");

    const brokenLog = await api("GET", `/projects/${team.project.id}/webhooks/${brokenHook.id}/deliveries`, {
      token,
    });
    expect(brokenLog.body.deliveries[0]).toMatchObject({
      status: "failed",
      attempts: 3,
      lastStatus: 503,
      nextAttemptAt: null,
    });
    expect(broken.received).toHaveLength(3);
  });

  it("delivers each event once to each webhook when two workers race, and never another project's events", async () => {
    const team = await makeTeam();
    const other = await makeTeam("Other team");
    const token = await tokenFor(team.owner);
    const first = await receiver();
    const second = await receiver();
    const outsider = await receiver();
    const events = ["decision.opened", "ballot.submitted", "decision.closed"];
    await register(token, team.project.id, { url: first.url, events, allowPrivateAddresses: true });
    await register(token, team.project.id, {
      url: second.url,
      events,
      allowPrivateAddresses: true,
      format: "slack",
    });
    await register(await tokenFor(other.owner), other.project.id, {
      url: outsider.url,
      events,
      allowPrivateAddresses: true,
    });

    const decision = await createOpenDecision(team.lead, team.project.id);
    const matrix = [
      [9, 8, 7],
      [6, 5, 4],
      [3, 2, 1],
    ];
    for (const voter of [team.owner, team.lead, team.member]) {
      const cast = await api("PUT", `/decisions/${decision.id}/ballot`, {
        token: await tokenFor(voter),
        body: ballotFrom(decision, matrix),
      });
      expect(cast.status, cast.text).toBe(200);
    }
    expect(
      (await api("POST", `/decisions/${decision.id}/close`, { token: await tokenFor(team.lead), body: {} }))
        .status,
    ).toBe(200);

    // A second server instance: its own connection pool on the same PostgreSQL database.
    const events_ = db().events;
    const secondInstance =
      events_.engine === "postgresql"
        ? new PrismaClient({ adapter: new PrismaPg({ connectionString: events_.url, max: 5 }) })
        : db().prisma;
    try {
      const instances = [prisma(), secondInstance as unknown as Db];
      await Promise.all(
        [0, 1, 2, 3, 4, 5].map((i) => runWebhookPass({ db: instances[i % 2]!, settings: FAST })),
      );
      await deliverUntil(() => first.received.length >= 5 && second.received.length >= 5);
      await sleep(300);
      await Promise.all([0, 1].map((i) => runWebhookPass({ db: instances[i]!, settings: FAST })));
    } finally {
      if (secondInstance !== db().prisma) await secondInstance.$disconnect();
    }
    for (const target of [first, second]) {
      expect(target.received).toHaveLength(5);
      const ids = target.received.map((r) => r.headers["x-verdict-delivery"]);
      expect(new Set(ids).size).toBe(5);
      expect(target.received.map((r) => r.headers["x-verdict-event"]).sort()).toEqual([
        "ballot.submitted",
        "ballot.submitted",
        "ballot.submitted",
        "decision.closed",
        "decision.opened",
      ]);
    }
    expect(outsider.received).toHaveLength(0);
    expect(first.received.map((r) => r.body).join("\n")).not.toContain(other.project.id);

    // The Slack-format webhook got {text} only: a sentence and a link built from AUTH_URL.
    for (const request of second.received) {
      const body = JSON.parse(request.body);
      expect(Object.keys(body)).toEqual(["text"]);
      expect(body.text).toMatch(/^\[ML Platform\] /);
      expect(body.text).toContain(
        `<https://verdict.example/projects/${team.project.id}/decisions/${decision.id}|Open in Verdict>`,
      );
    }
    const closedText = JSON.parse(
      second.received.find((r) => r.headers["x-verdict-event"] === "decision.closed")!.body,
    ).text;
    expect(closedText).toMatch(
      /Lead closed the vote on D-\d+ “Which framework do we standardize on\?”\. Chosen option: PyTorch\./,
    );
  });

  it("never puts a blind vote's scores or rationales in any webhook body", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.owner);
    const verdictTarget = await receiver();
    const slackTarget = await receiver();
    const allEvents = [
      "decision.opened",
      "ballot.submitted",
      "ballot.revised",
      "decision.closed",
      "decision.reopened",
      "record.created",
      "comment.posted",
    ];
    await register(token, team.project.id, {
      url: verdictTarget.url,
      events: allEvents,
      allowPrivateAddresses: true,
    });
    await register(token, team.project.id, {
      url: slackTarget.url,
      events: allEvents,
      allowPrivateAddresses: true,
      format: "slack",
    });

    const decision = await createOpenDecision(team.lead, team.project.id, {
      ...frameworkDecision,
      revealPolicy: "AFTER_CLOSE",
    });
    const ballot = ballotFrom(decision, [
      [9, 8, 7],
      [6, 5, 4],
      [3, 2, 1],
    ]);
    ballot.scores[0] = {
      ...ballot.scores[0]!,
      rationale: SECRET_RATIONALE,
    } as (typeof ballot.scores)[number];
    const memberToken = await tokenFor(team.member);
    expect(
      (
        await api("PUT", `/decisions/${decision.id}/ballot`, {
          token: memberToken,
          body: { ...ballot, comment: SECRET_RATIONALE },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api("PUT", `/decisions/${decision.id}/ballot`, {
          token: memberToken,
          body: { ...ballot, comment: `${SECRET_RATIONALE} again` },
        })
      ).status,
    ).toBe(200);
    await api("POST", `/decisions/${decision.id}/comments`, {
      token: memberToken,
      body: { body: "Voted; happy to explain after the close." },
    });

    // While the vote is open, the bodies say who voted and nothing of what.
    await deliverUntil(() => verdictTarget.received.length === 4 && slackTarget.received.length === 4);
    const openBodies = [...verdictTarget.received, ...slackTarget.received].map((r) => r.body).join("\n");
    expect(openBodies).not.toContain(SECRET_RATIONALE);
    expect(openBodies).not.toMatch(/rationale|"score|"value"|sealed|winner|Chosen option/i);
    const voted = JSON.parse(
      verdictTarget.received.find((r) => r.headers["x-verdict-event"] === "ballot.submitted")!.body,
    );
    expect(voted.actor.name).toBe("Member");
    expect(voted.details).toEqual({});

    expect(
      (await api("POST", `/decisions/${decision.id}/close`, { token: await tokenFor(team.lead), body: {} }))
        .status,
    ).toBe(200);
    await deliverUntil(() => verdictTarget.received.length === 6 && slackTarget.received.length === 6);
    const allBodies = [...verdictTarget.received, ...slackTarget.received].map((r) => r.body).join("\n");
    expect(allBodies).not.toContain(SECRET_RATIONALE);
    const closed = JSON.parse(
      verdictTarget.received.find((r) => r.headers["x-verdict-event"] === "decision.closed")!.body,
    );
    expect(closed.details.winner).toBe("PyTorch");
    expect(closed.details.recordNumber).toMatch(/^ADR-\d{4}$/);
  });

  it("sends a signed ping through the same path when an owner asks", async () => {
    const team = await makeTeam();
    const token = await tokenFor(team.owner);
    const target = await receiver();
    const hook = await register(token, team.project.id, {
      url: target.url,
      events: ["decision.opened"],
      allowPrivateAddresses: true,
      active: false,
    });
    const queued = await api("POST", `/projects/${team.project.id}/webhooks/${hook.id}/test`, { token });
    expect(queued.status, queued.text).toBe(202);
    expect(queued.body).toMatchObject({ event: "ping", seq: null });
    await deliverUntil(() => target.received.length === 1);
    const [ping] = target.received;
    expect(ping!.headers["x-verdict-event"]).toBe("ping");
    expect(ping!.headers["x-verdict-delivery"]).toBe(queued.body.id);
    expect(ping!.headers["x-verdict-signature"]).toBe(hmac(hook.secret, ping!.body));
    expect(JSON.parse(ping!.body)).toMatchObject({
      event: "ping",
      text: "[ML Platform] Test delivery from Verdict: this webhook works.",
    });
    // An inactive webhook receives no events.
    await createOpenDecision(team.lead, team.project.id);
    await runWebhookPass({ db: prisma(), settings: FAST });
    expect(target.received).toHaveLength(1);
  });
});
