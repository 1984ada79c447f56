// How sure the result is, in words: the acceptability sentence, how many voters alone decide the
// winner, and whether medians agree with means. Shown near the top of the results page.
import { Card } from "@/components/card";
import { weightBandText } from "@/lib/domain/acceptability";
import { share } from "./acceptability-format";

export interface ConfidenceSummaryProps {
  sentence: string;
  confidence: number | null;
  samples: number;
  /** FIXED: the lead's relative weight band (0.2 = ±20 %); null when voters' importances set the weights. */
  weightBand: number | null;
  pivotal: { count: number; voters?: { userId: string; name: string }[] };
  voted: number;
  meanWinnerNames: string[];
  medianWinnerNames: string[];
  medianDisagrees: boolean;
}

const joinNames = (names: string[]) => (names.length ? names.join(" and ") : "no option");

/** How the variations treat the weights, in words. */
function weightsVaried(band: number | null): string {
  if (band === null) return "redrawing the weights within the spread of the voters' importances";
  if (band === 0) return "keeping the weights exactly as set (weight band ±0 %)";
  return `varying every weight by up to ${weightBandText(band)} of its set value`;
}

export function ConfidenceSummary(props: ConfidenceSummaryProps) {
  const { pivotal } = props;
  return (
    <Card as="section" className="px-5 py-4">
      <div className="flex flex-col gap-4 md:flex-row md:items-start md:justify-between">
        <div className="min-w-0">
          <h3 className="text-xs font-semibold tracking-wide text-fg-subtle uppercase">How sure is this?</h3>
          <p className="mt-1 text-lg font-semibold text-fg" data-testid="confidence-sentence">
            {props.sentence}.
          </p>
          <p className="mt-1 text-sm text-fg-muted" data-testid="confidence-method">
            {props.samples.toLocaleString("en")} variations of the vote, each {weightsVaried(props.weightBand)} and redrawing every
            cell&apos;s mean score within the spread the voters&apos; own scores show.
          </p>
        </div>
        {props.confidence !== null ? (
          <p className="shrink-0 text-3xl font-semibold text-fg tabular-nums md:text-right">
            {share(props.confidence)}
            <span className="block text-xs font-normal text-fg-muted">winner&apos;s confidence</span>
          </p>
        ) : null}
      </div>
      <dl className="mt-4 grid gap-3 border-t border-line pt-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium text-fg">Pivotal voters</dt>
          <dd className="mt-0.5 text-fg-muted" data-testid="pivotal-voters">
            {pivotal.count === 0
              ? `None: leaving out any one of the ${props.voted} ballots keeps the same winner.`
              : `${pivotal.count} of ${props.voted} ${props.voted === 1 ? "voter" : "voters"} would change the winner by not voting.`}
            {pivotal.voters && pivotal.voters.length > 0 ? ` (${namedList(pivotal.voters.map((v) => v.name), pivotal.count)})` : ""}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-fg">Medians instead of means</dt>
          <dd className={`mt-0.5 ${props.medianDisagrees ? "text-warning-text" : "text-fg-muted"}`} data-testid="median-note">
            {props.medianDisagrees
              ? `By median scores ${joinNames(props.medianWinnerNames)} would win, not ${joinNames(props.meanWinnerNames)}: a few extreme scores may be deciding it.`
              : `Same winner by median scores: no lone extreme score decides it.`}
          </dd>
        </div>
      </dl>
    </Card>
  );
}

/** A few names, then how many more: a close vote can have hundreds of pivotal voters. */
function namedList(names: string[], count: number, shown = 10) {
  const listed = names.slice(0, shown).join(", ");
  return count > shown ? `${listed} and ${count - shown} more` : listed;
}
