// Where the ballot's keyboard moves land, in the wide table and in the phone cards.
import { describe, expect, it } from "vitest";
import { moveTarget } from "@/components/decisions/ballot/use-grid-keyboard";

const size = { options: 3, criteria: 2 };

describe("ballot keyboard moves", () => {
  it("moves like a spreadsheet in the table and stays put at its edges", () => {
    expect(moveTarget("table", size, { oi: 1, ci: 0 }, "right")).toEqual([1, 1]);
    expect(moveTarget("table", size, { oi: 1, ci: 1 }, "right")).toBeNull();
    expect(moveTarget("table", size, { oi: 1, ci: 1 }, "down")).toEqual([2, 1]);
    expect(moveTarget("table", size, { oi: 2, ci: 1 }, "down")).toBeNull();
    expect(moveTarget("table", size, { oi: 0, ci: 0 }, "up")).toBeNull();
  });

  it("walks an option's stacked criteria with up and down on the cards, switching option only with left and right", () => {
    expect(moveTarget("cards", size, { oi: 0, ci: 1 }, "down")).toEqual([1, 0]);
    expect(moveTarget("cards", size, { oi: 1, ci: 0 }, "up")).toEqual([0, 1]);
    expect(moveTarget("cards", size, { oi: 1, ci: 1 }, "right")).toEqual([2, 1]);
    expect(moveTarget("cards", size, { oi: 2, ci: 1 }, "down")).toBeNull();
  });

  it("sends Enter on the last cell on to Submit, and wraps Enter to the next option's first criterion", () => {
    expect(moveTarget("table", size, { oi: 2, ci: 1 }, "next")).toBe("end");
    expect(moveTarget("table", size, { oi: 0, ci: 1 }, "next")).toEqual([1, 0]);
    expect(moveTarget("table", size, { oi: 0, ci: 0 }, "previous")).toBeNull();
    expect(moveTarget("cards", size, { oi: 1, ci: 1 }, "rowStart")).toEqual([1, 0]);
  });
});
