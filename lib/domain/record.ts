// Generates a closed decision's record as MADR 4 Markdown, with the vote's evidence attached.

import { weightBandText } from "./acceptability";
import type { AggregateResult, ResultCell, ResultFlag, ResultOption } from "./aggregation";
import { writeFrontMatter } from "./front-matter";
import { escapeInline, safeLink } from "./markdown-escape";
import { formatRecordNumber } from "./slug";
import { FRAGILE_BELOW_POINTS, TIE_TOLERANCE } from "./thresholds";

// The record is written from the aggregation engine's result, in the results API's shape.
export type { ResultFlag };
export type RecordCell = ResultCell;
export type RecordOptionResult = ResultOption;
/**
 * How sure the result is, when the caller computed it (records generated before it existed lack it).
 * Only the pivotal count is used: a record is read by every member, so it never names voters.
 */
export interface RecordUncertainty {
  confidenceSentence: string;
  acceptabilitySamples: number;
  pivotalVoters: { count: number };
  medianWinnerOptionIds: string[];
}
export type RecordResult = AggregateResult & Partial<RecordUncertainty>;
// Kept here too for the server code that imports it from the record module.
export { escapeInline };

/** The parts of a record a lead edits. Every field is Markdown, sanitized when rendered. */
export interface RecordNarrative {
  context: string;
  justification: string;
  consequencesGood: string;
  consequencesBad: string;
  confirmation: string;
  moreInformation: string;
  /** Set by a lead; null lets the numbers decide (and decides nothing on a tie or contested result). */
  chosenOptionId: string | null;
}

/** Another record this one links to: its key, and its file name once that is fixed. */
export interface RecordLink {
  key: string;
  fileName: string | null;
}

export interface RecordInput {
  number: number;
  title: string;
  /** "proposed" | "accepted" | "rejected" | "deprecated" | "superseded by ADR-0007" */
  status: string;
  /** YYYY-MM-DD */
  date: string;
  /** The decision's own problem statement (Markdown), the first draft of the record's context. */
  context?: string;
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
  options: { id: string; name: string; description: string }[];
  criteria: { id: string; name: string; description: string }[];
  scale: { min: number; max: number };
  weightMode: "FIXED" | "VOTED";
  /** FIXED: the relative band the confidence figure moved each weight within (0.2 = ±20 %). */
  weightBand?: number | null;
  result: RecordResult;
  rationales: { optionId: string; criterionId: string | null; voterName: string; text: string }[];
  narrative: RecordNarrative;
  auditHeadHash: string;
  /** Absolute address of the decision in Verdict, or null when the app has no public address. */
  decisionUrl: string | null;
  supersedes?: (string | RecordLink)[];
  supersededBy?: string | RecordLink | null;
  /** YYYY-MM-DD when the record is next due for review, or null/absent for none. */
  reviewBy?: string | null;
  /** Discussion comments a lead marked cited, oldest first. */
  citedComments?: CitedComment[];
}

export interface CitedComment {
  authorName: string;
  /** YYYY-MM-DD */
  date: string;
  /** The comment's Markdown; the record quotes its start on one line. */
  text: string;
  /** The comment in Verdict; null when the app has no public address. */
  url: string | null;
}

const CITED_EXCERPT_LENGTH = 200;

export type ChosenReason = "winner" | "lead-choice" | "undecided";

export interface ChosenOption {
  optionId: string | null;
  reason: ChosenReason;
}

export type ChosenOptionInput = Pick<RecordInput, "options" | "result"> & {
  narrative?: Pick<RecordNarrative, "chosenOptionId"> | null;
};

const STRONG = 2 / 3;
const WEAK = 1 / 3;
// A fifth of the scale behind the best option on a criterion is a clear weakness.
const CLEAR_GAP = 0.2;

/**
 * Which option the record names as chosen. The numbers choose only when exactly one option leads and
 * the Borda cross-check agrees; otherwise nothing is chosen until a lead sets `chosenOptionId`.
 */
export function chosenOption(input: ChosenOptionInput): ChosenOption {
  const leader = clearLeader(input.result);
  const picked = input.narrative?.chosenOptionId ?? null;
  if (picked !== null && input.options.some((o) => o.id === picked)) {
    return { optionId: picked, reason: picked === leader ? "winner" : "lead-choice" };
  }
  if (leader !== null) return { optionId: leader, reason: "winner" };
  return { optionId: null, reason: "undecided" };
}

