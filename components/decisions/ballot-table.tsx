// One submitted ballot, read-only: scores per option and criterion, importances, rationales, comment.
import { Card } from "@/components/card";
import { formatDateTime } from "@/components/format";
import type { SubmittedBallot, WeightMode } from "@/lib/schemas/responses";
import { formatImportance, scoreTint } from "./format";

export function BallotTable({
  ballot,
  options,
  criteria,
  scale,
  weightMode,
  isOwn,
}: {
  ballot: SubmittedBallot;
  options: { id: string; name: string }[];
  criteria: { id: string; name: string }[];
  scale: { min: number; max: number };
  weightMode: WeightMode;
  isOwn: boolean;
}) {
  const score = new Map(ballot.scores.map((s) => [`${s.optionId}|${s.criterionId}`, s]));
  const importance = new Map(ballot.importances.map((i) => [i.criterionId, i.value]));
  const rationales = options.flatMap((o) =>
    criteria.flatMap((c) => {
      const s = score.get(`${o.id}|${c.id}`);
      return s?.rationale.trim() ? [{ key: `${o.id}|${c.id}`, option: o.name, criterion: c.name, text: s.rationale }] : [];
    }),
  );
  const headingId = `ballot-${ballot.id}`;
  return (
    <Card as="article" className="overflow-hidden">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-5 py-3.5">
        <h3 id={headingId} className="text-base font-semibold text-fg">
          {ballot.voter.name}
          {isOwn ? <span className="font-normal text-fg-subtle"> (you)</span> : null}
        </h3>
        <p className="text-xs text-fg-subtle">
          Revision {ballot.revision} · submitted {formatDateTime(ballot.submittedAt)}
        </p>
      </div>
      <div className="relative overflow-x-auto">
        <table className="w-full text-sm" aria-labelledby={headingId}>
          <thead>
            <tr className="border-b border-line text-xs text-fg-muted">
              <th scope="col" className="sticky left-0 bg-surface px-5 py-2 text-left font-semibold">
                Option
              </th>
              {criteria.map((c) => (
                <th key={c.id} scope="col" className="min-w-20 px-2 py-2 text-center align-bottom font-semibold">
                  <span className="line-clamp-2">{c.name}</span>
                  {weightMode === "VOTED" ? (
                    <span className="block font-normal text-fg-subtle">importance {formatImportance(importance.get(c.id))}</span>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {options.map((o) => (
              <tr key={o.id}>
                <th scope="row" className="sticky left-0 bg-surface px-5 py-2 text-left font-medium text-fg">
                  {o.name}
                </th>
                {criteria.map((c) => {
                  const s = score.get(`${o.id}|${c.id}`);
                  const value = s ? s.value : undefined;
                  return (
                    <td key={c.id} className="px-2 py-1.5 text-center">
                      <span
                        className={`inline-flex h-8 min-w-10 items-center justify-center rounded-md px-2 font-semibold tabular-nums ${
                          value === null || value === undefined ? "text-fg-subtle" : "text-fg"
                        }`}
                        style={{ backgroundColor: scoreTint(value, scale) }}
                      >
                        {value === undefined ? "—" : value === null ? <abbr title="Abstained">abst.</abbr> : value}
                        {s?.rationale.trim() ? (
                          <sup aria-hidden="true" className="ml-0.5 text-accent-text">
                            •
                          </sup>
                        ) : null}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rationales.length || ballot.comment.trim() ? (
        <div className="space-y-3 border-t border-line px-5 py-4 text-sm">
          {rationales.length ? (
            <div>
              <h4 className="text-xs font-semibold tracking-wide text-fg-subtle uppercase">Rationales</h4>
              <dl className="mt-2 space-y-2">
                {rationales.map((r) => (
                  <div key={r.key}>
                    <dt className="font-medium text-fg">
                      {r.option} · {r.criterion}
                    </dt>
                    <dd className="whitespace-pre-wrap break-words text-fg-muted">{r.text}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ) : null}
          {ballot.comment.trim() ? (
            <div>
              <h4 className="text-xs font-semibold tracking-wide text-fg-subtle uppercase">Comment</h4>
              <p className="mt-1 whitespace-pre-wrap break-words text-fg-muted">{ballot.comment}</p>
            </div>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
