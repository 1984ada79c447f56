// The audit log's filters: a GET form, so every filtered view is a URL that can be shared or bookmarked.
import Form from "next/form";
import Link from "next/link";
import { Button } from "../button";
import { SelectField, TextField } from "../field";
import { actionLabel, auditLogHref, entityTypeLabel, shortId } from "./format";

export type AuditFilterName = "actor" | "action" | "entityType" | "entityId" | "from" | "to";
export type AuditFilterValues = Partial<Record<AuditFilterName, string>>;

export interface AuditFilterChoiceLists {
  actors: { id: string; name: string | null }[];
  actions: string[];
  entityTypes: string[];
}

/** Keeps a value from the URL selectable even when the history no longer contains it. */
function withCurrent<T extends { value: string }>(
  options: T[],
  current: string | undefined,
  make: (value: string) => T,
): T[] {
  return current && !options.some((option) => option.value === current)
    ? [...options, make(current)]
    : options;
}

const isCalendarDay = (value: string | undefined) => value === undefined || /^\d{4}-\d{2}-\d{2}$/.test(value);

export function AuditFilters({
  projectId,
  choices,
  values,
  errors = {},
}: {
  projectId: string;
  choices: AuditFilterChoiceLists;
  values: AuditFilterValues;
  errors?: Partial<Record<AuditFilterName, string>>;
}) {
  const actors = withCurrent(
    choices.actors.map((actor) => ({
      value: actor.id,
      label: actor.name ?? `Deleted account ${shortId(actor.id)}`,
    })),
    values.actor,
    (value) => ({ value, label: `Account ${shortId(value)}` }),
  );
  const actions = withCurrent(
    choices.actions.map((action) => ({ value: action, label: actionLabel(action) })),
    values.action,
    (value) => ({ value, label: actionLabel(value) }),
  );
  const entityTypes = withCurrent(
    choices.entityTypes.map((type) => ({ value: type, label: entityTypeLabel(type) })),
    values.entityType,
    (value) => ({ value, label: entityTypeLabel(value) }),
  );
  const filtered = Object.values(values).some(Boolean);

  return (
    // Remounted when the filters change, so the controls show what the URL says after navigation.
    <Form
      key={JSON.stringify(values)}
      action={auditLogHref(projectId)}
      role="search"
      aria-label="Filter the audit log"
      className="space-y-4 rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-5"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <SelectField
          label="Person"
          name="actor"
          id="audit-actor"
          defaultValue={values.actor ?? ""}
          error={errors.actor}
        >
          <option value="">Anyone</option>
          {actors.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Action"
          name="action"
          id="audit-action"
          defaultValue={values.action ?? ""}
          error={errors.action}
        >
          <option value="">Any action</option>
          {actions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Entity type"
          name="entityType"
          id="audit-entity-type"
          defaultValue={values.entityType ?? ""}
          error={errors.entityType}
        >
          <option value="">Any type</option>
          {entityTypes.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="From (UTC)"
          name="from"
          id="audit-from"
          type={isCalendarDay(values.from) ? "date" : "text"}
          defaultValue={values.from ?? ""}
          error={errors.from}
        />
        <TextField
          label="To (UTC)"
          name="to"
          id="audit-to"
          type={isCalendarDay(values.to) ? "date" : "text"}
          hint="Includes that whole day."
          defaultValue={values.to ?? ""}
          error={errors.to}
        />
      </div>
      {values.entityId ? (
        <div className="flex flex-wrap items-center gap-2 text-sm text-fg-muted">
          <input type="hidden" name="entityId" value={values.entityId} />
          <span>
            Only events about{" "}
            {values.entityType ? entityTypeLabel(values.entityType).toLowerCase() : "entity"}{" "}
            <code className="font-mono text-fg" title={values.entityId}>
              {shortId(values.entityId, 12)}
            </code>
          </span>
          <Link
            href={auditLogHref(projectId, { ...values, entityId: undefined })}
            className="font-medium text-accent-text underline-offset-4 hover:underline"
          >
            Show every entity
          </Link>
        </div>
      ) : null}
      {errors.entityId ? <p className="text-sm text-danger-text">{errors.entityId}</p> : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit">Apply filters</Button>
        {filtered ? (
          <Link
            href={auditLogHref(projectId)}
            className="inline-flex h-10 items-center px-3 text-sm font-medium text-fg-muted hover:text-fg hover:underline hover:underline-offset-4"
          >
            Clear filters
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
