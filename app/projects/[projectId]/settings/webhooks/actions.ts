"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/server/webhooks/delete-webhook";
import { redeliver } from "@/lib/server/webhooks/redeliver";
import { sendTestDelivery } from "@/lib/server/webhooks/send-test";
import { updateWebhook } from "@/lib/server/webhooks/update-webhook";
import { formStateFromError, formString, type FormState } from "../../../../_lib/form-state";
import { requireActor } from "../../../../_lib/session";

const webhooksPath = (projectId: string) => `/projects/${projectId}/settings/webhooks`;

export interface WebhookFormState extends FormState {
  /** Shown once, right after creating or regenerating. */
  secret?: string;
  webhookId?: string;
}

function readForm(formData: FormData) {
  return {
    url: formString(formData, "url").trim(),
    description: formString(formData, "description"),
    format: formString(formData, "format") || "verdict",
    events: formData.getAll("events").filter((value): value is string => typeof value === "string"),
    secret: formString(formData, "secret"),
    active: formData.get("active") === "on",
    allowPrivateAddresses: formData.get("allowPrivateAddresses") === "on",
    regenerateSecret: formData.get("regenerateSecret") === "on",
  };
}

function echo(form: ReturnType<typeof readForm>) {
  // Never the secret: a refused form comes back without it.
  return {
    url: form.url,
    description: form.description,
    format: form.format,
    events: form.events.join(","),
    active: form.active ? "on" : "",
    allowPrivateAddresses: form.allowPrivateAddresses ? "on" : "",
  };
}

export async function createWebhookAction(
  projectId: string,
  _previous: WebhookFormState,
  formData: FormData,
): Promise<WebhookFormState> {
  const actor = await requireActor(`${webhooksPath(projectId)}/new`);
  const form = readForm(formData);
  try {
    const { url, description, format, events, active, allowPrivateAddresses, secret } = form;
    const created = await createWebhook(actor, projectId, {
      url,
      description,
      format,
      events,
      active,
      allowPrivateAddresses,
      ...(secret ? { secret } : {}),
    });
    revalidatePath(webhooksPath(projectId));
    return { status: "success", secret: created.secret, webhookId: created.id };
  } catch (error) {
    return formStateFromError(error, echo(form));
  }
}

export async function updateWebhookAction(
  projectId: string,
  webhookId: string,
  _previous: WebhookFormState,
  formData: FormData,
): Promise<WebhookFormState> {
  const actor = await requireActor(`${webhooksPath(projectId)}/${webhookId}/edit`);
  const form = readForm(formData);
  try {
    const { secret, regenerateSecret, ...rest } = form;
    const updated = await updateWebhook(actor, projectId, webhookId, {
      ...rest,
      ...(secret ? { secret } : {}),
      ...(regenerateSecret ? { regenerateSecret: true } : {}),
    });
    revalidatePath(webhooksPath(projectId));
    return { status: "success", secret: updated.secret, webhookId, message: "Saved." };
  } catch (error) {
    return formStateFromError(error, echo(form));
  }
}

export async function deleteWebhookAction(projectId: string, webhookId: string): Promise<FormState> {
  const actor = await requireActor(webhooksPath(projectId));
  try {
    await deleteWebhook(actor, projectId, webhookId);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath(webhooksPath(projectId));
  redirect(webhooksPath(projectId));
}

export async function sendTestAction(projectId: string, webhookId: string): Promise<FormState> {
  const actor = await requireActor(`${webhooksPath(projectId)}/${webhookId}`);
  try {
    await sendTestDelivery(actor, projectId, webhookId);
    revalidatePath(`${webhooksPath(projectId)}/${webhookId}`);
    return { status: "success", message: "Test delivery queued." };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function redeliverAction(
  projectId: string,
  webhookId: string,
  deliveryId: string,
): Promise<FormState> {
  const actor = await requireActor(`${webhooksPath(projectId)}/${webhookId}`);
  try {
    await redeliver(actor, projectId, webhookId, deliveryId);
    revalidatePath(`${webhooksPath(projectId)}/${webhookId}`);
    return { status: "success", message: "Queued again." };
  } catch (error) {
    return formStateFromError(error);
  }
}
