// bench/acceptability: rank acceptability, 10,000 samples for 20 options × 25 criteria, at 4 (bootstrap), 100, 1,000
// and 10,000 voters, in FIXED and VOTED mode. Prints the median time of several runs of the whole
// computation from the cell statistics (and, in VOTED mode, the ballots' importances) to the result.
// The voters only shape the input (histograms and importance vectors), so the time should not grow
// with them beyond the VOTED set-up, which reads each importance vector once. Target: under 200 ms.
//
//   npm run bench:acceptability
//   BENCH_RUNS=9 npm run bench:acceptability
import os from "node:os";
import {
  rankAcceptability,
  type AcceptabilityCell,
  type AcceptabilityInput,
} from "../lib/domain/acceptability";
import { computeWeights, type ImportanceVector } from "../lib/domain/aggregation";
import { SeededRandom } from "../lib/domain/random";

const OPTIONS = 20;
const CRITERIA = 25;
const SAMPLES = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// 4 voters is the bootstrap path: every cell has fewer than 5 scores.
const VOTER_COUNTS = [4, 100, 1_000, 10_000];
const SCALE = { min: 0, max: 10 };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Random ballots reduced to what the server keeps: per-cell histograms of integer scores, and importances. */
function randomDecision(voters: number) {
  const random = new SeededRandom(voters);
  const options = Array.from({ length: OPTIONS }, (_, i) => ({ id: `o${i}`, name: `Option ${i}` }));
  const criteria = Array.from({ length: CRITERIA }, (_, j) => ({ id: `c${j}` }));
  const cells: AcceptabilityCell[] = [];
  for (const option of options) {
    for (const criterion of criteria) {
      const centre = 3 + 4 * random.next();
      const counts = new Array<number>(11).fill(0);
      let abstentions = 0;
      for (let v = 0; v < voters; v++) {
        if (random.next() < 0.05) abstentions++;
        else counts[Math.min(10, Math.max(0, Math.round(centre + 2 * random.normal())))]!++;
      }
      const histogram = counts.flatMap((count, value) => (count > 0 ? [{ value, count }] : []));
      const n = voters - abstentions;
      const mean = histogram.reduce((sum, h) => sum + h.value * h.count, 0) / n;
      const variance = histogram.reduce((sum, h) => sum + h.count * (h.value - mean) ** 2, 0) / n;
      cells.push({
        optionId: option.id,
        criterionId: criterion.id,
        n,
        abstentions,
        mean,
        median: null, // not used by the simulation
        stdev: Math.sqrt(variance),
        min: histogram[0]!.value,
        max: histogram[histogram.length - 1]!.value,
        histogram,
      });
    }
  }
  const importances: ImportanceVector[] = Array.from({ length: voters }, (_, v) => ({
    voterId: `u${v}`,
    importances: Object.fromEntries(criteria.map((criterion) => [criterion.id, random.nextInt(11)])),
  }));
  const raw = criteria.map((_, j) => 1 + (j % 4));
  const sum = raw.reduce((a, b) => a + b, 0);
  const weights = Object.fromEntries(criteria.map((criterion, j) => [criterion.id, raw[j]! / sum]));
  return { options, criteria, cells, importances, weights };
}

/**
 * Wall time, and this process's CPU time: on a shared machine the first includes waiting for a core,
 * the second is close to what the computation costs on a quiet one.
 */
function timeRuns(input: AcceptabilityInput): { ms: number; cpuMs: number; confidence: number | null } {
  rankAcceptability(input); // warm-up: let the JIT compile the hot loop first
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let confidence: number | null = null;
  for (let run = 0; run < RUNS; run++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    confidence = rankAcceptability(input).winnerConfidence;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return { ms: median(times), cpuMs: median(cpuTimes), confidence };
}

const figure = (run: { ms: number; cpuMs: number }) =>
  `${run.ms.toFixed(1).padStart(6)} ms (cpu ${run.cpuMs.toFixed(1).padStart(6)} ms)`;

console.log(
  `rank acceptability: ${SAMPLES} samples, ${OPTIONS} options × ${CRITERIA} criteria, median of ${RUNS} runs` +
    ` (Node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"}, load ${os.loadavg()[0]?.toFixed(2)})`,
);
for (const voters of VOTER_COUNTS) {
  const decision = randomDecision(voters);
  const base = { scale: SCALE, ...decision, seed: 1, samples: SAMPLES };
  const fixed = timeRuns({ ...base, weightUncertainty: { mode: "FIXED" } });
  const votedWeights = computeWeights(
    "VOTED",
    decision.criteria.map((c) => ({ ...c, weight: 0 })),
    decision.importances,
  );
  const voted = timeRuns({
    ...base,
    weights: votedWeights.weights,
    weightUncertainty: { mode: "VOTED", importances: decision.importances },
  });
  console.log(
    `${String(voters).padStart(6)} voters   FIXED ±20 %: ${figure(fixed)}   VOTED: ${figure(voted)}` +
      `   (winner confidence ${fixed.confidence?.toFixed(3)} / ${voted.confidence?.toFixed(3)})`,
  );
}
