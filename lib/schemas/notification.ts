// The inbox and notification preferences: request schemas and the shapes the API answers with.
import { z } from "zod";
import { NOTIFICATION_KINDS } from "../domain/notifications";

export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);

export const inboxQuerySchema = z.strictObject({
  /** Only unread notifications when "true". */
  unread: z.enum(["true", "false"]).optional(),
  /** At most this many, newest first (0 gives only the counts). */
  limit: z.coerce.number().int().min(0).max(100).default(50),
  /** A notification id from the previous page's `next`. */
  before: z.string().trim().min(1).max(100).optional(),
});

export const notificationSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  projectId: z.string(),
  projectName: z.string(),
  decisionId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  /** A path inside the app. */
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const inboxResponseSchema = z.object({
  notifications: z.array(notificationSchema),
  unreadCount: z.number().int(),
  /** Pass as `before` for older notifications; null at the end. */
  next: z.string().nullable(),
});

export const markReadResponseSchema = z.object({ updated: z.number().int(), unreadCount: z.number().int() });

export const notificationPreferenceSchema = z.strictObject({
  kind: notificationKindSchema,
  email: z.boolean(),
});

export const updatePreferencesSchema = z.strictObject({
  /** Only the kinds listed change; the inbox always receives every kind. */
  preferences: z.array(notificationPreferenceSchema).min(1).max(NOTIFICATION_KINDS.length),
});

export const preferencesResponseSchema = z.object({
  /** Whether this server sends email at all (SMTP_URL is set). */
  emailAvailable: z.boolean(),
  preferences: z.array(
    z.object({ kind: notificationKindSchema, inbox: z.literal(true), email: z.boolean() }),
  ),
});

export const unsubscribeQuerySchema = z.strictObject({ token: z.string().min(1).max(500) });

export type NotificationView = z.infer<typeof notificationSchema>;
export type PreferencesView = z.infer<typeof preferencesResponseSchema>;
