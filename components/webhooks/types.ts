// What the webhook pages receive, typed from the shared response schemas (components never import the server layer).
import type { z } from "zod";
import type { webhookDeliverySchema, webhookResponseSchema } from "@/lib/schemas/webhook";

export type WebhookView = z.infer<typeof webhookResponseSchema>;
export type DeliveryView = z.infer<typeof webhookDeliverySchema>;
