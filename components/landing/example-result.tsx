// A drawn example of a closed vote's result for the signed-out front page: weighted totals out of 100
// and each option's score per criterion. Fixed numbers, drawn as SVG with the app's colours (no image
// is fetched), described in text for screen readers.
const CRITERIA = ["Flexibility", "Production", "Ecosystem", "Ease of use"];

const OPTIONS = [
  { name: "PyTorch", total: 78.4, scores: [9.1, 6.8, 8.2, 8.7] },
  { name: "TensorFlow", total: 66.9, scores: [6.2, 8.9, 7.9, 5.8] },
  { name: "JAX", total: 54.1, scores: [7.4, 4.9, 5.1, 5.3] },
];

/** Darker means a higher mean score; the number is always printed too. */
function cellTone(score: number) {
  if (score >= 8.5) return "fill-indigo-700 dark:fill-indigo-300";
  if (score >= 7.5) return "fill-indigo-500 dark:fill-indigo-400";
  if (score >= 6.5) return "fill-indigo-300 dark:fill-indigo-600";
  if (score >= 5.5) return "fill-indigo-200 dark:fill-indigo-800";
  return "fill-indigo-100 dark:fill-indigo-950";
}

const cellText = (score: number) =>
  score >= 7.5 ? "fill-white dark:fill-zinc-950" : "fill-zinc-900 dark:fill-zinc-100";

export function ExampleResult() {
  const description =
    "Example result of a closed vote. Weighted totals out of 100: PyTorch 78.4 (winner), TensorFlow 66.9, JAX 54.1. " +
    OPTIONS.map(
      (o) => `${o.name} mean scores: ${CRITERIA.map((c, i) => `${c} ${o.scores[i]}`).join(", ")}`,
    ).join(". ") +
    ".";
  return (
    <figure className="overflow-hidden rounded-2xl border border-line bg-surface shadow-sm">
      <div className="flex items-center justify-between gap-3 border-b border-line px-5 py-3">
        <p className="text-sm font-semibold text-fg">D-1 · Which framework do we standardize on?</p>
        <span className="rounded-md bg-success-soft px-2 py-0.5 text-xs font-medium text-success-text">
          Closed
        </span>
      </div>
      <svg viewBox="0 0 520 300" role="img" aria-label={description} className="block h-auto w-full">
        <text x="20" y="30" className="fill-fg text-[13px] font-semibold">
          Weighted total, out of 100
        </text>
        {OPTIONS.map((option, index) => {
          const y = 46 + index * 34;
          const width = (option.total / 100) * 330;
          return (
            <g key={option.name}>
              <text x="20" y={y + 17} className="fill-fg text-[13px]">
                {option.name}
              </text>
              <rect x="110" y={y} width="330" height="24" rx="5" className="fill-surface-muted" />
              <rect
                x="110"
                y={y}
                width={width}
                height="24"
                rx="5"
                className={index === 0 ? "fill-accent" : "fill-zinc-400 dark:fill-zinc-500"}
              />
              <text x={450} y={y + 17} className="fill-fg text-[13px] font-semibold tabular-nums">
                {option.total.toFixed(1)}
              </text>
              {index === 0 ? (
                <text x={116} y={y + 17} className="fill-white text-[12px] font-semibold">
                  Winner
                </text>
              ) : null}
            </g>
          );
        })}
        <text x="20" y="172" className="fill-fg text-[13px] font-semibold">
          Mean score per criterion, 0 to 10
        </text>
        {CRITERIA.map((criterion, column) => (
          <text
            key={criterion}
            x={150 + column * 92}
            y="194"
            textAnchor="middle"
            className="fill-fg-muted text-[11px]"
          >
            {criterion}
          </text>
        ))}
        {OPTIONS.map((option, row) => (
          <g key={option.name}>
            <text x="20" y={220 + row * 28} className="fill-fg text-[13px]">
              {option.name}
            </text>
            {option.scores.map((score, column) => (
              <g key={column}>
                <rect
                  x={108 + column * 92}
                  y={204 + row * 28}
                  width="84"
                  height="24"
                  rx="4"
                  className={cellTone(score)}
                />
                <text
                  x={150 + column * 92}
                  y={221 + row * 28}
                  textAnchor="middle"
                  className={`text-[12px] font-semibold tabular-nums ${cellText(score)}`}
                >
                  {score.toFixed(1)}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="border-t border-line px-5 py-3 text-xs text-fg-muted">
        An example, not real data: five voters, four weighted criteria. The winner leads by 11.5 points and
        would stay ahead unless a weight moved by 19 points.
      </figcaption>
    </figure>
  );
}
