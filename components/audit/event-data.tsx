// An audit event's data as people read it: a before → after comparison when the event carries one,
// otherwise its fields as a list. Exact bytes are on the event page; this is the readable view.
import { Fragment, type ReactNode } from "react";
import { canonicalJson } from "@/lib/domain/canonical-json";
import { Markdown } from "../markdown";
import { fieldLabel, isIdField, valueLabel } from "../labels";

/** Names for the ids an event mentions (people, decisions, options…), resolved by the page. */
export type IdNames = Record<string, string>;

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

const muted = (text: string) => <span className="italic text-fg-subtle">{text}</span>;

const MAX_DEPTH = 3;

/** Fields people type as Markdown (a decision's context, a record's narrative): shown rendered. */
const MARKDOWN_FIELDS = new Set([
  "context",
  "justification",
  "consequencesGood",
  "consequencesBad",
  "confirmation",
  "moreInformation",
]);

/** Past this many characters a text shows its start, with the rest one click away. */
const LONG_TEXT = 200;

function TextBody({ text, markdown }: { text: string; markdown: boolean }) {
  return markdown ? (
    <Markdown source={text} headingOffset={3} className="[&>div]:text-sm [&>div]:leading-6" />
  ) : (
    <span className="break-words whitespace-pre-wrap">{text}</span>
  );
}

function TextValue({ text, markdown }: { text: string; markdown: boolean }) {
  if (text.length <= LONG_TEXT) return <TextBody text={text} markdown={markdown} />;
  // The preview sits outside <details> (whose closed content is hidden) and hides once it opens.
  return (
    <div className="group/long">
      <div className="group-has-[details[open]]/long:hidden">
        <TextBody text={`${text.slice(0, LONG_TEXT).trimEnd()}…`} markdown={markdown} />
      </div>
      <details>
        <summary className="mt-1 w-fit cursor-pointer text-sm font-medium text-accent-text underline underline-offset-2">
          <span className="group-has-[details[open]]/long:hidden">Show all</span>
          <span className="hidden group-has-[details[open]]/long:inline">Show less</span>
        </summary>
        <div className="mt-1">
          <TextBody text={text} markdown={markdown} />
        </div>
      </details>
    </div>
  );
}

type NamedItem = Fields & { name: string };

/** Options and criteria in a snapshot: `{id, name, …}` with nothing nested. */
const isNamedItem = (value: unknown): value is NamedItem =>
  isFields(value) &&
  typeof value.name === "string" &&
  Object.values(value).every((member) => member === null || typeof member !== "object");

/** A named list item on one line: its name, then its other fields; the id stays in the tooltip. */
function NamedItem({ item, names }: { item: NamedItem; names: IdNames }) {
  const { id, name, ...others } = item;
  const details = Object.entries(others).filter(([, member]) => member !== "" && member !== undefined);
  return (
    <span title={typeof id === "string" ? `id ${id}` : undefined}>
      <span className="font-medium">{name}</span>
      {details.map(([key, member]) => (
        <span key={key} className="text-fg-muted">
          {" · "}
          {fieldLabel(key).toLowerCase()}{" "}
          <span className="text-fg">
            {member === null ? "none" : <DataValue value={member} field={key} names={names} />}
          </span>
        </span>
      ))}
    </span>
  );
}

