import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { Card, CardBody, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { ScaleIcon } from "@/components/icons";
import { ContributionChart, SensitivityChart, type ContributionRow } from "@/components/decisions/results/lazy-charts";
import { ChartDataTable } from "@/components/decisions/results/data-table";
import { AcceptabilityCard } from "@/components/decisions/results/acceptability-card";
import { ConfidenceSummary } from "@/components/decisions/results/confidence-summary";
import { FiguresPending } from "@/components/decisions/results/figures-pending";
import { FlagList } from "@/components/decisions/results/flag-list";
import { Heatmap } from "@/components/decisions/results/heatmap";
import { RankingTable } from "@/components/decisions/results/ranking-table";
import { WeightBars } from "@/components/decisions/results/weight-bars";
import { ParticipationBar } from "@/components/decisions/participation";
import { agreementReading, decimal, outOf100, percent, signedPoints } from "@/components/decisions/format";
import { AppError } from "@/lib/errors";
import { getResults } from "@/lib/server/decisions/results";
import { requireActor } from "@/app/_lib/session";
import { decisionPath, loadDecisionPage, resultsVisible } from "../../data";
import { DecisionFrame } from "../../frame";
import { FRAGILE_BELOW_POINTS } from "@/lib/domain/thresholds";

type Params = { params: Promise<{ projectId: string; decisionId: string }> };

const path = (projectId: string, decisionId: string) => `${decisionPath(projectId, decisionId)}/results`;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { projectId, decisionId } = await params;
  const { decision } = await loadDecisionPage(projectId, decisionId, path(projectId, decisionId));
  return { title: `Results of ${decision.key}` };
}

