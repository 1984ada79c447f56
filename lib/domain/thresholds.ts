// The product's numeric thresholds (PRODUCT.md, Aggregation), defined once so the engine, the record
// and the pages that explain a flag can never disagree about where it starts.

/** Totals closer than this are the same total: they share a rank and the result says "tie". */
export const TIE_TOLERANCE = 1e-9;

/** A winner that another option catches within this many percentage points of one weight is fragile. */
export const FRAGILE_BELOW_POINTS = 5;