/** First drafts of the narrative for a lead to edit; a tie or contested result leaves the reasons blank. */
export function defaultNarrative(input: Omit<RecordInput, "narrative">): RecordNarrative {
  const view = new RecordView(input);
  const chosen = chosenOption(input);
  const context =
    input.context?.trim() ||
    `${escapeInline(input.title)}\n\nThe team scored ${input.options.length} options on ` +
      `${input.criteria.length} weighted criteria, each on ${view.scaleName()}.`;
  const blank = { justification: "", consequencesGood: "", consequencesBad: "", confirmation: "" };
  if (chosen.optionId === null) {
    return { context, ...blank, moreInformation: "", chosenOptionId: null };
  }
  const scored = view.scoredCellsStrongestFirst(chosen.optionId);
  const goodCount = Math.min(2, Math.ceil(scored.length / 2));
  const strongest = scored.slice(0, goodCount);
  const weakest = scored.slice(goodCount).slice(-2).reverse();
  const good = strongest.map(
    ({ criterion, cell }) =>
      `${escapeInline(criterion.name)} is among its strongest drivers (${view.meanPhrase(cell)})`,
  );
  const bad = [
    ...weakest.map(
      ({ criterion, cell }) =>
        `${escapeInline(criterion.name)} is among its weakest drivers (${view.meanPhrase(cell)}), ` +
        `so plan how to work around it`,
    ),
    ...scored
      .filter(({ cell }) => cell.disputed)
      .map(
        ({ criterion, cell }) =>
          `voters disagreed on ${escapeInline(criterion.name)} (standard deviation ` +
          `${fixed(cell.stdev ?? 0, 1)}), so that score is uncertain`,
      ),
    ...view
      .unscoredCriteria(chosen.optionId)
      .map((criterion) => `nobody scored it on ${escapeInline(criterion.name)}, so that driver is unknown`),
  ];
  const weakestOverall = scored[scored.length - 1];
  const name = quoted(view.optionName(chosen.optionId));
  const confirmation = weakestOverall
    ? `Confirm that ${name} holds up on ${escapeInline(weakestOverall.criterion.name)}, its weakest ` +
      `driver (${view.meanPhrase(weakestOverall.cell)}), for example in a design review or a small ` +
      `pilot, and record the outcome here.`
    : `Confirm the choice of ${name} in a design review or a small pilot, and record the outcome here.`;
  return {
    context,
    justification: view.defaultJustification(chosen.optionId),
    consequencesGood: good.join("\n"),
    consequencesBad: bad.join("\n"),
    confirmation,
    moreInformation: "",
    chosenOptionId: null,
  };
}

/** The record's Markdown: front matter, then the MADR 4 sections in their usual order. */
export function generateRecord(input: RecordInput): string {
  const view = new RecordView(input);
  const narrative = input.narrative;
  const blocks: string[] = [
    frontMatter(input),
    // MADR's own rule: the title names problem and solution; the number lives in the file name.
    `# ${escapeInline(input.title) || "Untitled decision"}`,
    "## Context and Problem Statement",
    markdownBlock(narrative.context) || "_No context was recorded._",
    "## Decision Drivers",
    input.weightMode === "FIXED"
      ? "Weights were set by the lead."
      : "Weights are the voters' importances: each voter's normalized to 100%, then averaged.",
    bulletList(input.criteria, (criterion) => driverLine(view, criterion)) || "_No criteria._",
    "## Considered Options",
    bulletList(input.options, labelWithDescription) || "_No options._",
    "## Decision Outcome",
    ...decisionOutcome(view, input),
    "### Consequences",
    consequences(narrative),
    "### Confirmation",
    markdownBlock(narrative.confirmation) || "_No confirmation was recorded yet._",
    "## Pros and Cons of the Options",
    ...input.options.flatMap((option) => prosAndCons(view, option)),
    "## More Information",
    ...moreInformation(view, input),
  ];
  return blocks.filter((block) => block !== "").join("\n\n") + "\n";
}

// ---------------------------------------------------------------------------------------------------
// Sections

function frontMatter(input: RecordInput): string {
  return writeFrontMatter({
    status: input.status,
    date: input.date,
    ...(input.reviewBy ? { "review-by": input.reviewBy } : {}),
    "decision-makers": input.decisionMakers,
    consulted: input.consulted,
    informed: input.informed,
  });
}