export default async function ResultsPage({ params }: Params) {
  const { projectId, decisionId } = await params;
  const actor = await requireActor(path(projectId, decisionId));
  // One pass: the results are read beside the decision; the server refuses them while hidden, and then
  // only the decision is shown.
  const [{ decision }, settled] = await Promise.all([
    loadDecisionPage(projectId, decisionId, path(projectId, decisionId)),
    getResults(actor, decisionId).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    ),
  ]);
  const back = decisionPath(projectId, decisionId);

  if (!resultsVisible(decision)) {
    return (
      <DecisionFrame decision={decision} current="results">
        <EmptyState
          icon={<ScaleIcon />}
          title={
            decision.criteria.length === 0
              ? "This decision came with an imported record: it was not voted on here, so it has no results."
              : decision.status === "DRAFT"
                ? "Voting has not opened yet"
                : "Results are hidden until the vote closes."
          }
          action={
            <div className="flex justify-center">
              <ButtonLink href={back} variant="secondary">
                Back to the decision
              </ButtonLink>
            </div>
          }
        >
          {decision.criteria.length === 0 ? (
            <p>Its record, imported from the team&apos;s ADR folder, says what was decided and why.</p>
          ) : decision.status === "DRAFT" ? (
            <p>There are no results before anyone can vote.</p>
          ) : (
            <p>
              This is a blind vote: nobody, not even the lead, sees scores before it closes.{" "}
              {decision.participation.voted} of {decision.participation.eligible} have voted so far.
            </p>
          )}
        </EmptyState>
      </DecisionFrame>
    );
  }

  if ("error" in settled) {
    const { error } = settled;
    if (!(error instanceof AppError) || error.code === "not_found") throw error;
    return (
      <DecisionFrame decision={decision} current="results">
        <Alert title="The results cannot be shown">{error.message}</Alert>
      </DecisionFrame>
    );
  }
  const result = settled.value;

  const criterionName = new Map(decision.criteria.map((c) => [c.id, c.name]));
  const nameOf = (id: string) => criterionName.get(id) ?? "Unknown criterion";
  const weights = result.weights.map((w) => ({ ...w, name: nameOf(w.criterionId) }));
  const weightOf = new Map(result.weights.map((w) => [w.criterionId, w.weight]));
  const cellOf = new Map(result.cells.map((c) => [`${c.optionId}|${c.criterionId}`, c]));
  const winners = result.options.filter((o) => result.winnerOptionIds.includes(o.optionId));
  const k = result.options.length;
  const maxBorda = result.participation.voted * (k - 1);

  const contributions: ContributionRow[] = result.options.map((option) => ({
    optionId: option.optionId,
    name: option.name,
    parts: Object.fromEntries(
      decision.criteria.flatMap((criterion) => {
        const normalized = cellOf.get(`${option.optionId}|${criterion.id}`)?.normalized ?? null;
        if (normalized === null || option.coverage <= 0) return [];
        return [[criterion.id, ((weightOf.get(criterion.id) ?? 0) * normalized * 100) / option.coverage]];
      }),
    ),
  }));
  const optionName = new Map(result.options.map((o) => [o.optionId, o.name]));
  const sensitivity = result.sensitivity.map((s) => ({
    ...s,
    name: nameOf(s.criterionId),
    weight: weightOf.get(s.criterionId) ?? 0,
    catchingUp: s.catchingUpOptionId === null ? null : (optionName.get(s.catchingUpOptionId) ?? null),
  }));
  const noVotes = result.participation.voted === 0;

  return (
    <DecisionFrame decision={decision} current="results">
      <div className="space-y-6">
        {decision.status === "OPEN" ? (
          <Alert tone="info" title="Live results">
            Voting is still open, so these numbers change as ballots come in.
          </Alert>
        ) : null}

        {noVotes ? (
          <EmptyState icon={<ScaleIcon />} title="No ballots were submitted">
            <p>With no scores there is nothing to rank. {decision.status === "OPEN" ? "Results appear as soon as someone votes." : ""}</p>
          </EmptyState>
        ) : (
          <>
            <Card as="section" className="overflow-hidden">
              <div className="grid gap-0 lg:grid-cols-[minmax(0,1fr)_22rem]">
                <div className="border-b border-line px-5 py-5 lg:border-r lg:border-b-0">
                  <h3 className="text-xs font-semibold tracking-wide text-fg-subtle uppercase">
                    {winners.length > 1 ? "Tied at the top" : "Winner"}
                  </h3>
                  <p className="mt-2 text-2xl font-semibold tracking-tight break-words text-fg">
                    {winners.length ? winners.map((w) => w.name).join(" and ") : "No option has a total"}
                  </p>
                  {winners[0]?.total != null ? (
                    <p className="mt-1 text-sm text-fg-muted">
                      <span className="text-lg font-semibold text-fg tabular-nums">{outOf100(winners[0].total)}</span> out of 100
                      {result.options[winners.length] && result.options[winners.length]!.total !== null
                        ? ` · ${(((winners[0].total ?? 0) - (result.options[winners.length]!.total ?? 0)) * 100).toFixed(1)} ahead of ${result.options[winners.length]!.name}`
                        : ""}
                    </p>
                  ) : null}
                  <div className="mt-5 border-t border-line pt-4">
                    <FlagList flags={result.flags} robustness={result.robustness} />
                  </div>
                </div>
                <dl className="divide-y divide-line">
                  <Stat
                    term="Robustness"
                    value={result.robustness === null ? "—" : `${decimal(result.robustness, 1)} pts`}
                    warn={result.robustness !== null && result.robustness < FRAGILE_BELOW_POINTS}
                  >
                    {result.robustness === null
                      ? "No single weight change flips the winner."
                      : result.robustness === 0
                        ? "Already tied: any move decides it."
                        : "The smallest move of one criterion's weight that lets another option catch up."}
                  </Stat>
                  <Stat term="Agreement (Kendall's W)" value={result.kendallW === null ? "—" : result.kendallW.toFixed(2)}>
                    {agreementReading(result.kendallW)}
                  </Stat>
                  <div className="px-5 py-4">
                    <dt className="text-xs font-semibold tracking-wide text-fg-subtle uppercase">Participation</dt>
                    <dd className="mt-2">
                      <ParticipationBar voted={result.participation.voted} eligible={result.participation.eligible} />
                    </dd>
                  </div>
                </dl>
              </div>
            </Card>

            {result.pivotalVoters === null ? (
              <FiguresPending />
            ) : (
              <ConfidenceSummary
                sentence={result.confidenceSentence}
                confidence={result.confidence}
                samples={result.acceptabilitySamples}
                weightBand={decision.weightBand}
                pivotal={result.pivotalVoters}
                voted={result.participation.voted}
                meanWinnerNames={winners.map((w) => w.name)}
                medianWinnerNames={result.options.filter((o) => result.medianWinnerOptionIds.includes(o.optionId)).map((o) => o.name)}
                medianDisagrees={result.flags.includes("median_disagrees")}
              />
            )}

            <Card as="section">
              <CardHeader
                level={3}
                title="Ranking"
                description="Weighted totals out of 100. Borda counts each voter's own ranking as a cross-check; coverage is the share of weight an option was scored on."
              />
              <RankingTable options={result.options} winners={result.winnerOptionIds} maxBorda={maxBorda} />
            </Card>

            <Card as="section">
              <CardHeader
                level={3}
                title="What makes up each total"
                description="Each bar is an option's total, split into what every criterion contributes: its weight times the option's normalized mean score."
              />
              <CardBody>
                <ContributionChart rows={contributions} criteria={decision.criteria.map((c) => ({ id: c.id, name: c.name }))} />
                <ChartDataTable
                  summary="Show contributions as a table"
                  caption="Contribution of each criterion to each option's total, in points out of 100."
                  columns={["Option", ...decision.criteria.map((c) => c.name), "Total"]}
                  rows={contributions.map((row) => [
                    row.name,
                    ...decision.criteria.map((c) => (row.parts[c.id] === undefined ? "—" : row.parts[c.id]!.toFixed(1))),
                    (() => {
                      const total = result.options.find((o) => o.optionId === row.optionId)?.total;
                      return total == null ? "—" : outOf100(total);
                    })(),
                  ])}
                />
              </CardBody>
            </Card>

            {result.figures === "ready" ? (
              <AcceptabilityCard
                rows={result.acceptability.map((a) => ({
                  ...a,
                  name: result.options.find((o) => o.optionId === a.optionId)?.name ?? "Unknown option",
                }))}
                samples={result.acceptabilitySamples}
              />
            ) : null}

            <Card as="section">
              <CardHeader
                level={3}
                title="Scores per cell"
                description={`Mean score of each option on each criterion (scale ${decision.scale.min}–${decision.scale.max}): pale yellow is low, deep purple is high.`}
              />
              <CardBody>
                <Heatmap options={result.options} criteria={decision.criteria} cells={result.cells} scale={decision.scale} />
                <ChartDataTable
                  summary="Show every cell's statistics"
                  caption="Statistics of every option and criterion cell."
                  columns={["Cell", "n", "Abstained", "Mean", "Median", "Std. dev.", "Min", "Max", "Disputed"]}
                  rows={result.cells.map((cell) => [
                    `${result.options.find((o) => o.optionId === cell.optionId)?.name ?? "?"} · ${nameOf(cell.criterionId)}`,
                    cell.n,
                    cell.abstentions,
                    decimal(cell.mean, 2),
                    decimal(cell.median, 1),
                    decimal(cell.stdev, 2),
                    decimal(cell.min, 0),
                    decimal(cell.max, 0),
                    cell.disputed ? "yes" : "no",
                  ])}
                />
              </CardBody>
            </Card>

            <div className="grid gap-6 lg:grid-cols-2">
              <Card as="section">
                <CardHeader
                  level={3}
                  title="Weights"
                  description={
                    decision.weightMode === "FIXED"
                      ? "Set by the lead before the vote opened."
                      : "The average of every voter's importances, each voter's summing to 100%."
                  }
                />
                <CardBody>
                  <WeightBars weights={weights} />
                </CardBody>
              </Card>

              <Card as="section">
                <CardHeader
                  level={3}
                  title="Sensitivity"
                  description={`How far each criterion's weight must move, up or down (the others rescaled), before another option catches the winner. Below ${FRAGILE_BELOW_POINTS} points the winner is fragile.`}
                />
                <CardBody>
                  <SensitivityChart rows={sensitivity} />
                  <ChartDataTable
                    summary="Show sensitivity as a table"
                    caption="Change of each criterion's weight, in percentage points, at which the winner changes."
                    columns={["Criterion", "Current weight", "Change that flips the winner", "Option that catches up"]}
                    rows={sensitivity.map((s) => [
                      s.name,
                      percent(s.weight),
                      s.delta === null ? "cannot flip the winner" : `${signedPoints(s.delta)} (${s.delta > 0 ? "raise" : "lower"} its weight)`,
                      s.catchingUp ?? "—",
                    ])}
                  />
                </CardBody>
              </Card>
            </div>
          </>
        )}
      </div>
    </DecisionFrame>
  );
}

function Stat({ term, value, warn, children }: { term: string; value: string; warn?: boolean; children: ReactNode }) {
  return (
    <div className="px-5 py-4">
      <dt className="text-xs font-semibold tracking-wide text-fg-subtle uppercase">{term}</dt>
      <dd className="mt-1">
        <span className={`text-xl font-semibold tabular-nums ${warn ? "text-warning-text" : "text-fg"}`}>{value}</span>
        <span className="mt-0.5 block text-sm text-fg-muted">{children}</span>
      </dd>
    </div>
  );
}
