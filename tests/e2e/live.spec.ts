// Two people on one decision: what one does shows up for the other within 2 s without a reload, and
// a dropped connection catches up on what it missed.
import { expect, test } from "./fixtures";
import { newPerson, signIn, unique } from "./helpers";
import { createOpenDecision, vote } from "./live-support";

// The promise is 2 s. LIVE_WITHIN_MS may stretch it on a machine shared with other builds, where
// one page render alone takes seconds; every measured delay is printed either way.
const LIVE_WITHIN = Number(process.env.LIVE_WITHIN_MS ?? 2_000);

async function timed(label: string, check: () => Promise<void>) {
  const started = Date.now();
  await check();
  console.log(`live: ${label} after ${Date.now() - started} ms`);
}

test("votes, comments and presence reach another browser live, and a cut stream catches up", async ({ browser, baseURL }) => {
  // Three people sign in and load pages on a shared 2-core machine; the 2 s checks are what matters.
  test.setTimeout(180_000);
  const lead = await newPerson(browser);
  await signIn(lead.page, "marco@verdict.demo");
  const decision = await createOpenDecision(lead.page.request, baseURL!, unique("Which model server for batch jobs?"));
  const path = `/projects/${decision.projectId}/decisions/${decision.id}`;

  const watcher = await newPerson(browser);
  await signIn(watcher.page, "tomas@verdict.demo");
  await watcher.page.goto(path);
  const live = watcher.page.getByTestId("live-decision");
  await expect(live).toHaveAttribute("data-status", "live");
  const participation = watcher.page.getByRole("meter", { name: "Participation" });
  await expect(participation).toHaveAttribute("aria-valuetext", "0 of 5 voted");
  // Anything that reloads the page would lose this mark.
  await watcher.page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 1));

  const voter = await newPerson(browser);
  await signIn(voter.page, "aisha@verdict.demo");
  await voter.page.goto(path);
  await expect(voter.page.getByTestId("live-decision")).toHaveAttribute("data-status", "live");
  await expect(live.getByTestId("presence")).toContainText("Aisha Bello", { timeout: LIVE_WITHIN });

  // A vote in one browser: the other's participation moves, the activity says who, never what.
  const secret = unique("PLANTED-rationale");
  await vote(voter.page.request, baseURL!, decision, 7, secret);
  await timed("vote announced in the other browser", () =>
    expect(live.getByTestId("live-activity")).toContainText("Aisha Bello voted", { timeout: LIVE_WITHIN }),
  );
  await timed("vote shown in the other browser's participation", () =>
    expect(participation).toHaveAttribute("aria-valuetext", "1 of 5 voted", { timeout: LIVE_WITHIN }),
  );
  await expect(watcher.page.locator("body")).not.toContainText(secret);

  // A comment posted in one browser appears in the other.
  const first = unique("Cold start matters most for the nightly jobs");
  await voter.page.getByLabel("Add a comment").fill(first);
  await voter.page.getByRole("button", { name: "Post comment" }).click();
  await expect(voter.page.getByTestId("discussion-comments")).toContainText(first);
  await timed("comment shown in the other browser", () =>
    expect(watcher.page.getByTestId("discussion-comments")).toContainText(first, { timeout: LIVE_WITHIN }),
  );

  // An edit shows live too, and the earlier wording stays readable.
  const edited = `${first}, and so does memory`;
  const own = voter.page.getByTestId("comment").filter({ hasText: first });
  await own.getByRole("button", { name: "Edit" }).click();
  await own.getByLabel("Edit comment").fill(edited);
  await own.getByRole("button", { name: "Save" }).click();
  await timed("edited comment shown in the other browser", () =>
    expect(watcher.page.getByTestId("discussion-comments")).toContainText(edited, { timeout: LIVE_WITHIN }),
  );
  const seen = watcher.page.getByTestId("comment").filter({ hasText: edited });
  await seen.getByRole("button", { name: "Earlier versions (1)" }).click();
  await expect(seen.getByTestId("comment-versions")).toContainText(first);
  await expect(seen.getByTestId("comment-versions")).not.toContainText("so does memory");

  // The watcher's connection drops; meanwhile a reply is posted and the lead votes.
  await watcher.context.setOffline(true);
  await expect(live).toHaveAttribute("data-status", "offline");
  const missed = unique("Agreed, and BentoML starts faster here");
  await voter.page.getByRole("button", { name: "Reply" }).click();
  await voter.page.getByLabel("Reply").fill(missed);
  await voter.page.getByRole("button", { name: "Post reply" }).click();
  await expect(voter.page.getByTestId("discussion-comments")).toContainText(missed);
  await vote(lead.page.request, baseURL!, decision, 4);
  await watcher.page.waitForTimeout(500);
  await expect(watcher.page.getByTestId("discussion-comments")).not.toContainText(missed);

  await watcher.context.setOffline(false);
  await timed("missed reply shown after reconnecting", () =>
    expect(watcher.page.getByTestId("discussion-comments")).toContainText(missed, { timeout: LIVE_WITHIN + 2_000 }),
  );
  await expect(participation).toHaveAttribute("aria-valuetext", "2 of 5 voted");
  await expect(live.getByTestId("live-activity")).toContainText("Marco Lindqvist voted");
  expect(await watcher.page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark)).toBe(1);

  for (const person of [lead, watcher, voter]) await person.context.close();
});

test("the audit log shows a change made in another browser without a reload", async ({ browser, baseURL }) => {
  const auditor = await newPerson(browser);
  await signIn(auditor.page, "ken@verdict.demo");
  const lead = await newPerson(browser);
  await signIn(lead.page, "marco@verdict.demo");
  const title = unique("Which cache for feature lookups?");
  const decision = await createOpenDecision(lead.page.request, baseURL!, title);

  await auditor.page.goto(`/projects/${decision.projectId}/audit`);
  const live = auditor.page.getByTestId("live-decision");
  await expect(live).toHaveAttribute("data-status", "live");
  await expect(live.getByTestId("presence")).toHaveCount(0);
  await auditor.page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 1));
  const newest = auditor.page.locator("main ol > li").first();
  await expect(newest).toContainText("Decision opened");

  await vote(lead.page.request, baseURL!, decision, 6);
  await timed("ballot announced on the other browser's audit log", () =>
    expect(live.getByTestId("live-activity")).toContainText("Marco Lindqvist voted", { timeout: LIVE_WITHIN }),
  );
  // The list re-renders from the server after the announcement; the log page is heavier than a decision's.
  await timed("ballot listed in the other browser's audit log", () =>
    expect(newest).toContainText("Ballot submitted", { timeout: LIVE_WITHIN * 4 }),
  );
  expect(await auditor.page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark)).toBe(1);
  await auditor.context.close();
  await lead.context.close();
});
