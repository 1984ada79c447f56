// The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas that validate requests.
import { z } from "zod";
import { createTokenSchema, signUpSchema } from "./schemas/account";
import { changeRoleSchema, createInviteSchema, createProjectSchema } from "./schemas/project";
import { ballotSchema, createDecisionSchema, reopenSchema, updateDecisionSchema } from "./schemas/decision";
import { auditQuerySchema, auditVerifyQuerySchema } from "./schemas/audit";
import { resultsResponseSchema } from "./schemas/results";
import { projectSearchQuerySchema, searchResponseSchema } from "./schemas/search";
import {
  citeCommentSchema,
  commentListResponseSchema,
  commentResponseSchema,
  commentVersionsResponseSchema,
  editCommentSchema,
  postCommentSchema,
} from "./schemas/comment";
import { eventStreamQuerySchema, liveEventSchema } from "./schemas/events";
import {
  createWebhookSchema,
  deliveryListQuerySchema,
  deliveryListResponseSchema,
  updateWebhookSchema,
  webhookDeliverySchema,
  webhookListResponseSchema,
  webhookResponseSchema,
} from "./schemas/webhook";
import {
  inboxQuerySchema,
  inboxResponseSchema,
  markReadResponseSchema,
  preferencesResponseSchema,
  unsubscribeQuerySchema,
  updatePreferencesSchema,
} from "./schemas/notification";
import {
  publishLogQuerySchema,
  publishLogResponseSchema,
  publishNowSchema,
  recordPublicationResponseSchema,
  repositoryConnectionResponseSchema,
  repositoryConnectionSchema,
  resolveConflictSchema,
} from "./schemas/repository";
import {
  acceptRecordSchema,
  confirmReviewSchema,
  deprecateRecordSchema,
  narrativePatchSchema,
  recordExportQuerySchema,
  recordIndexQuerySchema,
  recordSettingsSchema,
  rejectRecordSchema,
  setReviewDateSchema,
  supersedeRecordSchema,
} from "./schemas/record";

type Method = "get" | "post" | "put" | "patch" | "delete";

interface Operation {
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  status?: number;
  auth?: false;
  produces?: string;
  /** The success response's JSON shape, where a schema describes it. */
  response?: z.ZodType;
}

