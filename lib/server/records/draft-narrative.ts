// The first draft of a record's narrative, written from the vote for a lead to edit. It says what a
// reviewer would want to read: why the winner won, what it costs against the runner-up, and how to
// check the choice holds. A tie or contested result leaves the reasons blank: a lead decides those.
import "server-only";
import { defaultNarrative, escapeInline, type RecordCell } from "../../domain/record";
import type { Evidence, RecordEvidence } from "./evidence";
import type { NarrativeTexts } from "./narrative";

// A gap smaller than this share of the scale (half a point out of 10) is noise, not a trade-off.
const MEANINGFUL_GAP = 0.05 - 1e-9;
const BROAD_AGREEMENT = 0.7;

export function draftNarrative(evidence: Evidence): NarrativeTexts {
  const fallback = defaultNarrative({ ...evidence.input, status: "proposed" });
  const texts: NarrativeTexts = {
    context: fallback.context,
    justification: "",
    consequencesGood: "",
    consequencesBad: "",
    confirmation: "",
    moreInformation: commentsBlock(evidence),
  };
  // defaultNarrative leaves the justification blank exactly when the numbers choose nothing.
  if (fallback.justification === "") return texts;
  const winner = evidence.input.result.winnerOptionIds[0];
  if (winner === undefined) return texts;
  const view = new DraftView(evidence.input, winner);
  return {
    ...texts,
    justification: view.justification(),
    consequencesGood: view.goodConsequences().join("\n"),
    consequencesBad: view.badConsequences().join("\n"),
    confirmation: view.confirmation(),
  };
}

// Ballot comments are about the decision as a whole, not one option, so they open More Information.
function commentsBlock(evidence: Evidence): string {
  if (evidence.comments.length === 0) return "";
  const lines = evidence.comments.map(
    (comment) => `- “${escapeInline(comment.text)}” — ${escapeInline(comment.voterName) || "A voter"}`,
  );
  return ["Comments from voters:", "", ...lines].join("\n");
}

interface Standing {
  criterion: RecordEvidence["criteria"][number];
  weight: number;
  own: RecordCell;
  /** The best other option on this criterion, if any other option was scored on it. */
  best: { optionId: string; cell: RecordCell } | null;
}

class DraftView {
  private readonly standings: Standing[];
  private readonly runnerUp: { optionId: string; total: number } | null;

  constructor(
    private readonly input: RecordEvidence,
    private readonly winner: string,
  ) {
    const cells = new Map(input.result.cells.map((c) => [`${c.optionId}\u0000${c.criterionId}`, c]));
    const weight = new Map(input.result.weights.map((w) => [w.criterionId, w.weight]));
    this.standings = input.criteria.flatMap((criterion) => {
      const own = cells.get(`${winner}\u0000${criterion.id}`);
      if (!own || own.normalized === null || own.mean === null) return [];
      let best: Standing["best"] = null;
      for (const option of input.options) {
        if (option.id === winner) continue;
        const cell = cells.get(`${option.id}\u0000${criterion.id}`);
        if (!cell || cell.normalized === null || cell.mean === null) continue;
        if (best === null || cell.normalized > (best.cell.normalized ?? 0))
          best = { optionId: option.id, cell };
      }
      return [{ criterion, weight: weight.get(criterion.id) ?? 0, own, best }];
    });
    const others = input.result.options
      .filter((o) => o.optionId !== winner && o.total !== null)
      .sort((a, b) => (b.total ?? 0) - (a.total ?? 0));
    this.runnerUp = others[0] ? { optionId: others[0].optionId, total: others[0].total ?? 0 } : null;
  }

  justification(): string {
    const own = this.input.result.options.find((o) => o.optionId === this.winner);
    let text = `it leads the weighted ranking with ${points(own?.total ?? 0)} of 100`;
    if (this.runnerUp) {
      text += `, ${points((own?.total ?? 0) - this.runnerUp.total)} points ahead of ${this.name(this.runnerUp.optionId)} (${points(this.runnerUp.total)})`;
    }
    text += ".";
    const leads = this.leads();
    if (leads.length > 0) {
      const share = leads.reduce((sum, s) => sum + s.weight, 0);
      text +=
        ` It is the strongest option on ${words(leads.map((s) => this.criterionName(s)))}, ` +
        `which together carry ${percent(share)} of the weight.`;
    }
    const trails = this.trails();
    if (trails.length > 0) {
      const rivals = [...new Set(trails.map((s) => s.best!.optionId))];
      const behind = rivals.map(
        (rival) =>
          `${this.name(rival)} on ${words(trails.filter((s) => s.best!.optionId === rival).map((s) => this.criterionName(s)))}`,
      );
      text += ` In exchange, it is behind ${behind.join(", and behind ")}.`;
    }
    return text;
  }

