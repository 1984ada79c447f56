import { z } from "zod";
import { MAX_INVITES_AT_ONCE } from "./invite-limits";
import { safeText } from "./text";

export const roleSchema = z.enum(["OWNER", "LEAD", "MEMBER", "AUDITOR"], {
  error: "Role must be one of OWNER, LEAD, MEMBER, AUDITOR.",
});
export type RoleName = z.infer<typeof roleSchema>;

export const createProjectSchema = z
  .object({
    name: safeText().trim().min(1, { error: "Name the project." }).max(100, { error: "Use at most 100 characters." }),
    description: safeText().trim().max(2000, { error: "Use at most 2,000 characters." }).optional(),
  })
  .strict();

export const createInviteSchema = z
  .object({
    role: roleSchema,
    label: safeText().trim().max(200, { error: "Use at most 200 characters." }).optional(),
  })
  .strict();


/**
 * Several links in one go: one per label (a name or an email per line), or `count` unlabelled ones.
 */
export const createInvitesSchema = z
  .object({
    role: roleSchema,
    count: z.coerce
      .number({ error: "Enter how many links to create." })
      .int({ error: "Enter a whole number of links." })
      .min(1, { error: "Create at least one link." })
      .max(MAX_INVITES_AT_ONCE, { error: `Create at most ${MAX_INVITES_AT_ONCE} links at once.` })
      .default(1),
    labels: z
      .array(safeText().trim().max(200, { error: "Keep each name or email under 200 characters." }))
      .max(MAX_INVITES_AT_ONCE, { error: `Create at most ${MAX_INVITES_AT_ONCE} links at once.` })
      .default([]),
  })
  .strict();
export const changeRoleSchema = z.object({ role: roleSchema }).strict();

export type CreateProjectInput = z.infer<typeof createProjectSchema>;