function driverLine(view: RecordView, criterion: { id: string; name: string; description: string }): string {
  const weight = view.weight(criterion.id);
  const weightText = weight === null ? "weight unknown" : `weight ${percent(weight)}`;
  const description = escapeInline(criterion.description);
  return `${nameOrFallback(criterion.name, "Unnamed criterion")} (${weightText})${description ? `: ${description}` : ""}`;
}

function labelWithDescription(item: { name: string; description: string }): string {
  const description = escapeInline(item.description);
  return `${nameOrFallback(item.name, "Unnamed option")}${description ? `: ${description}` : ""}`;
}

function decisionOutcome(view: RecordView, input: RecordInput): string[] {
  const chosen = chosenOption(input);
  const blocks: string[] = [];
  if (chosen.optionId === null) {
    blocks.push(
      `No option is chosen yet. ${view.whyUndecided()} No option is chosen until a lead picks one ` +
        `and records why.`,
    );
  } else {
    const justification =
      markdownBlock(input.narrative.justification).replace(/^because\s+/i, "") ||
      (chosen.reason === "winner"
        ? view.defaultJustification(chosen.optionId)
        : "no reason has been recorded yet");
    blocks.push(
      `Chosen option: ${quoted(view.optionName(chosen.optionId))}, because ${endSentence(justification)}`,
    );
    if (chosen.reason === "lead-choice") blocks.push(view.leadPickNote(chosen.optionId));
    blocks.push(view.standing(chosen.optionId));
  }
  blocks.push(view.robustnessSentence());
  const confidence = view.confidenceSentence();
  if (confidence) blocks.push(confidence);
  blocks.push(view.flagsText());
  return blocks;
}

function consequences(narrative: RecordNarrative): string {
  const bullets = [
    ...consequenceBullets(narrative.consequencesGood, "Good"),
    ...consequenceBullets(narrative.consequencesBad, "Bad"),
  ];
  return bullets.length > 0 ? bullets.join("\n") : "_No consequences were recorded yet._";
}

// Each non-blank line of the narrative is one consequence; indented lines continue the previous one.
function consequenceBullets(text: string, label: "Good" | "Bad"): string[] {
  const bullets: string[] = [];
  const prefix = new RegExp(`^${label},?\\s+because\\s+`, "i");
  for (const line of normalizeNewlines(text).split("\n")) {
    if (line.trim() === "") continue;
    if (/^[ \t]/.test(line) && bullets.length > 0) {
      bullets.push(`  ${line.trim()}`);
      continue;
    }
    const item = line
      .trim()
      .replace(/^[-*+]\s+/, "")
      .replace(prefix, "");
    bullets.push(`- ${label}, because ${item}`);
  }
  return bullets;
}

function prosAndCons(view: RecordView, option: { id: string; name: string; description: string }): string[] {
  const blocks = [`### ${nameOrFallback(option.name, "Unnamed option")}`];
  const description = escapeInline(option.description);
  if (description) blocks.push(description);
  const bullets = [
    ...view.scoredCellsStrongestFirst(option.id).flatMap(({ criterion, cell }) => {
      const votes = `${cell.n} ${cell.n === 1 ? "vote" : "votes"}`;
      const dispute = cell.disputed ? `; disputed, standard deviation ${fixed(cell.stdev ?? 0, 1)}` : "";
      const behind = view.behindBest(option.id, criterion.id);
      const gap = behind === null ? "" : `, behind ${behind.text}`;
      const reasons = view.rationalesOn(option.id, criterion.id).map((line) => `  ${line}`);
      return [
        `- ${view.cellLabel(option.id, criterion.id)}, because it scores a mean of ${fixed(cell.mean ?? 0, 1)} on ` +
          `${view.scaleName()} for ${escapeInline(criterion.name)}${gap} (${votes}${dispute})`,
        ...reasons,
      ];
    }),
    ...view.unscoredCriteria(option.id).map((criterion) => {
      const abstentions = view.cell(option.id, criterion.id)?.abstentions ?? 0;
      return `- Neutral, because nobody scored it for ${escapeInline(criterion.name)} (${abstentions} abstained)`;
    }),
  ];
  blocks.push(bullets.length > 0 ? bullets.join("\n") : "_No scores._");
  const rationales = view.rationalesFor(option.id);
  if (rationales.length > 0) blocks.push("Rationales from voters:", rationales.join("\n"));
  return blocks;
}

