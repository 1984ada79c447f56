// The keyboard shortcuts of the ballot table, shown above it on wide screens.
import type { ReactNode } from "react";

export function KeyHints({ id, scale }: { id: string; scale: { min: number; max: number } }) {
  return (
    <p id={id} className="hidden flex-wrap gap-x-4 gap-y-1 border-b border-line bg-surface-muted/50 px-5 py-2.5 text-xs text-fg-muted sm:flex">
      <Hint keys={[`${scale.min}–${scale.max}`]}>score{scale.max - scale.min >= 10 ? " (type 1 then 0 for 10)" : ""}</Hint>
      <Hint keys={["←", "↑", "→", "↓"]}>move</Hint>
      <Hint keys={["A", "−"]}>abstain</Hint>
      <Hint keys={["⌫"]}>clear</Hint>
      <Hint keys={["R"]}>rationale</Hint>
      <Hint keys={["Enter"]}>next cell</Hint>
    </p>
  );
}

function Hint({ keys, children }: { keys: string[]; children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1">
      {keys.map((key) => (
        <kbd key={key} className="rounded border border-line-strong bg-surface px-1.5 py-px font-sans text-[11px] font-medium text-fg shadow-xs">
          {key}
        </kbd>
      ))}
      <span>{children}</span>
    </span>
  );
}