/** One value of any JSON shape; nesting past a few levels falls back to compact JSON. */
export function DataValue({
  value,
  depth = 0,
  field,
  names = {},
  markdown = false,
}: {
  value: unknown;
  depth?: number;
  /** The key this value sits under: it decides which word a stored value reads as. */
  field?: string;
  names?: IdNames;
  /** The value is Markdown source (see MARKDOWN_FIELDS). */
  markdown?: boolean;
}): ReactNode {
  if (value === undefined) return muted("not set");
  if (value === null) return muted("none");
  if (typeof value === "string") {
    if (value === "") return muted("empty");
    // A word or a name instead of the stored value, which stays in the tooltip.
    const word = (isIdField(field) ? names[value] : undefined) ?? valueLabel(field, value);
    if (word !== undefined)
      return (
        <span title={value} className="break-words">
          {word}
        </span>
      );
    return <TextValue text={value} markdown={markdown} />;
  }
  if (typeof value === "number" || typeof value === "boolean")
    return <span className="font-mono">{String(value)}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return muted("empty list");
    if (depth >= MAX_DEPTH)
      return <code className="font-mono text-xs break-all">{canonicalJson(value)}</code>;
    return (
      <ol className="list-decimal space-y-1 pl-5 marker:text-fg-subtle">
        {value.map((item, index) => (
          <li key={index}>
            {isNamedItem(item) ? (
              <NamedItem item={item} names={names} />
            ) : (
              <DataValue value={item} depth={depth + 1} names={names} />
            )}
          </li>
        ))}
      </ol>
    );
  }
  if (isFields(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return muted("empty");
    if (depth >= MAX_DEPTH)
      return <code className="font-mono text-xs break-all">{canonicalJson(value)}</code>;
    return (
      <dl className="grid grid-cols-1 gap-x-3 gap-y-0.5 sm:grid-cols-[auto_minmax(0,1fr)]">
        {entries.map(([key, member]) => (
          <Fragment key={key}>
            <dt className="text-fg-subtle" title={key}>
              {fieldLabel(key)}
            </dt>
            <dd className="min-w-0">
              <DataValue
                value={member}
                depth={depth + 1}
                field={key}
                names={names}
                markdown={MARKDOWN_FIELDS.has(key)}
              />
            </dd>
          </Fragment>
        ))}
      </dl>
    );
  }
  return <code className="font-mono text-xs">{String(value)}</code>;
}