function moreInformation(view: RecordView, input: RecordInput): string[] {
  const { result } = input;
  const blocks: string[] = [];
  const narrative = markdownBlock(input.narrative.moreInformation);
  if (narrative) blocks.push(narrative);
  blocks.push("Result of the vote, ranked by weighted total:", view.resultTable());
  const eligible = result.participation.eligible;
  blocks.push(
    `Participation: ${result.participation.voted} of ${eligible} eligible ${eligible === 1 ? "member" : "members"} voted.`,
  );
  blocks.push(
    result.kendallW === null
      ? "Agreement between the voters' rankings (Kendall's W): not defined, as it needs at least two voters and two options."
      : `Agreement between the voters' rankings (Kendall's W): ${fixed(result.kendallW, 3)} (1 is full agreement, 0 none).`,
  );
  blocks.push(...view.robustnessChecks());
  const disputed = result.cells.filter((cell) => cell.disputed);
  if (disputed.length === 0) {
    blocks.push("Disputed cells (standard deviation above 25% of the scale): none.");
  } else {
    blocks.push(
      "Disputed cells (standard deviation above 25% of the scale):",
      disputed.map((cell) => view.disputedLine(cell)).join("\n"),
    );
  }
  const sensitivity = view.sensitivityTable();
  if (sensitivity) blocks.push("Sensitivity of the winner to each criterion's weight:", sensitivity);
  const cited = input.citedComments ?? [];
  if (cited.length > 0) blocks.push("Cited from the discussion:", cited.map(citedCommentLine).join("\n"));
  blocks.push(`Audit chain head hash at close: ${codeOrText(input.auditHeadHash)}`);
  if (input.decisionUrl && /^https?:\/\//i.test(input.decisionUrl)) {
    blocks.push(`Decision in Verdict: ${safeLink("the vote and its ballots", input.decisionUrl)}`);
  }
  const links = supersedeLines(
    (input.supersedes ?? []).map(asLink),
    input.supersededBy ? asLink(input.supersededBy) : null,
  );
  if (links.length > 0) blocks.push(links.join("\n"));
  return blocks;
}

/**
 * The closing lines that link a record to the ones it replaces and the one that replaced it, as
 * Markdown links to the sibling files (plain keys until a file name is fixed).
 */
export function supersedeLines(supersedes: RecordLink[], supersededBy: RecordLink | null): string[] {
  return [
    ...supersedes.map((link) => `Supersedes ${linkText(link)}.`),
    ...(supersededBy ? [`Superseded by ${linkText(supersededBy)}.`] : []),
  ];
}

function linkText(link: RecordLink): string {
  const key = recordRef(link.key);
  return link.fileName ? `[${key}](${encodeURI(link.fileName)})` : key;
}

function asLink(ref: string | RecordLink): RecordLink {
  return typeof ref === "string" ? { key: ref, fileName: null } : ref;
}

function citedCommentLine(comment: CitedComment): string {
  const flat = comment.text.replace(/\s+/g, " ").trim();
  const excerpt = flat.length > CITED_EXCERPT_LENGTH ? `${flat.slice(0, CITED_EXCERPT_LENGTH - 1).trimEnd()}…` : flat;
  const author = escapeInline(comment.authorName) || "A former member";
  const quoted = `- ${author} (${comment.date}): “${escapeInline(excerpt)}”`;
  return comment.url ? `${quoted} (${safeLink("comment", comment.url)})` : quoted;
}

// ---------------------------------------------------------------------------------------------------
// Lookups and phrases over one decision's result

type Criterion = RecordInput["criteria"][number];

class RecordView {
  private readonly cells = new Map<string, RecordCell>();

  constructor(private readonly input: Omit<RecordInput, "narrative">) {
    for (const cell of input.result.cells) this.cells.set(cellKey(cell.optionId, cell.criterionId), cell);
  }

  cell(optionId: string, criterionId: string): RecordCell | undefined {
    return this.cells.get(cellKey(optionId, criterionId));
  }

  weight(criterionId: string): number | null {
    return this.input.result.weights.find((w) => w.criterionId === criterionId)?.weight ?? null;
  }