  goodConsequences(): string[] {
    const lines = [...this.leads()]
      .sort((a, b) => b.weight - a.weight || (b.own.normalized ?? 0) - (a.own.normalized ?? 0))
      .slice(0, 3)
      .map((s) => {
        const rival = s.best ? `, against ${mean(s.best.cell)} for ${this.name(s.best.optionId)}` : "";
        return `it is the best-rated option on ${this.criterionName(s)} (mean ${mean(s.own)} on ${this.scale()}${rival})`;
      });
    if (lines.length === 0) {
      const strongest = [...this.standings].sort(
        (a, b) => (b.own.normalized ?? 0) - (a.own.normalized ?? 0),
      )[0];
      if (strongest)
        lines.push(
          `${this.criterionName(strongest)} is its strongest driver (mean ${mean(strongest.own)} on ${this.scale()})`,
        );
    }
    const w = this.input.result.kendallW;
    if (w !== null && w >= BROAD_AGREEMENT) {
      lines.push(
        `the voters' own rankings largely agree (Kendall's W ${w.toFixed(2)}), so the choice has broad support`,
      );
    }
    return lines;
  }

  badConsequences(): string[] {
    const lines = this.trails()
      .sort((a, b) => gap(b) * b.weight - gap(a) * a.weight)
      .slice(0, 3)
      .map(
        (s, index) =>
          `it trails ${this.name(s.best!.optionId)} on ${this.criterionName(s)} (mean ${mean(s.own)} against ` +
          `${mean(s.best!.cell)} on ${this.scale()})${index === 0 ? "; closing that gap needs an owner and a plan" : ""}`,
      );
    if (lines.length === 0) {
      const weakest = [...this.standings].sort(
        (a, b) => (a.own.normalized ?? 0) - (b.own.normalized ?? 0),
      )[0];
      if (weakest) {
        lines.push(
          `${this.criterionName(weakest)} is its weakest driver (mean ${mean(weakest.own)} on ${this.scale()}), so keep an eye on it`,
        );
      }
    }
    for (const s of this.standings.filter((s) => s.own.disputed)) {
      lines.push(
        `voters disagreed on its ${this.criterionName(s)} score (standard deviation ${(s.own.stdev ?? 0).toFixed(1)}), so treat that score as uncertain`,
      );
    }
    const unscored = this.input.criteria.filter((c) => !this.standings.some((s) => s.criterion.id === c.id));
    for (const criterion of unscored) {
      lines.push(`nobody scored it on ${escapeInline(criterion.name)}, so that driver is unknown`);
    }
    if (this.input.result.flags.includes("fragile") && this.input.result.robustness !== null) {
      lines.push(
        `the lead is narrow: moving one criterion's weight by ${this.input.result.robustness.toFixed(1)} points would change the winner`,
      );
    }
    return lines;
  }

  confirmation(): string {
    const worst = this.trails().sort((a, b) => gap(b) * b.weight - gap(a) * a.weight)[0];
    const name = this.name(this.winner);
    if (worst) {
      return (
        `Before the team relies on it, confirm in a design review or a time-boxed pilot that ${name} is good enough on ` +
        `${this.criterionName(worst)}, its largest gap (mean ${mean(worst.own)} against ${mean(worst.best!.cell)} for ` +
        `${this.name(worst.best!.optionId)}). Record the outcome here, and revisit this decision if it falls short.`
      );
    }
    const weakest = [...this.standings].sort((a, b) => (a.own.normalized ?? 0) - (b.own.normalized ?? 0))[0];
    const driver = weakest
      ? ` on ${this.criterionName(weakest)}, its weakest driver (mean ${mean(weakest.own)})`
      : "";
    return (
      `Before the team relies on it, confirm in a design review or a time-boxed pilot that ${name} holds up${driver}. ` +
      `Record the outcome here.`
    );
  }

  // Criteria where the winner is clearly ahead of every other option.
  private leads(): Standing[] {
    return this.standings.filter(
      (s) => s.best !== null && (s.own.normalized ?? 0) - (s.best.cell.normalized ?? 0) >= MEANINGFUL_GAP,
    );
  }

  // Criteria where some other option is clearly ahead of the winner.
  private trails(): Standing[] {
    return this.standings.filter((s) => s.best !== null && gap(s) >= MEANINGFUL_GAP);
  }

  private name(optionId: string): string {
    const option = this.input.options.find((o) => o.id === optionId);
    return `"${escapeInline(option?.name ?? "") || "Unnamed option"}"`;
  }

  private criterionName(s: Standing): string {
    return escapeInline(s.criterion.name) || "an unnamed criterion";
  }

  private scale(): string {
    return `the ${this.input.scale.min}–${this.input.scale.max} scale`;
  }
}

function gap(s: Standing): number {
  return (s.best?.cell.normalized ?? 0) - (s.own.normalized ?? 0);
}

// One decimal, half away from zero (the record's own tables round the same way).
function oneDecimal(value: number): string {
  const units = Math.round(Math.abs(value) * 10 + 1e-7);
  return `${value < 0 && units !== 0 ? "-" : ""}${Math.floor(units / 10)}.${units % 10}`;
}

const mean = (cell: RecordCell) => oneDecimal(cell.mean ?? 0);
const points = (fraction: number) => oneDecimal(fraction * 100);
const percent = (fraction: number) => `${oneDecimal(fraction * 100)}%`;

// Criterion names often hold an "and" themselves, so three or more get the serial comma.
function words(items: string[]): string {
  if (items.length <= 1) return items.join("");
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(", ")}, and ${items[items.length - 1]}`;
}