function FieldRows({ entries, names }: { entries: [string, unknown][]; names: IdNames }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-0.5 sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-y-2">
      {entries.map(([key, value]) => (
        <Fragment key={key}>
          <dt className="font-medium text-fg-muted" title={key}>
            {fieldLabel(key)}
          </dt>
          <dd className="mb-2 min-w-0 text-fg sm:mb-0">
            {isChangeMap(value) ? (
              <ChangeList changes={value} names={names} />
            ) : (
              <DataValue value={value} field={key} names={names} markdown={MARKDOWN_FIELDS.has(key)} />
            )}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

type ChangeMap = Record<string, { before: unknown; after: unknown }>;

/** `{field: {before, after}}`, as a record revision stores the fields it changed. */
function isChangeMap(value: unknown): value is ChangeMap {
  return (
    isFields(value) &&
    Object.keys(value).length > 0 &&
    Object.values(value).every(
      (entry) => isFields(entry) && "before" in entry && "after" in entry && Object.keys(entry).length === 2,
    )
  );
}

function ChangeList({ changes, names }: { changes: ChangeMap; names: IdNames }) {
  return (
    <dl className="space-y-2">
      {Object.entries(changes).map(([key, change]) => (
        <div key={key} className="space-y-1">
          <dt className="font-medium text-fg-muted" title={key}>
            {fieldLabel(key)}
          </dt>
          <dd>
            <Change before={change.before} after={change.after} field={key} names={names} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Change({
  before,
  after,
  field,
  names,
}: {
  before: unknown;
  after: unknown;
  field: string;
  names: IdNames;
}) {
  const markdown = MARKDOWN_FIELDS.has(field);
  return (
    <div className="grid gap-1.5 sm:grid-cols-2 sm:gap-2">
      <del className="block min-w-0 rounded-md border border-danger/20 bg-danger-soft px-2.5 py-1.5 text-fg no-underline">
        <span className="mb-0.5 block text-xs font-medium text-danger-text">Before</span>
        <DataValue value={before} field={field} names={names} markdown={markdown} />
      </del>
      <ins className="block min-w-0 rounded-md border border-emerald-500/25 bg-success-soft px-2.5 py-1.5 text-fg no-underline">
        <span className="mb-0.5 block text-xs font-medium text-success-text">After</span>
        <DataValue value={after} field={field} names={names} markdown={markdown} />
      </ins>
    </div>
  );
}

function BeforeAfter({ before, after, names }: { before?: Fields; after?: Fields; names: IdNames }) {
  if (before && after) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changed = keys.filter((key) => !sameValue(before[key], after[key]));
    const unchanged = keys.filter((key) => sameValue(before[key], after[key]));
    return (
      <div className="space-y-2">
        {changed.length === 0 ? <p className="text-fg-muted">Nothing changed.</p> : null}
        <dl className="space-y-2">
          {changed.map((key) => (
            <div key={key} className="space-y-1">
              <dt className="font-medium text-fg-muted" title={key}>
                {fieldLabel(key)}
              </dt>
              <dd>
                <Change before={before[key]} after={after[key]} field={key} names={names} />
              </dd>
            </div>
          ))}
        </dl>
        {unchanged.length > 0 ? (
          <details className="group rounded-md border border-line px-2.5 py-1.5">
            <summary className="cursor-pointer text-xs font-medium text-fg-muted hover:text-fg">
              {unchanged.length === 1 ? "1 unchanged field" : `${unchanged.length} unchanged fields`}
            </summary>
            <div className="mt-2">
              <FieldRows entries={unchanged.map((key) => [key, after[key]])} names={names} />
            </div>
          </details>
        ) : null}
      </div>
    );
  }
  const only = (after ?? before)!;
  return (
    <div className="space-y-1.5">
      <p className="text-xs font-medium tracking-wide text-fg-subtle uppercase">
        {after ? "Values set" : "Values before removal"}
      </p>
      {Object.keys(only).length === 0 ? (
        muted("none")
      ) : (
        <FieldRows entries={Object.entries(only)} names={names} />
      )}
    </div>
  );
}

function Folded({ when, count, children }: { when: boolean; count: number; children: ReactNode }) {
  if (!when) return children;
  return (
    <details>
      <summary className="cursor-pointer text-sm font-medium text-accent-text underline-offset-4 hover:underline">
        Show {count === 1 ? "the stored value" : `the ${count} stored values`}
      </summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}

/** Beyond this many characters of stored data, a folded event shows its fields behind a toggle. */
const LONG_DATA = 400;

export function EventData({
  data,
  names = {},
  fold = false,
}: {
  data: unknown;
  names?: IdNames;
  /** Fold long field lists (a before → after comparison always stays open). */
  fold?: boolean;
}) {
  if (!isFields(data)) {
    return (
      <div className="text-sm">
        <DataValue value={data} names={names} />
      </div>
    );
  }
  const { before, after, ...others } = data;
  const hasComparison =
    (isFields(before) || before === undefined) &&
    (isFields(after) || after === undefined) &&
    (before !== undefined || after !== undefined);
  const rest = Object.entries(hasComparison ? others : data);
  // A snapshot (created or removed, no before → after pair) can be long; a change always stays open.
  const snapshot = hasComparison && (before === undefined || after === undefined);
  const foldable = (content: unknown) => fold && JSON.stringify(content).length > LONG_DATA;
  return (
    <div className="space-y-3 text-sm">
      {hasComparison ? (
        <Folded when={snapshot && foldable(before ?? after)} count={Object.keys((before ?? after) as Fields).length}>
          <BeforeAfter before={before as Fields | undefined} after={after as Fields | undefined} names={names} />
        </Folded>
      ) : null}
      {rest.length > 0 ? (
        <Folded when={foldable(rest)} count={rest.length}>
          <FieldRows entries={rest} names={names} />
        </Folded>
      ) : null}
      {!hasComparison && rest.length === 0 ? <p className="text-fg-subtle">No further details.</p> : null}
    </div>
  );
}