  optionName(optionId: string): string {
    return (
      this.input.options.find((o) => o.id === optionId)?.name ??
      this.input.result.options.find((o) => o.optionId === optionId)?.name ??
      "Unknown option"
    );
  }

  optionResult(optionId: string): RecordOptionResult | undefined {
    return this.input.result.options.find((o) => o.optionId === optionId);
  }

  scaleName(): string {
    return `the ${this.input.scale.min}–${this.input.scale.max} scale`;
  }

  meanPhrase(cell: RecordCell): string {
    return `mean ${fixed(cell.mean ?? 0, 1)} on ${this.scaleName()}`;
  }

  /** The option's scored cells, strongest normalized mean first; ties keep the criteria's order. */
  scoredCellsStrongestFirst(optionId: string): { criterion: Criterion; cell: RecordCell }[] {
    const scored: { criterion: Criterion; cell: RecordCell }[] = [];
    for (const criterion of this.input.criteria) {
      const cell = this.cell(optionId, criterion.id);
      if (cell && cell.n > 0 && cell.normalized !== null && cell.mean !== null)
        scored.push({ criterion, cell });
    }
    return scored.sort((a, b) => (b.cell.normalized ?? 0) - (a.cell.normalized ?? 0));
  }

  unscoredCriteria(optionId: string): Criterion[] {
    return this.input.criteria.filter((criterion) => {
      const cell = this.cell(optionId, criterion.id);
      return !cell || cell.n === 0 || cell.normalized === null || cell.mean === null;
    });
  }

  defaultJustification(optionId: string): string {
    const own = this.optionResult(optionId);
    if (!own || own.total === null) return "it is the only option with a result.";
    const runnerUp = this.input.result.options
      .filter((o) => o.optionId !== optionId && o.total !== null)
      .sort((a, b) => (b.total ?? 0) - (a.total ?? 0))[0];
    let text = `it has the highest weighted total (${totalText(own.total)} of 100)`;
    if (runnerUp && runnerUp.total !== null) {
      const lead = fixed((own.total - runnerUp.total) * 100, 1);
      text += `, ${lead} points ahead of ${quoted(this.optionName(runnerUp.optionId))} (${totalText(runnerUp.total)})`;
    }
    const bestOn = this.criteriaLedBy(optionId).map((c) => escapeInline(c.name));
    if (bestOn.length > 0) text += `, and scores best of all options on ${joinWords(bestOn)}`;
    return `${text}.`;
  }

  // Criteria on which this option's normalized mean beats every other option's.
  private criteriaLedBy(optionId: string): Criterion[] {
    return this.input.criteria.filter((criterion) => {
      const own = this.cell(optionId, criterion.id)?.normalized ?? null;
      if (own === null) return false;
      const others = this.input.options
        .filter((o) => o.id !== optionId)
        .map((o) => this.cell(o.id, criterion.id)?.normalized ?? null)
        .filter((value): value is number => value !== null);
      return others.length > 0 && others.every((value) => own > value + TIE_TOLERANCE);
    });
  }

  whyUndecided(): string {
    const { result } = this.input;
    const winners = result.winnerOptionIds;
    if (winners.length === 0) return "No ballot scored any option, so no option leads.";
    const reasons: string[] = [];
    if (winners.length > 1) {
      const total = this.optionResult(winners[0] ?? "")?.total ?? null;
      const each = total === null ? "" : ` with ${totalText(total)} of 100 each`;
      reasons.push(`The vote ended in a tie: ${this.quotedNames(winners)} share rank 1${each}.`);
    }
    if (result.flags.includes("contested")) reasons.push(this.contestedSentence());
    return reasons.join(" ");
  }

  leadPickNote(optionId: string): string {
    const { result } = this.input;
    const winners = result.winnerOptionIds;
    if (winners.length > 1) {
      return `A lead picked this option after the vote ended in a tie between ${this.quotedNames(winners)}.`;
    }
    if (result.flags.includes("contested")) {
      return `A lead picked this option because the result was contested. ${this.contestedSentence()}`;
    }
    const leader = winners[0];
    if (leader !== undefined && leader !== optionId) {
      const total = this.optionResult(leader)?.total ?? null;
      const totalNote = total === null ? "" : ` (${totalText(total)} of 100)`;
      return `A lead picked this option over ${quoted(this.optionName(leader))}, which has the highest weighted total${totalNote}.`;
    }
    return "A lead picked this option; no ballot scored any option.";
  }

