// Under a FIXED decision's criteria: the weights came from pairwise comparisons, how consistent those
// were, and the comparison to revisit when they contradict each other.
export function PairwiseNote({
  pairwise,
}: {
  pairwise: { judgements: unknown[]; consistencyRatio: number; warning: string | null } | null;
}) {
  if (!pairwise) return null;
  return (
    <div className="border-t border-line px-5 py-3 text-sm" data-testid="pairwise-note">
      <p className="text-fg-muted">
        Weights from {pairwise.judgements.length} pairwise comparisons · consistency ratio{" "}
        <span className="font-semibold text-fg tabular-nums">{pairwise.consistencyRatio.toFixed(2)}</span>
        {pairwise.consistencyRatio <= 0.1 ? " (consistent)" : ""}
      </p>
      {pairwise.warning ? <p className="mt-1 text-warning-text">{pairwise.warning}</p> : null}
    </div>
  );
}
