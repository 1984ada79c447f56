// Notifications in the browser: a member's bell counts up when a lead opens a vote, the inbox links
// to the ballot, and the email's link takes a signed-out reader through sign-in to the same ballot.
import { startSmtpServer } from "../support/smtp";
import { expect, test } from "./fixtures";
import { newPerson, signIn, unique } from "./helpers";
import { createOpenDecision } from "./live-support";

const SMTP_PORT = Number(process.env.E2E_PORT ?? 3100) + 5;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

test.beforeAll(async () => {
  smtp = await startSmtpServer(SMTP_PORT);
});
test.afterAll(async () => {
  await smtp?.close();
});

test("a member's bell counts a vote a lead opens; inbox and email both lead to the ballot", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const member = await newPerson(browser);
  await signIn(member.page, "aisha@verdict.demo");
  await member.page.goto("/home");
  const bell = member.page.getByTestId("inbox-bell");
  await expect(bell).toBeVisible();
  // The demo's own history may still be turning into notifications: wait until the count settles.
  let before = -1;
  await expect
    .poll(
      async () => {
        const now = Number(await bell.getAttribute("data-unread"));
        const settled = now === before;
        before = now;
        return settled;
      },
      { timeout: 60_000, intervals: [3_000] },
    )
    .toBe(true);

  const lead = await newPerson(browser);
  await signIn(lead.page, "marco@verdict.demo");
  const title = unique("Which queue for notification jobs?");
  const decision = await createOpenDecision(lead.page.request, baseURL!, title);
  const ballotPath = `/projects/${decision.projectId}/decisions/${decision.id}/vote`;

  // No reload: the bell's own refresh notices the new notification.
  await expect(bell).toHaveAttribute("data-unread", String(before + 1), { timeout: 30_000 });
  await expect(bell).toHaveAccessibleName(`Inbox, ${before + 1} unread`);

  await bell.click();
  await expect(member.page).toHaveURL(/\/inbox$/);
  const item = member.page.getByTestId("notification").filter({ hasText: title });
  await expect(item).toHaveAttribute("data-unread", "true");
  await item.getByRole("link").click();
  await expect(member.page).toHaveURL(new RegExp(`${ballotPath}$`));
  await expect(bell).toHaveAttribute("data-unread", String(before));

  // The email: exactly one to Aisha for this vote, its link under AUTH_URL.
  await expect
    .poll(
      () => smtp.to("aisha@verdict.demo").filter((mail) => mail.headers.subject?.includes(title)).length,
      { timeout: 60_000 },
    )
    .toBe(1);
  const mail = smtp.to("aisha@verdict.demo").find((m) => m.headers.subject?.includes(title))!;
  const link = /Open it: (\S+)/.exec(mail.text)![1]!;
  expect(link).toBe(`${baseURL}${ballotPath}`);

  const reader = await newPerson(browser);
  await reader.page.goto(link);
  await expect(reader.page).toHaveURL(/\/signin\?callbackUrl=/);
  await reader.page.getByLabel("Email").fill("aisha@verdict.demo");
  await reader.page.getByLabel("Password").fill("verdict-demo");
  await reader.page.getByRole("button", { name: /sign in/i }).click();
  await expect(reader.page).toHaveURL(new RegExp(`${ballotPath}$`));

  // Auditors are not voters: no email about this vote.
  expect(smtp.to("ken@verdict.demo").filter((m) => m.headers.subject?.includes(title))).toHaveLength(0);
  for (const person of [member, lead, reader]) await person.context.close();
});