  private contestedSentence(): string {
    const options = this.input.result.options;
    const topBorda = Math.max(...options.map((o) => o.borda));
    const bordaWinners = options.filter((o) => o.borda >= topBorda - TIE_TOLERANCE).map((o) => o.optionId);
    return (
      `The result is contested: the weighted totals put ${this.quotedNames(this.input.result.winnerOptionIds)} ` +
      `first, but the Borda count of the voters' own rankings puts ${this.quotedNames(bordaWinners)} first.`
    );
  }

  standing(optionId: string): string {
    const name = quoted(this.optionName(optionId));
    const own = this.optionResult(optionId);
    if (!own) return `${name} has no result.`;
    const count = this.input.result.options.length;
    if (own.total === null)
      return `${name} ranks ${own.rank} of ${count} and has no total, as nobody scored it.`;
    const coverage =
      own.coverage < 1 - TIE_TOLERANCE
        ? `, over the ${percent(own.coverage)} of the criteria weight on which it was scored`
        : "";
    return `${name} ranks ${own.rank} of ${count} with a weighted total of ${totalText(own.total)} of 100${coverage}.`;
  }

  robustnessSentence(): string {
    const { robustness, winnerOptionIds } = this.input.result;
    if (winnerOptionIds.length === 0) return "Robustness: not applicable, as no option leads.";
    if (robustness === null) {
      return "Robustness: no change to a single criterion's weight lets another option catch up with the leader.";
    }
    if (robustness === 0) return "Robustness: 0.0 points, as the leading options are already tied.";
    return (
      `Robustness: ${fixed(robustness, 1)} points, the smallest change to one criterion's weight at which ` +
      `another option catches up with the leader.`
    );
  }

  confidenceSentence(): string | null {
    const { confidenceSentence, acceptabilitySamples } = this.input.result;
    if (!confidenceSentence || !acceptabilitySamples) return null;
    const { weightMode, weightBand } = this.input;
    const how =
      weightMode === "FIXED" && typeof weightBand === "number"
        ? weightBand === 0
          ? "keep the weights as set and redraw the mean scores within their uncertainty"
          : `vary each weight by up to ${weightBandText(weightBand)} of its set value and redraw the mean scores within their uncertainty`
        : "redraw the weights and mean scores within their uncertainty";
    return (
      `Confidence: ${escapeInline(confidenceSentence)} (rank acceptability over ` +
      `${acceptabilitySamples.toLocaleString("en")} samples that ${how}).`
    );
  }

  /** Pivotal voters and the winner by medians, when the result carries them. */
  robustnessChecks(): string[] {
    const { pivotalVoters, medianWinnerOptionIds, winnerOptionIds, participation } = this.input.result;
    const lines: string[] = [];
    if (pivotalVoters) {
      const { count } = pivotalVoters;
      lines.push(
        count === 0
          ? "Pivotal voters: none; leaving out any single ballot keeps the same winner."
          : `Pivotal voters: ${count} of ${participation.voted} ${participation.voted === 1 ? "voter" : "voters"} would change the winner by not voting.`,
      );
    }
    if (medianWinnerOptionIds) {
      const same =
        medianWinnerOptionIds.length === winnerOptionIds.length &&
        medianWinnerOptionIds.every((id) => winnerOptionIds.includes(id));
      const names = medianWinnerOptionIds.length ? this.quotedNames(medianWinnerOptionIds) : "no option";
      lines.push(
        same
          ? `Winner by median scores instead of means: ${names}, the same.`
          : `Winner by median scores instead of means: ${names}, which differs from the winner by means; ` +
              `a few extreme scores may be deciding the result.`,
      );
    }
    return lines;
  }

  flagsText(): string {
    const flags = this.input.result.flags;
    if (flags.length === 0) return "Flags: none.";
    return `Flags:\n\n${flags.map((flag) => `- ${flag}: ${FLAG_MEANINGS[flag]}`).join("\n")}`;
  }