export const API_OPERATIONS: Record<string, Partial<Record<Method, Operation>>> = {
  "/health": { get: { summary: "Liveness and the database engine in use; 503 when the database is unreachable", auth: false } },
  "/signup": { post: { summary: "Create an account", body: signUpSchema, status: 201, auth: false } },
  "/tokens": {
    get: { summary: "List your API tokens (never the secrets)" },
    post: { summary: "Create a personal API token; the token is shown once (session only)", body: createTokenSchema, status: 201 },
  },
  "/inbox": {
    get: { summary: "Your notifications across all your projects, newest first, with the unread count", query: inboxQuerySchema, response: inboxResponseSchema },
  },
  "/inbox/{notificationId}/read": {
    post: { summary: "Mark one of your notifications read (404 for anyone else's)", response: markReadResponseSchema },
  },
  "/inbox/read-all": { post: { summary: "Mark all your notifications read", response: markReadResponseSchema } },
  "/me/notification-preferences": {
    get: { summary: "Your notification preferences: the inbox gets every kind; email on or off per kind", response: preferencesResponseSchema },
    put: { summary: "Turn email on or off for the kinds listed", body: updatePreferencesSchema, response: preferencesResponseSchema },
  },
  "/unsubscribe": {
    post: { summary: "One-click unsubscribe (RFC 8058) with the signed token from an email: turns that kind's email off", query: unsubscribeQuerySchema, auth: false },
  },
  "/projects": {
    get: { summary: "Projects you belong to" },
    post: { summary: "Create a project; you become its OWNER", body: createProjectSchema, status: 201 },
  },
  "/projects/{projectId}": { get: { summary: "A project with its members and your role" } },
  "/projects/{projectId}/invites": {
    get: { summary: "Pending invite links: not used, revoked or expired (OWNER)" },
    post: { summary: "Create an invite link with a role, an optional label and an expiry (OWNER)", body: createInviteSchema, status: 201 },
  },
  "/projects/{projectId}/invites/{inviteId}": {
    delete: { summary: "Revoke a pending invite link (OWNER); audited", status: 204 },
  },
  "/projects/{projectId}/webhooks": {
    get: { summary: "The project's webhooks, secrets shown only as their last four characters (OWNER)", response: webhookListResponseSchema },
    post: {
      summary:
        "Register a webhook (OWNER; audited): URL, event kinds, format verdict|slack, secret (generated when left out; the answer is the only time it is shown). " +
        "422 when the URL's host is or resolves to a loopback, private, link-local or other non-public address, unless allowPrivateAddresses is true",
      body: createWebhookSchema,
      status: 201,
      response: webhookResponseSchema,
    },
  },
  "/projects/{projectId}/webhooks/{webhookId}": {
    get: { summary: "One webhook (OWNER)", response: webhookResponseSchema },
    patch: {
      summary: "Change a webhook (OWNER; audited); a given or regenerated secret is in this answer only",
      body: updateWebhookSchema,
      response: webhookResponseSchema,
    },
    delete: { summary: "Delete a webhook with its delivery log (OWNER; audited)", status: 204 },
  },
  "/projects/{projectId}/webhooks/{webhookId}/deliveries": {
    get: {
      summary: "The webhook's latest deliveries, newest first, each with every attempt's status code, response excerpt or error and duration (OWNER)",
      query: deliveryListQuerySchema,
      response: deliveryListResponseSchema,
    },
  },
  "/projects/{projectId}/webhooks/{webhookId}/test": {
    post: { summary: "Queue a signed `ping` delivery through the same path as events (OWNER)", status: 202, response: webhookDeliverySchema },
  },
  "/projects/{projectId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver": {
    post: {
      summary: "Send a delivery again: same body, signature and delivery id, a fresh retry budget (OWNER); 409 while it is being sent",
      status: 202,
      response: webhookDeliverySchema,
    },
  },
  "/invites/{token}/accept": { post: { summary: "Join a project through an invite link" } },
  "/projects/{projectId}/members/{userId}": {
    patch: { summary: "Change a member's role (OWNER); the last owner is protected", body: changeRoleSchema },
    delete: { summary: "Remove a member (OWNER); the last owner is protected", status: 204 },
  },
  "/projects/{projectId}/decisions": {
    get: { summary: "Decisions of a project, newest first" },
    post: { summary: "Create a decision in DRAFT (OWNER, LEAD)", body: createDecisionSchema, status: 201 },
  },
  "/decisions/{decisionId}": {
    get: { summary: "A decision with who has voted (never what); `weightBand` is the FIXED weight band (null in VOTED mode)" },
    patch: {
      summary:
        "Edit a DRAFT decision; once OPEN only a stricter reveal policy or the FIXED `weightBand` (audited); 409 once CLOSED, 422 for a band outside 0–0.99 or in VOTED mode",
      body: updateDecisionSchema,
    },
  },
  "/decisions/{decisionId}/open": { post: { summary: "Open voting (needs 2 options and 1 criterion)" } },
  "/decisions/{decisionId}/close": { post: { summary: "Close voting; generates the decision record" } },
  "/decisions/{decisionId}/reopen": { post: { summary: "Reopen a closed vote whose record is not accepted", body: reopenSchema } },
  "/decisions/{decisionId}/start-scoring": {
    post: { summary: "End the importances-first phase of an OPEN VOTED decision and open scoring (OWNER, LEAD; audited); 409 when there is no such phase or it already ended" },
  },
  "/decisions/{decisionId}/ballot": {
    get: { summary: "Your own ballot" },
    put: {
      summary:
        "Submit or revise your ballot while OPEN (idempotent). VOTED: importances as numbers or as `pairwise` comparisons (Saaty 1–9, criterion ids; stored as derived importances, answered with their consistency ratio and warning). 422 for a score at the scale's min or max without a rationale when the decision requires one (naming the cell); 409 for scores while an importances-first decision has not started scoring, or for changed importances after it has",
      body: ballotSchema,
    },
  },
  "/decisions/{decisionId}/ballot/draft": {
    get: { summary: "Your unsubmitted draft" },
    put: { summary: "Save an unsubmitted draft while typing", body: ballotSchema },
  },
  "/decisions/{decisionId}/ballots": { get: { summary: "Every ballot after close (OWNER, LEAD, AUDITOR); members get their own" } },
  "/decisions/{decisionId}/results": {
    get: {
      summary: "Aggregated results with rank acceptability, pivotal voters and the median winner: after close, or live when the reveal policy is LIVE",
      response: resultsResponseSchema,
    },
  },
  "/decisions/{decisionId}/record": { get: { summary: "The decision record with its versions and current Markdown" } },
  "/projects/{projectId}/repository": {
    get: { summary: "The project's git repository connection, never its credentials (OWNER, LEAD)", response: repositoryConnectionResponseSchema },
    put: {
      summary: "Connect or change the git repository; tried with ls-remote before it is saved (OWNER)",
      body: repositoryConnectionSchema,
      response: repositoryConnectionResponseSchema,
    },
    delete: { summary: "Disconnect the git repository; what it holds stays (OWNER)", status: 204 },
  },
  "/projects/{projectId}/repository/publications": {
    get: { summary: "The publish log, newest first; conflicts carry both texts (OWNER, LEAD)", query: publishLogQuerySchema, response: publishLogResponseSchema },
  },
  "/projects/{projectId}/repository/publish": {
    post: { summary: "Retry failed publications (and with all: queue every record) and publish now (OWNER, LEAD)", body: publishNowSchema },
  },
  "/projects/{projectId}/repository/publications/{publicationId}/resolve": {
    post: { summary: "Resolve a publishing conflict by overwriting the file in git with Verdict's version (OWNER, LEAD)", body: resolveConflictSchema, response: publishLogResponseSchema },
  },
  "/decisions/{decisionId}/record/publication": {
    get: { summary: "Whether the project publishes to git, and the record's latest publication (every role)", response: recordPublicationResponseSchema },
  },
  "/decisions/{decisionId}/record.md": { get: { summary: "The record's current Markdown (NNNN-kebab-title.md)", produces: "text/markdown" } },
  "/decisions/{decisionId}/record/versions": {
    post: { summary: "Save narrative edits (and the record's own title) as a new version (OWNER, LEAD; proposed records only)", body: narrativePatchSchema, status: 201 },
  },
  "/decisions/{decisionId}/record/versions/{version}": { get: { summary: "One version of the record" } },
  "/decisions/{decisionId}/record/accept": { post: { summary: "Accept the record; its text never changes again", body: acceptRecordSchema } },
  "/decisions/{decisionId}/record/reject": { post: { summary: "Reject the record with a comment", body: rejectRecordSchema } },
  "/decisions/{decisionId}/record/deprecate": { post: { summary: "Mark an accepted record deprecated", body: deprecateRecordSchema } },
  "/decisions/{decisionId}/record/supersede": {
    post: {
      summary:
        "Name the successor of this accepted record (byNumber is its ADR number): an accepted successor supersedes at once, a proposed one when it is accepted, a rejected one never",
      body: supersedeRecordSchema,
    },
  },
  "/decisions/{decisionId}/record/review": {
    put: {
      summary:
        "Set, move or (null) clear the record's review date, a YYYY-MM-DD day (OWNER, LEAD; proposed or accepted records). The record's review.due turns true on that day (UTC)",
      body: setReviewDateSchema,
    },
  },
  "/decisions/{decisionId}/record/review/confirm": {
    post: {
      summary: "A review found the accepted record still holds: records who and when, sets the next review date after today or clears it (OWNER, LEAD)",
      body: confirmReviewSchema,
    },
  },
  "/decisions/{decisionId}/record/review/new-decision": {
    post: {
      summary:
        "A review found the accepted record no longer holds: start a DRAFT decision prefilled from it (title, context, options, criteria) whose record supersedes this one when accepted (OWNER, LEAD)",
      status: 201,
    },
  },
  "/decisions/{decisionId}/events": {
    get: {
      summary:
        "Live changes to the decision as server-sent events (text/event-stream). `change` events carry the JSON below " +
        "with the audit sequence number as their id; send Last-Event-ID (or ?since=) to replay what was missed. " +
        "`presence` events carry {viewers:[{userId,name}]}: who has the decision open now. Blind: who voted, never what.",
      query: eventStreamQuerySchema,
      produces: "text/event-stream",
      response: liveEventSchema,
    },
  },
  "/decisions/{decisionId}/comments": {
    get: { summary: "The decision's discussion, oldest first (every role)", response: commentListResponseSchema },
    post: {
      summary: "Post a comment or a one-level reply, optionally about an option or a criterion (OWNER, LEAD, MEMBER); @name mentions are stored",
      body: postCommentSchema,
      status: 201,
      response: commentResponseSchema,
    },
  },
  "/decisions/{decisionId}/comments/{commentId}": {
    patch: { summary: "Edit your own comment; the earlier body is kept as a version", body: editCommentSchema, response: commentResponseSchema },
    delete: { summary: "Delete a comment (its author, or an OWNER or LEAD); the thread keeps a marked gap", status: 204 },
  },
  "/decisions/{decisionId}/comments/{commentId}/cited": {
    put: { summary: "Cite a comment in the record's More Information, or stop (OWNER, LEAD)", body: citeCommentSchema, response: commentResponseSchema },
  },
  "/decisions/{decisionId}/comments/{commentId}/versions": {
    get: { summary: "Every body a comment has had (none once deleted)", response: commentVersionsResponseSchema },
  },
  "/decisions/{decisionId}/export.json": { get: { summary: "The decision with its ballots (after close) and result" } },
  "/decisions/{decisionId}/ballots.csv": { get: { summary: "Every ballot cell as CSV, after close", produces: "text/csv" } },
  "/projects/{projectId}/records": { get: { summary: "The records index, filterable by status and searchable", query: recordIndexQuerySchema } },
  "/projects/{projectId}/search": {
    get: {
      summary: "Search the project's decisions and records (title, context, options, criteria, record text)",
      query: projectSearchQuerySchema,
      response: searchResponseSchema,
    },
  },
  "/projects/{projectId}/records.zip": {
    get: {
      summary:
        "All records under docs/decisions/ with their fixed file names plus index.md; format madr (default: the project's setting), log4brains or nygard (adr-tools, with .adr-dir); evidence=appendix moves the vote's tables to evidence/<file>",
      query: recordExportQuerySchema,
      produces: "application/zip",
    },
  },
  "/projects/{projectId}/records/settings": {
    put: { summary: "Set the project's default record export format (OWNER, LEAD)", body: recordSettingsSchema },
  },
  "/projects/{projectId}/records/import": {
    post: {
      summary:
        "Import the ADR folder(s) of a zip (MADR, older MADR, log4brains, adr-tools) as historical records; files imported before are updated. Answers {imported, updated:[…changes], unchanged, skipped, notes}; all or nothing (OWNER, LEAD)",
      status: 201,
    },
  },
  "/projects/{projectId}/events": {
    get: {
      summary:
        "Live changes anywhere in the project (its audit log as it grows) as server-sent events, for every role: the same " +
        "`change` events as a decision's stream, with Last-Event-ID or ?since= replay, and no presence.",
      query: eventStreamQuerySchema,
      produces: "text/event-stream",
      response: liveEventSchema,
    },
  },
  "/projects/{projectId}/audit": { get: { summary: "Audit events, paged by sequence number", query: auditQuerySchema } },
  "/projects/{projectId}/audit/{seq}": { get: { summary: "One audit event" } },
  "/projects/{projectId}/audit/verify": {
    get: {
      summary:
        "Recompute the hash chain and hold it to the heads kept outside it (records at close, an optional checkpoint): intact, or the first bad event (e.g. \"tail missing after seq N\")",
      query: auditVerifyQuerySchema,
    },
  },
  "/projects/{projectId}/audit/export.csv": { get: { summary: "Every event with its hashes, as CSV", produces: "text/csv" } },
  "/projects/{projectId}/audit/export.jsonl": { get: { summary: "Every event with its hashes, as JSON Lines", produces: "application/x-ndjson" } },
};

function queryParameters(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: ["bad_request", "unauthorized", "forbidden", "not_found", "conflict", "unprocessable", "rate_limited", "unavailable"] },
        message: { type: "string" },
        details: {},
      },
    },
  },
};

const ERROR_RESPONSES = {
  "400": "Malformed request: not JSON, or too large",
  "401": "No or bad credentials",
  "403": "Your role does not allow this",
  "404": "Unknown, or a project you are not a member of",
  "409": "Wrong state, e.g. voting on a closed decision",
  "422": "Valid JSON that breaks a rule; details.issues names each field",
  "503": "The database is unreachable or too busy to finish in time (the work was rolled back); retry after Retry-After seconds",
};

export function openApiDocument(extra: Record<string, Partial<Record<Method, Operation>>> = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, methods] of Object.entries({ ...API_OPERATIONS, ...extra })) {
    const item: Record<string, unknown> = {};
    const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    for (const [method, op] of Object.entries(methods) as [Method, Operation][]) {
      const params = [...pathParams, ...(op.query ? queryParameters(op.query) : [])];
      const responses: Record<string, unknown> = {
        [String(op.status ?? 200)]: {
          description: "Success",
          ...(op.status === 204
            ? {}
            : {
                content: {
                  [op.produces ?? "application/json"]: {
                    schema: op.response ? z.toJSONSchema(op.response, { io: "output", unrepresentable: "any" }) : {},
                  },
                },
              }),
        },
      };
      for (const [code, description] of Object.entries(ERROR_RESPONSES)) {
        responses[code] = { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
      }
      item[method] = {
        summary: op.summary,
        ...(params.length ? { parameters: params } : {}),
        ...(op.body
          ? { requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(op.body, { io: "input", unrepresentable: "any" }) } } } }
          : {}),
        ...(op.auth === false ? { security: [] } : {}),
        responses,
      };
    }
    paths[path] = item;
  }
  return {
    openapi: "3.1.0",
    info: { title: "Verdict API", version: "1.0.0", description: "Decide together on weighted criteria; every change is audited." },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token from Settings" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
