"use client";
// The form that sets up a DRAFT decision: the question, the voting rules, and the options and criteria
// (added, removed and reordered in place). The shared zod schema checks it here first; the server
// action checks it again and its field errors land next to the same fields.
import { useEffect, useId, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { Card, CardBody, CardHeader } from "@/components/card";
import { controlClasses } from "@/components/field";
import { createDecisionSchema, DEFAULT_WEIGHT_BAND, MAX_CRITERIA, MAX_OPTIONS } from "@/lib/schemas/decision";
import type { RevealPolicy, WeightMode } from "@/lib/schemas/responses";
import { FormField, RadioCards } from "./decision-form/form-field";
import { ListEditor, type FormWiring, type ItemField } from "./decision-form/list-editor";
import { pairKey, pairsOf, PairwiseEditor, type PairwiseValues } from "./decision-form/pairwise-editor";
import { percent } from "./format";
import { Spinner } from "@/components/spinner";

export interface DecisionFormValues {
  title: string;
  context: string;
  scale: { min: number; max: number };
  weightMode: WeightMode;
  revealPolicy: RevealPolicy;
  /** ISO 8601, or null for no deadline. */
  deadline: string | null;
  options: { id?: string; name: string; description: string; link: string }[];
  criteria: { id?: string; name: string; description: string; weight: number }[];
  /** Comparisons by criterion id, when the weights came from them. */
  pairwise?: { a: string; b: string; value: number }[] | null;
  requireRationaleAtExtremes?: boolean;
  importancesFirst?: boolean;
  /** FIXED: the relative band the confidence figure moves each weight within (0.2 = ±20 %). */
  weightBand?: number | null;
}

export interface DecisionFormResult {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
}

type OptionItem = { key: string; id?: string; name: string; description: string; link: string };
type CriterionItem = { key: string; id?: string; name: string; description: string; weight: string };
type Errors = Record<string, string>;

// Keys of items added in the browser; the initial items are keyed by position so server and client agree.
let keySeed = 0;
const newKey = () => `new-${++keySeed}`;

const emptyOption = (): OptionItem => ({ key: newKey(), name: "", description: "", link: "" });
const emptyCriterion = (): CriterionItem => ({ key: newKey(), name: "", description: "", weight: "1" });

const OPTION_FIELDS: ItemField<OptionItem>[] = [
  { name: "name", label: "Name", input: { maxLength: 120, placeholder: "e.g. Apache Kafka" } },
  { name: "link", label: "Link (optional)", input: { type: "url", placeholder: "https://" } },
  { name: "description", label: "Description (optional)", multiline: true, className: "sm:col-span-2" },
];
const CRITERION_NAME: ItemField<CriterionItem> = { name: "name", label: "Name", input: { maxLength: 120, placeholder: "e.g. Operational cost" } };
const CRITERION_DESCRIPTION: ItemField<CriterionItem> = { name: "description", label: "Description (optional)", multiline: true };

/** `YYYY-MM-DDTHH:mm` in the browser's time zone, as datetime-local wants it. */
function toLocalInput(iso: string) {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const noopSubscribe = () => () => {};

export function DecisionForm({
  projectId,
  decisionId,
  initial,
  cancelHref,
  action,
}: {
  projectId: string;
  decisionId: string | null;
  initial: DecisionFormValues;
  cancelHref: string;
  action: (projectId: string, decisionId: string | null, input: unknown) => Promise<DecisionFormResult>;
}) {
  const uid = useId();
  const fid = (name: string) => `${uid}-${name}`;
  const [title, setTitle] = useState(initial.title);
  const [context, setContext] = useState(initial.context);
  const [scaleMin, setScaleMin] = useState(String(initial.scale.min));
  const [scaleMax, setScaleMax] = useState(String(initial.scale.max));
  const [weightMode, setWeightMode] = useState<WeightMode>(initial.weightMode);
  const [revealPolicy, setRevealPolicy] = useState<RevealPolicy>(initial.revealPolicy);
  const [requireRationaleAtExtremes, setRequireRationaleAtExtremes] = useState(Boolean(initial.requireRationaleAtExtremes));
  const [importancesFirst, setImportancesFirst] = useState(Boolean(initial.importancesFirst));
  // Edited as a percentage; rounded so 0.07 shows as 7, not 7.000000000000001.
  const [weightBandPercent, setWeightBandPercent] = useState(() => String(Math.round((initial.weightBand ?? DEFAULT_WEIGHT_BAND) * 1000) / 10));
  // null until edited: the initial deadline is shown in the browser's time zone, known only after hydration.
  const [deadlineInput, setDeadlineInput] = useState<string | null>(null);
  const hydrated = useSyncExternalStore(noopSubscribe, () => true, () => false);
  const [options, setOptions] = useState<OptionItem[]>(() =>
    initial.options.map((o, i) => ({ key: `o${i}`, id: o.id, name: o.name, description: o.description, link: o.link })),
  );
  const [criteria, setCriteria] = useState<CriterionItem[]>(() =>
    initial.criteria.map((c, i) => ({ key: `c${i}`, id: c.id, name: c.name, description: c.description, weight: String(c.weight) })),
  );
  const [comparing, setComparing] = useState(Boolean(initial.pairwise?.length));
  const [pairValues, setPairValues] = useState<PairwiseValues>(() => {
    const positionOf = new Map(initial.criteria.map((c, i) => [c.id, i]));
    const values: PairwiseValues = {};
    for (const j of initial.pairwise ?? []) {
      const a = positionOf.get(j.a);
      const b = positionOf.get(j.b);
      if (a === undefined || b === undefined) continue;
      // Stored either way round; the editor keeps the earlier criterion first (keys as above: c0, c1, …).
      if (a < b) values[pairKey(`c${a}`, `c${b}`)] = j.value;
      else values[pairKey(`c${b}`, `c${a}`)] = 1 / j.value;
    }
    return values;
  });
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const focusTarget = useRef<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);

  const deadlineValue = deadlineInput ?? (hydrated && initial.deadline ? toLocalInput(initial.deadline) : "");

  // Moves focus after a render that changed the lists or raised errors.
  useEffect(() => {
    if (!focusTarget.current) return;
    const element = document.getElementById(focusTarget.current);
    focusTarget.current = null;
    element?.focus();
  }, [focusTick]);
  const focusAfterRender = (id: string) => {
    focusTarget.current = id;
    setFocusTick((t) => t + 1);
  };

  /** Field ids by error path; list items are addressed by their stable key, not their position. */
  const idForPath = (path: string) => fid(path.replace(/\./g, "-"));

  function payload() {
    const weightOf = (raw: string) => (raw.trim() === "" ? Number.NaN : Number(raw));
    return {
      title,
      context,
      scale: { min: Number(scaleMin), max: Number(scaleMax) },
      weightMode,
      revealPolicy,
      requireRationaleAtExtremes,
      importancesFirst: weightMode === "VOTED" && importancesFirst,
      ...(weightMode === "FIXED" ? { weightBand: weightBandPercent.trim() === "" ? Number.NaN : Number(weightBandPercent) / 100 } : {}),
      deadline: deadlineInput === null ? initial.deadline : deadlineInput ? new Date(deadlineInput).toISOString() : null,
      options: options.map((o) => ({ ...(o.id ? { id: o.id } : {}), name: o.name, description: o.description, link: o.link.trim() })),
      criteria: criteria.map((c) => ({
        ...(c.id ? { id: c.id } : {}),
        name: c.name,
        description: c.description,
        // In VOTED mode the raw weights are kept (not shown), so switching back does not lose them.
        weight:
          weightMode === "FIXED" && !comparing ? weightOf(c.weight) : Number(c.weight) >= 0 ? Number(c.weight) : 1,
      })),
      ...(weightMode === "FIXED" && comparing
        ? {
            pairwise: pairsOf(criteria).map(({ a, b }) => ({
              a: criteria.indexOf(a),
              b: criteria.indexOf(b),
              value: pairValues[pairKey(a.key, b.key)] ?? 1,
            })),
          }
        : {}),
    };
  }

  /** `options.1.name` → the field of the option now at index 1 (its key), so errors follow the item. */
  function keyedPath(path: string) {
    const match = /^(options|criteria)\.(\d+)(?:\.(\w+))?/.exec(path);
    if (!match) return path;
    const list = match[1] === "options" ? options : criteria;
    const item = list[Number(match[2])];
    if (!item) return match[1]!;
    return `${match[1]}.${item.key}.${match[3] ?? "name"}`;
  }

  function showErrors(issues: { path: string; message: string }[], summary: string) {
    const next: Errors = {};
    for (const issue of issues) {
      const path = keyedPath(issue.path === "(body)" ? "" : issue.path) || "form";
      next[path] ??= issue.message;
    }
    // Two blank names are "the same name" too; the blank-name errors already say what to fix.
    for (const list of ["options", "criteria"]) {
      if (next[list] && Object.keys(next).some((p) => p.startsWith(`${list}.`) && p.endsWith(".name"))) delete next[list];
    }
    setErrors(next);
    setMessage(next.form ?? summary);
    const first = Object.keys(next).find((p) => p !== "form");
    if (first) focusAfterRender(idForPath(first === "options" || first === "criteria" ? `${first}.add` : first));
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = payload();
    const checked = createDecisionSchema.safeParse(input);
    if (!checked.success) {
      showErrors(
        checked.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
        "Some fields need attention before this can be saved.",
      );
      return;
    }
    setMessage(null);
    startTransition(async () => {
      const result = await action(projectId, decisionId, input);
      // Success redirects to the decision; anything that comes back is a refusal.
      if (result.status === "error") {
        showErrors(
          Object.entries(result.fieldErrors ?? {}).map(([path, message]) => ({ path, message })),
          result.message ?? "The decision could not be saved.",
        );
      }
    });
  }

  function clearError(path: string) {
    if (!errors[path]) return;
    setErrors((current) => {
      const next = { ...current };
      delete next[path];
      return next;
    });
  }

  const weights = criteria.map((c) => Math.max(0, Number(c.weight) || 0));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const err = (path: string) => errors[path];
  const wiring: FormWiring = { idFor: idForPath, errorOf: err, clearError, focusAfterRender };

  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-describedby={message ? fid("message") : undefined}>
      {message ? (
        <div id={fid("message")}>
          <Alert title={decisionId ? "Changes not saved" : "Decision not created"}>{message}</Alert>
        </div>
      ) : null}

      <Card as="section">
        <CardHeader title="Question" description="What the team is deciding, and why it matters now." />
        <CardBody className="space-y-5">
          <FormField id={idForPath("title")} label="Title" error={err("title")} hint="Phrase it as a question, e.g. “Which message broker do we adopt?”">
            {(props) => (
              <input
                {...props}
                value={title}
                maxLength={200}
                onChange={(e) => {
                  setTitle(e.target.value);
                  clearError("title");
                }}
                className={`${controlClasses} h-10`}
              />
            )}
          </FormField>
          <FormField
            id={idForPath("context")}
            label="Context and problem statement"
            error={err("context")}
            hint="Markdown. The forces at play, constraints, and what a good outcome looks like. It opens the decision record."
          >
            {(props) => (
              <textarea
                {...props}
                value={context}
                rows={7}
                onChange={(e) => {
                  setContext(e.target.value);
                  clearError("context");
                }}
                className={`${controlClasses} min-h-32 py-2 font-mono text-[13px] leading-relaxed`}
              />
            )}
          </FormField>
        </CardBody>
      </Card>

      <Card as="section">
        <CardHeader title="Voting rules" description="The scale, how criteria are weighted, and when results are shown." />
        <CardBody className="space-y-6">
          <fieldset>
            <legend className="text-sm font-medium text-fg">Score scale</legend>
            <p className="mt-0.5 text-xs text-fg-subtle">Whole numbers from the lowest to the highest score.</p>
            <div className="mt-2 flex flex-wrap items-start gap-3">
              <FormField id={idForPath("scale.min")} label="Lowest" error={err("scale.min") ?? err("scale")} className="w-28">
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    inputMode="numeric"
                    step={1}
                    value={scaleMin}
                    onChange={(e) => {
                      setScaleMin(e.target.value);
                      clearError("scale.min");
                      clearError("scale");
                    }}
                    className={`${controlClasses} h-10 tabular-nums`}
                  />
                )}
              </FormField>
              <FormField id={idForPath("scale.max")} label="Highest" error={err("scale.max")} className="w-28">
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    inputMode="numeric"
                    step={1}
                    value={scaleMax}
                    onChange={(e) => {
                      setScaleMax(e.target.value);
                      clearError("scale.max");
                    }}
                    className={`${controlClasses} h-10 tabular-nums`}
                  />
                )}
              </FormField>
            </div>
          </fieldset>

          <RadioCards
            legend="Criterion weights"
            name={fid("weightMode")}
            value={weightMode}
            onChange={(v) => setWeightMode(v as WeightMode)}
            choices={[
              { value: "FIXED", label: "Fixed", description: "You set each criterion's weight below. Voters only score." },
              { value: "VOTED", label: "Voted", description: "Each voter also rates how much each criterion matters (0–10); weights are their average." },
            ]}
          />

          {weightMode === "FIXED" ? (
            <FormField
              id={idForPath("weightBand")}
              label="Weight band (± %)"
              error={err("weightBand")}
              hint="How sure you are of these weights. The confidence figure moves each weight by up to this share of itself, 20 meaning ±20 %; 0 keeps them exactly as set."
              className="max-w-xs"
            >
              {(props) => (
                <input
                  {...props}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={99}
                  step="any"
                  value={weightBandPercent}
                  onChange={(e) => {
                    setWeightBandPercent(e.target.value);
                    clearError("weightBand");
                  }}
                  className={`${controlClasses} h-10 w-28 tabular-nums`}
                />
              )}
            </FormField>
          ) : null}

          <RadioCards
            legend="Results"
            name={fid("revealPolicy")}
            value={revealPolicy}
            onChange={(v) => setRevealPolicy(v as RevealPolicy)}
            choices={[
              { value: "AFTER_CLOSE", label: "Hidden until close", description: "Blind voting: nobody sees results until the vote closes. Recommended." },
              { value: "LIVE", label: "Live", description: "Members can watch results while voting. Can be made stricter later, never looser." },
            ]}
          />

          <fieldset className="space-y-3">
            <legend className="text-sm font-medium text-fg">Ballot rules</legend>
            <BallotRule
              id={fid("requireRationaleAtExtremes")}
              checked={requireRationaleAtExtremes}
              onChange={setRequireRationaleAtExtremes}
              label="Ask why at the ends of the scale"
              hint="A score at the lowest or highest value needs a rationale before the ballot can be submitted."
            />
            {weightMode === "VOTED" ? (
              <BallotRule
                id={fid("importancesFirst")}
                checked={importancesFirst}
                onChange={setImportancesFirst}
                label="Importances first"
                hint="Voters weigh the criteria before they see anything to score; you start scoring when the weighting is done, and the importances given stay fixed."
              />
            ) : null}
          </fieldset>

          <FormField
            id={idForPath("deadline")}
            label="Deadline (optional)"
            error={err("deadline")}
            hint="Voting closes automatically at this time, in your time zone. Leave empty to close by hand."
            className="max-w-xs"
          >
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                value={deadlineValue}
                onChange={(e) => {
                  setDeadlineInput(e.target.value);
                  clearError("deadline");
                }}
                className={`${controlClasses} h-10`}
              />
            )}
          </FormField>
        </CardBody>
      </Card>

      <ListEditor
        path="options"
        noun="option"
        title="Options"
        description="The alternatives being considered. Opening the vote needs at least two."
        items={options}
        onChange={setOptions}
        newItem={emptyOption}
        max={MAX_OPTIONS}
        fields={OPTION_FIELDS}
        wiring={wiring}
      />

      <ListEditor
        path="criteria"
        noun="criterion"
        title="Criteria"
        description={
          weightMode === "FIXED"
            ? "The decision drivers. Raw weights are relative: 2 counts twice as much as 1."
            : "The decision drivers. Voters weigh them on their ballots."
        }
        items={criteria}
        onChange={setCriteria}
        newItem={emptyCriterion}
        max={MAX_CRITERIA}
        minimum={1}
        fields={
          weightMode === "FIXED" && !comparing
            ? [
                CRITERION_NAME,
                {
                  name: "weight",
                  label: "Weight",
                  input: { type: "number", inputMode: "decimal", min: 0, max: 1000, step: "any" },
                  hint: (index) => (weightSum > 0 ? `= ${percent((weights[index] ?? 0) / weightSum)} of the total` : "All weights are 0"),
                  clearsListError: true,
                },
                { ...CRITERION_DESCRIPTION, className: "sm:col-span-2" },
              ]
            : [CRITERION_NAME, CRITERION_DESCRIPTION]
        }
        gridClassName={weightMode === "FIXED" && !comparing ? "sm:grid-cols-[minmax(0,1fr)_9rem]" : ""}
        wiring={wiring}
      />

      {weightMode === "FIXED" ? (
        <Card as="section">
          <CardHeader
            title="Weights by comparison"
            description="Instead of numbers, say for each pair of criteria which matters more and by how much (Saaty's 1–9 scale). The weights follow from the comparisons."
            action={
              <label className="flex items-center gap-2 text-sm text-fg">
                <input type="checkbox" checked={comparing} onChange={(event) => setComparing(event.target.checked)} className="size-4 accent-[var(--accent)]" />
                Compare in pairs
              </label>
            }
          />
          {comparing ? (
            <CardBody>
              <PairwiseEditor
                criteria={criteria.map((c) => ({ key: c.key, name: c.name }))}
                values={pairValues}
                onChange={setPairValues}
                idFor={fid}
              />
              {errors.pairwise ? <p className="mt-2 text-sm text-danger-text">{errors.pairwise}</p> : null}
            </CardBody>
          ) : null}
        </Card>
      ) : null}

      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center justify-end gap-3 border-t border-line bg-canvas/90 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:bg-surface/90 sm:px-5">
        <p className="mr-auto text-xs text-fg-subtle">
          {decisionId ? "Changes apply while the decision is a draft." : "Saved as a draft. You open the vote when it is ready."}
        </p>
        <ButtonLink href={cancelHref} variant="ghost">
          Cancel
        </ButtonLink>
        <button type="submit" disabled={pending} aria-disabled={pending} className="inline-flex h-10 items-center justify-center gap-2 rounded-lg bg-accent px-4 text-sm font-medium whitespace-nowrap text-accent-fg shadow-sm transition-colors hover:bg-accent-hover disabled:cursor-not-allowed disabled:opacity-60">
          {pending ? <Spinner /> : null}
          {pending ? "Saving…" : decisionId ? "Save changes" : "Create draft"}
        </button>
      </div>
    </form>
  );
}

function BallotRule({ id, checked, onChange, label, hint }: { id: string; checked: boolean; onChange: (checked: boolean) => void; label: string; hint: string }) {
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-hint`}
        className="mt-0.5 size-4 shrink-0 accent-[var(--accent)]"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-fg">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-fg-subtle">
          {hint}
        </p>
      </div>
    </div>
  );
}