  /**
   * Good for a strong score, Bad for a weak one: in the bottom third of the scale, or below its middle
   * and clearly behind the best option on that criterion (a 3.8 of 10 against a rival's 7 is a con,
   * not "neutral"); Neutral otherwise.
   */
  cellLabel(optionId: string, criterionId: string): "Good" | "Neutral" | "Bad" {
    const own = this.cell(optionId, criterionId)?.normalized ?? null;
    if (own === null) return "Neutral";
    if (own <= WEAK + TIE_TOLERANCE) return "Bad";
    const best = this.bestOn(criterionId);
    if (own < 0.5 - TIE_TOLERANCE && best !== null && best.normalized - own >= CLEAR_GAP - TIE_TOLERANCE) return "Bad";
    if (own >= STRONG - TIE_TOLERANCE) return "Good";
    return "Neutral";
  }

  /** How far the option trails the best other option on a criterion, when that gap is clear. */
  behindBest(optionId: string, criterionId: string): { text: string } | null {
    const own = this.cell(optionId, criterionId);
    const best = this.bestOn(criterionId, optionId);
    if (!own || own.normalized === null || best === null) return null;
    if (best.normalized - own.normalized < CLEAR_GAP - TIE_TOLERANCE) return null;
    return { text: `${quoted(this.optionName(best.optionId))} (${fixed(best.mean, 1)})` };
  }

  private bestOn(criterionId: string, except?: string): { optionId: string; normalized: number; mean: number } | null {
    let best: { optionId: string; normalized: number; mean: number } | null = null;
    for (const option of this.input.options) {
      if (option.id === except) continue;
      const cell = this.cell(option.id, criterionId);
      if (!cell || cell.normalized === null || cell.mean === null || cell.n === 0) continue;
      if (best === null || cell.normalized > best.normalized)
        best = { optionId: option.id, normalized: cell.normalized, mean: cell.mean };
    }
    return best;
  }

  /** The voters' own words about one cell, as nested list items under its pro or con. */
  rationalesOn(optionId: string, criterionId: string): string[] {
    return this.input.rationales
      .filter((r) => r.optionId === optionId && r.criterionId === criterionId && r.text.trim() !== "")
      .map((r) => `- “${escapeInline(r.text)}” — ${nameOrFallback(r.voterName, "A voter")}`);
  }

  /** Rationales not about a single criterion (those are quoted under their pro or con). */
  rationalesFor(optionId: string): string[] {
    const order = new Map(this.input.criteria.map((c, index) => [c.id, index]));
    const known = new Set(this.input.criteria.map((c) => c.id));
    return this.input.rationales
      .filter((r) => r.optionId === optionId && r.text.trim() !== "")
      .filter((r) => r.criterionId === null || !known.has(r.criterionId) || this.cell(optionId, r.criterionId)?.n === 0)
      .map((r, index) => ({ r, index, at: r.criterionId === null ? -1 : (order.get(r.criterionId) ?? -1) }))
      .sort((a, b) => a.at - b.at || a.index - b.index)
      .map(({ r }) => {
        const criterion = this.input.criteria.find((c) => c.id === r.criterionId);
        const about = criterion ? `on ${escapeInline(criterion.name)}` : "overall";
        return `- “${escapeInline(r.text)}” — ${nameOrFallback(r.voterName, "A voter")}, ${about}`;
      });
  }

  resultTable(): string {
    const order = new Map(this.input.options.map((o, index) => [o.id, index]));
    const rows = [...this.input.result.options]
      .sort((a, b) => a.rank - b.rank || (order.get(a.optionId) ?? 0) - (order.get(b.optionId) ?? 0))
      .map((o) =>
        tableRow([
          String(o.rank),
          nameOrFallback(this.optionName(o.optionId), "Unnamed option"),
          o.total === null ? "—" : totalText(o.total),
          percent(o.coverage),
          bordaText(o.borda),
        ]),
      );
    return [
      tableRow(["Rank", "Option", "Total (of 100)", "Coverage", "Borda points"]),
      "| ---: | --- | ---: | ---: | ---: |",
      ...rows,
    ].join("\n");
  }

  sensitivityTable(): string {
    const { sensitivity } = this.input.result;
    if (sensitivity.length === 0) return "";
    const rows = this.input.criteria
      .map((criterion) => ({ criterion, entry: sensitivity.find((s) => s.criterionId === criterion.id) }))
      .filter(({ entry }) => entry !== undefined)
      .map(({ criterion, entry }) => {
        const weight = this.weight(criterion.id);
        const delta = entry?.delta ?? null;
        return tableRow([
          nameOrFallback(criterion.name, "Unnamed criterion"),
          weight === null ? "—" : percent(weight),
          delta === null ? "none in range" : `${signed(delta)} points`,
        ]);
      });
    return [
      tableRow(["Criterion", "Weight", "Weight change at which another option catches up"]),
      "| --- | ---: | ---: |",
      ...rows,
    ].join("\n");
  }

