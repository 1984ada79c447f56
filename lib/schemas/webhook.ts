// Webhooks: one set of schemas for the settings form, the server operations, the API and OpenAPI.
import { z } from "zod";
import { WEBHOOK_EVENT_ACTIONS, WEBHOOK_FORMATS } from "../domain/webhook-events";
import { safeText } from "./text";

export const webhookUrlSchema = safeText({ error: "Enter the URL to send events to." })
  .trim()
  .min(1, { error: "Enter the URL to send events to." })
  .max(2000, { error: "Use a URL of at most 2,000 characters." })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === "http:" || url.protocol === "https:";
      } catch {
        return false;
      }
    },
    { error: "Enter a full http:// or https:// URL (other schemes cannot receive webhooks)." },
  );

export const webhookEventsSchema = z
  .array(
    z.enum(WEBHOOK_EVENT_ACTIONS, {
      error: `Each event must be one of: ${WEBHOOK_EVENT_ACTIONS.join(", ")}.`,
    }),
    {
      error: "Choose the events to send.",
    },
  )
  .min(1, { error: "Choose at least one event to send." })
  .transform((events) => [...new Set(events)]);

export const webhookFormatSchema = z.enum(WEBHOOK_FORMATS, { error: "Format must be verdict or slack." });

export const webhookSecretSchema = safeText()
  .min(16, { error: "Use a secret of at least 16 characters, or leave it empty to have one generated." })
  .max(200, { error: "Use a secret of at most 200 characters." });

const description = safeText().trim().max(200, { error: "Use at most 200 characters." });

export const createWebhookSchema = z
  .object({
    url: webhookUrlSchema,
    events: webhookEventsSchema,
    format: webhookFormatSchema.default("verdict"),
    /** Leave out to have the server generate one (shown once, in the answer). */
    secret: webhookSecretSchema.optional(),
    active: z.boolean({ error: "active must be true or false." }).default(true),
    /** Let this webhook reach loopback, private and link-local addresses (an audited choice). */
    allowPrivateAddresses: z
      .boolean({ error: "allowPrivateAddresses must be true or false." })
      .default(false),
    description: description.optional(),
  })
  .strict();

export const updateWebhookSchema = z
  .object({
    url: webhookUrlSchema.optional(),
    events: webhookEventsSchema.optional(),
    format: webhookFormatSchema.optional(),
    /** A new secret of your own; or `regenerateSecret: true` for a generated one (shown once). */
    secret: webhookSecretSchema.optional(),
    regenerateSecret: z.boolean().optional(),
    active: z.boolean({ error: "active must be true or false." }).optional(),
    allowPrivateAddresses: z.boolean({ error: "allowPrivateAddresses must be true or false." }).optional(),
    description: description.optional(),
  })
  .strict()
  .refine((value) => !(value.secret && value.regenerateSecret), {
    error: "Give a secret or ask for a generated one, not both.",
    path: ["secret"],
  });

export const deliveryListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export type CreateWebhookInput = z.input<typeof createWebhookSchema>;
export type UpdateWebhookInput = z.input<typeof updateWebhookSchema>;

export const webhookResponseSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  format: webhookFormatSchema,
  active: z.boolean(),
  allowPrivateAddresses: z.boolean(),
  description: z.string(),
  /** The secret's last four characters, to tell secrets apart; never the whole secret after creation. */
  secretHint: z.string(),
  /** Only in the answer that created or regenerated it. */
  secret: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const webhookAttemptSchema = z.object({
  number: z.number().int(),
  startedAt: z.string(),
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable(),
  responseExcerpt: z.string(),
  error: z.string().nullable(),
});

export const webhookDeliverySchema = z.object({
  id: z.string(),
  event: z.string(),
  seq: z.number().int().nullable(),
  status: z.enum(["pending", "delivering", "succeeded", "failed"]),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  attemptLog: z.array(webhookAttemptSchema),
});

export const webhookListResponseSchema = z.object({ webhooks: z.array(webhookResponseSchema) });
export const deliveryListResponseSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });
