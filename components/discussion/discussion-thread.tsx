"use client";
// A decision's discussion: top-level comments with one level of replies, each optionally about an
// option or a criterion. Markdown arrives rendered and sanitized by the server; every action goes
// through the JSON API, and the page re-renders from the server afterwards (the live stream does
// the same for everyone else looking).
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Avatar } from "@/components/avatar";
import { Button } from "@/components/button";
import { Card, CardBody, CardHeader } from "@/components/card";
import { controlClasses } from "@/components/field";
import { formatDateTime } from "@/components/format";
import { SanitizedHtml } from "@/components/records/sanitized-html";
import { readApiError } from "@/components/decisions/ballot/api-error";
import type { SafeHtml } from "@/lib/render-markdown";
import type { CommentView } from "@/lib/schemas/comment";

export interface DiscussionComment extends CommentView {
  html: SafeHtml;
}

interface Named {
  id: string;
  name: string;
}

interface Props {
  decisionId: string;
  comments: DiscussionComment[];
  options: Named[];
  criteria: Named[];
  currentUserId: string;
  canPost: boolean;
  /** Owners and leads: cite comments in the record, delete others' comments. */
  canModerate: boolean;
}

async function send(url: string, method: string, body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error((await readApiError(response, "That did not work")).message);
}

export function DiscussionThread(props: Props) {
  const { comments, decisionId } = props;
  const topLevel = comments.filter((comment) => comment.parentId === null);
  const repliesTo = (id: string) => comments.filter((comment) => comment.parentId === id);
  const visible = comments.filter((comment) => !comment.deleted).length;

  return (
    <Card as="section">
      <CardHeader
        id="discussion"
        level={3}
        title={`Discussion${visible ? ` (${visible})` : ""}`}
        description={
          props.canPost
            ? "Ask, explain, point at an option or a criterion. Markdown works; @name tells a member."
            : "Auditors read the discussion but do not take part in it."
        }
      />
      {topLevel.length === 0 ? (
        <CardBody>
          <p className="text-sm text-fg-subtle">No comments yet.{props.canPost ? " Start the conversation below." : ""}</p>
        </CardBody>
      ) : (
        <ol className="divide-y divide-line" data-testid="discussion-comments">
          {topLevel.map((comment) => (
            <li key={comment.id} className="px-5 py-4">
              <CommentItem comment={comment} {...props} />
              {repliesTo(comment.id).length > 0 ? (
                <ol className="mt-3 space-y-3 border-l-2 border-line pl-4 sm:ml-10">
                  {repliesTo(comment.id).map((reply) => (
                    <li key={reply.id}>
                      <CommentItem comment={reply} {...props} />
                    </li>
                  ))}
                </ol>
              ) : null}
              {props.canPost && !comment.deleted ? (
                <div className="mt-2 sm:ml-10">
                  <ReplyBox decisionId={decisionId} parentId={comment.id} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {props.canPost ? (
        <div className="border-t border-line px-5 py-4">
          <CommentForm decisionId={decisionId} options={props.options} criteria={props.criteria} />
        </div>
      ) : null}
    </Card>
  );
}

function aboutLabel(comment: CommentView, options: Named[], criteria: Named[]) {
  if (comment.optionId) return `Option: ${options.find((o) => o.id === comment.optionId)?.name ?? "removed"}`;
  if (comment.criterionId) return `Criterion: ${criteria.find((c) => c.id === comment.criterionId)?.name ?? "removed"}`;
  return null;
}

function CommentItem({ comment, decisionId, currentUserId, canPost, canModerate, options, criteria }: Props & { comment: DiscussionComment }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/v1/decisions/${decisionId}/comments/${comment.id}`;
  const mine = comment.author.id === currentUserId;
  const about = aboutLabel(comment, options, criteria);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      router.refresh();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (comment.deleted) {
    return (
      <article id={`comment-${comment.id}`} className="flex gap-3" data-testid="comment" data-deleted="true">
        <span aria-hidden="true" className="size-8 shrink-0 rounded-full border border-dashed border-line-strong" />
        <p className="self-center text-sm text-fg-subtle italic">
          Comment deleted{comment.deletedAt ? ` ${formatDateTime(new Date(comment.deletedAt))}` : ""}.
        </p>
      </article>
    );
  }

  return (
    <article id={`comment-${comment.id}`} className="flex gap-3" data-testid="comment">
      <Avatar name={comment.author.name} tone={mine ? "accent" : "muted"} />
      <div className="min-w-0 flex-1">
        <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
          <span className="font-semibold text-fg">{comment.author.name}</span>
          <a href={`#comment-${comment.id}`} className="text-fg-subtle hover:underline">
            <time dateTime={comment.createdAt}>{formatDateTime(new Date(comment.createdAt))}</time>
          </a>
          {comment.editedAt ? <span className="text-fg-subtle">· edited</span> : null}
          {about ? <span className="rounded-full bg-surface-muted px-2 py-0.5 text-xs text-fg-muted">{about}</span> : null}
          {comment.cited ? (
            <span className="rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent-text">Cited in the record</span>
          ) : null}
        </header>
        {editing ? (
          <EditBox
            initial={comment.body}
            busy={busy}
            onCancel={() => setEditing(false)}
            onSave={(body) => act(async () => {
              await send(url, "PATCH", { body });
              setEditing(false);
            })}
          />
        ) : (
          <SanitizedHtml html={comment.html} className="mt-1 text-sm leading-6 [&_p]:my-1.5" />
        )}
        {comment.editedAt && !editing ? <EarlierVersions url={`${url}/versions`} current={comment.version} /> : null}
        {!editing && (mine || canModerate) && canPost ? (
          <div className="mt-1 flex flex-wrap gap-1">
            {mine ? (
              <Button variant="ghost" size="sm" disabled={busy} onClick={() => setEditing(true)}>
                Edit
              </Button>
            ) : null}
            {canModerate ? (
              <Button variant="ghost" size="sm" disabled={busy} onClick={() => act(() => send(`${url}/cited`, "PUT", { cited: !comment.cited }))}>
                {comment.cited ? "Stop citing" : "Cite in record"}
              </Button>
            ) : null}
            <Button
              variant="danger-ghost"
              size="sm"
              disabled={busy}
              onClick={() => {
                if (window.confirm("Delete this comment? Its place in the thread stays, marked as deleted.")) void act(() => send(url, "DELETE"));
              }}
            >
              Delete
            </Button>
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="mt-1 text-sm text-danger-text">
            {error}
          </p>
        ) : null}
      </div>
    </article>
  );
}

function EditBox({ initial, busy, onSave, onCancel }: { initial: string; busy: boolean; onSave: (body: string) => void; onCancel: () => void }) {
  const [body, setBody] = useState(initial);
  const id = useId();
  return (
    <form
      className="mt-2 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(body);
      }}
    >
      <label htmlFor={id} className="sr-only">
        Edit comment
      </label>
      <textarea id={id} value={body} onChange={(e) => setBody(e.target.value)} className={`${controlClasses} min-h-20 py-2`} required />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy || body.trim() === ""}>
          Save
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function usePost(decisionId: string) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const post = async (body: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await send(`/api/v1/decisions/${decisionId}/comments`, "POST", body);
      router.refresh();
      return true;
    } catch (failure) {
      setError((failure as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, post };
}

function ReplyBox({ decisionId, parentId }: { decisionId: string; parentId: string }) {
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const { busy, error, post } = usePost(decisionId);
  const id = useId();
  if (!open) {
    return (
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
        Reply
      </Button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await post({ body, parentId })) {
      setBody("");
      setOpen(false);
    }
  };
  return (
    <form onSubmit={submit} className="space-y-2">
      <label htmlFor={id} className="sr-only">
        Reply
      </label>
      <textarea id={id} value={body} onChange={(e) => setBody(e.target.value)} placeholder="Write a reply…" className={`${controlClasses} min-h-16 py-2`} required autoFocus />
      {error ? (
        <p role="alert" className="text-sm text-danger-text">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy || body.trim() === ""}>
          {busy ? "Posting…" : "Post reply"}
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function CommentForm({ decisionId, options, criteria }: { decisionId: string; options: Named[]; criteria: Named[] }) {
  const [body, setBody] = useState("");
  const [about, setAbout] = useState("");
  const { busy, error, post } = usePost(decisionId);
  const bodyId = useId();
  const aboutId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [kind, id] = about.split(":");
    const target = kind === "option" ? { optionId: id } : kind === "criterion" ? { criterionId: id } : {};
    if (await post({ body, ...target })) {
      setBody("");
      setAbout("");
    }
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="New comment">
      <div>
        <label htmlFor={bodyId} className="text-sm font-medium text-fg">
          Add a comment
        </label>
        <textarea
          id={bodyId}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          placeholder="What should the others know?"
          className={`${controlClasses} mt-1.5 min-h-20 py-2 leading-relaxed`}
          required
        />
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger-text">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <label htmlFor={aboutId} className="text-xs font-medium text-fg-muted">
            About
          </label>
          <select id={aboutId} value={about} onChange={(e) => setAbout(e.target.value)} className={`${controlClasses} mt-1 h-9 max-w-full pr-8 text-sm`}>
            <option value="">The whole decision</option>
            {options.length ? (
              <optgroup label="Options">
                {options.map((option) => (
                  <option key={option.id} value={`option:${option.id}`}>
                    {option.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {criteria.length ? (
              <optgroup label="Criteria">
                {criteria.map((criterion) => (
                  <option key={criterion.id} value={`criterion:${criterion.id}`}>
                    {criterion.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </div>
        <Button type="submit" disabled={busy || body.trim() === ""}>
          {busy ? "Posting…" : "Post comment"}
        </Button>
      </div>
    </form>
  );
}

interface CommentVersionView {
  version: number;
  body: string;
  editor: { name: string };
  createdAt: string;
}

/** An edited comment's earlier bodies, fetched when asked for: edits never erase what was said. */
function EarlierVersions({ url, current }: { url: string; current: number }) {
  const [state, setState] = useState<"closed" | "loading" | "open" | "failed">("closed");
  const [versions, setVersions] = useState<CommentVersionView[]>([]);
  const listId = useId();

  const toggle = async () => {
    if (state === "open") return setState("closed");
    setState("loading");
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error((await readApiError(response, "Could not load the earlier versions")).message);
      const body = (await response.json()) as { versions: CommentVersionView[] };
      setVersions(body.versions.filter((version) => version.version !== current).reverse());
      setState("open");
    } catch {
      setState("failed");
    }
  };

  return (
    <div className="mt-1 text-sm">
      <button
        type="button"
        onClick={toggle}
        aria-expanded={state === "open"}
        aria-controls={listId}
        className="text-xs font-medium text-accent-text underline-offset-4 hover:underline"
      >
        {state === "open" ? "Hide earlier versions" : state === "loading" ? "Loading earlier versions…" : `Earlier versions (${current - 1})`}
      </button>
      {state === "failed" ? (
        <p role="alert" className="mt-1 text-xs text-danger-text">
          Could not load the earlier versions. Try again.
        </p>
      ) : null}
      {state === "open" ? (
        <ol id={listId} className="mt-2 space-y-2 border-l-2 border-line pl-3" data-testid="comment-versions">
          {versions.map((version) => (
            <li key={version.version}>
              <p className="text-xs text-fg-subtle">
                Version {version.version} · {version.editor.name} ·{" "}
                <time dateTime={version.createdAt}>{formatDateTime(new Date(version.createdAt))}</time>
              </p>
              <p className="mt-0.5 break-words whitespace-pre-wrap text-fg-muted">{version.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