  disputedLine(cell: RecordCell): string {
    const criterion = this.input.criteria.find((c) => c.id === cell.criterionId);
    const range = cell.min === null || cell.max === null ? "" : `, scores from ${cell.min} to ${cell.max}`;
    return (
      `- ${quoted(this.optionName(cell.optionId))} on ${escapeInline(criterion?.name ?? "an unknown criterion")}: ` +
      `mean ${fixed(cell.mean ?? 0, 1)}, standard deviation ${fixed(cell.stdev ?? 0, 1)}${range} (${cell.n} votes)`
    );
  }

  private quotedNames(optionIds: string[]): string {
    return joinWords(optionIds.map((id) => quoted(this.optionName(id))));
  }
}

const FLAG_MEANINGS: Record<ResultFlag, string> = {
  tie: "options with equal weighted totals share a rank; there is no hidden tie-break.",
  contested: "the Borda count of the voters' own rankings has a different winner than the weighted totals.",
  fragile: `moving one criterion's weight by less than ${FRAGILE_BELOW_POINTS} points would change the winner.`,
  incomplete:
    "some options were not scored on every criterion; their totals use only the criteria that were scored.",
  median_disagrees:
    "ranked by each cell's median instead of its mean, a different option wins; a few extreme scores may be deciding the result.",
};

function clearLeader(result: RecordResult): string | null {
  if (result.flags.includes("contested") || result.winnerOptionIds.length !== 1) return null;
  return result.winnerOptionIds[0] ?? null;
}

function cellKey(optionId: string, criterionId: string): string {
  return JSON.stringify([optionId, criterionId]);
}

// ---------------------------------------------------------------------------------------------------
// Numbers: fixed decimals, half away from zero, never "-0.0"

function fixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return "—";
  const factor = 10 ** decimals;
  // The nudge keeps a product like 0.7125 × 100 = 71.24999… rounding as the decimal 71.25 would.
  const units = Math.round(Math.abs(value) * factor + 1e-7);
  const sign = value < 0 && units !== 0 ? "-" : "";
  const whole = Math.floor(units / factor);
  const fraction = decimals > 0 ? `.${String(units % factor).padStart(decimals, "0")}` : "";
  return `${sign}${whole}${fraction}`;
}

function percent(fraction: number): string {
  return `${fixed(fraction * 100, 1)}%`;
}

function totalText(total: number): string {
  return fixed(total * 100, 1);
}

function signed(points: number): string {
  const text = fixed(points, 1);
  return text.startsWith("-") || text === "0.0" ? text : `+${text}`;
}

// Borda points are whole or halves (tied positions share their average), so one decimal is exact.
function bordaText(points: number): string {
  return Number.isInteger(points) ? String(points) : fixed(points, 1);
}

// ---------------------------------------------------------------------------------------------------
// Placing user text

function nameOrFallback(name: string, fallback: string): string {
  return escapeInline(name) || fallback;
}

function quoted(name: string): string {
  return `"${escapeInline(name) || "Unnamed option"}"`;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function bulletList<T>(items: T[], line: (item: T) => string): string {
  return items.map((item) => `- ${line(item)}`).join("\n");
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

// Narrative fields are Markdown by design: keep them as written, minus surrounding blank lines.
function markdownBlock(text: string): string {
  return normalizeNewlines(text)
    .replace(/^(?:[ \t]*\n)+/, "")
    .trimEnd();
}

function endSentence(text: string): string {
  return /[\p{L}\p{N})"'”’]$/u.test(text) ? `${text}.` : text;
}

function codeOrText(value: string): string {
  return /^[A-Za-z0-9+/=:_.-]+$/.test(value) ? `\`${value}\`` : escapeInline(value) || "unknown";
}

function recordRef(ref: string): string {
  const match = /^\s*(?:ADR[-\s]?)?(\d+)\s*$/i.exec(ref);
  return match ? `ADR-${formatRecordNumber(Number(match[1]))}` : escapeInline(ref);
}
