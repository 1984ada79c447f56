// Moving between ballot cells from the keyboard. The table moves like a spreadsheet; the phone cards
// stack an option's criteria, so up and down walk the stack and left and right switch option.
import type { RefObject } from "react";
import type { Move } from "../score-cell";

export type Layout = "table" | "cards";

/** The cell a move lands on: [option, criterion], "end" past the last cell, or null to stay. */
export function moveTarget(
  layout: Layout,
  size: { options: number; criteria: number },
  from: { oi: number; ci: number },
  where: Move,
): [number, number] | "end" | null {
  const { options: O, criteria: C } = size;
  const { oi, ci } = from;
  const linear = (delta: number): [number, number] | "end" | null => {
    const index = oi * C + ci + delta;
    if (index < 0) return null;
    if (index >= O * C) return "end";
    return [Math.floor(index / C), index % C];
  };
  if (where === "next") return linear(1);
  if (where === "previous") return linear(-1);
  if (where === "rowStart") return [oi, 0];
  if (where === "rowEnd") return [oi, C - 1];
  if (layout === "table") {
    if (where === "left") return ci > 0 ? [oi, ci - 1] : null;
    if (where === "right") return ci < C - 1 ? [oi, ci + 1] : null;
    if (where === "up") return oi > 0 ? [oi - 1, ci] : null;
    return oi < O - 1 ? [oi + 1, ci] : null;
  }
  if (where === "up") return linear(-1);
  if (where === "down") return linear(1) === "end" ? null : linear(1);
  if (where === "left") return oi > 0 ? [oi - 1, ci] : null;
  return oi < O - 1 ? [oi + 1, ci] : null;
}

/** Cell ids and focus moves for one ballot; moving past the last cell focuses `afterLast` (Submit). */
export function useGridKeyboard({
  idPrefix,
  size,
  afterLast,
}: {
  idPrefix: string;
  size: { options: number; criteria: number };
  afterLast: RefObject<HTMLElement | null>;
}) {
  const cellId = (layout: Layout, oi: number, ci: number) => `${idPrefix}-${layout}-${oi}-${ci}`;
  const focusCell = (layout: Layout, oi: number, ci: number) => document.getElementById(cellId(layout, oi, ci))?.focus();
  function move(layout: Layout, from: { oi: number; ci: number }, where: Move) {
    const target = moveTarget(layout, size, from, where);
    if (target === "end") afterLast.current?.focus();
    else if (target) focusCell(layout, target[0], target[1]);
  }
  return { cellId, focusCell, move };
}
