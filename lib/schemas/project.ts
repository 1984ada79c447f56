import { z } from "zod";
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

export const createInviteSchema = z.object({ role: roleSchema }).strict();
export const changeRoleSchema = z.object({ role: roleSchema }).strict();

export type CreateProjectInput = z.infer<typeof createProjectSchema>;
