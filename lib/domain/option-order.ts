// Each voter sees the options in their own shuffled order, so the first option shown does not collect
// everyone's primacy bias. The order is a pure function of the decision and the voter: it survives
// reloads, devices and revisions, and needs nothing stored.
import { SeededRandom } from "./random";

/** FNV-1a, 32-bit: a fixed, well-spread hash of a short string (not for secrets). */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The items in this voter's order for this decision (Fisher–Yates driven by a seed from both ids). */
export function voterOptionOrder<T>(items: readonly T[], decisionId: string, voterId: string): T[] {
  const random = new SeededRandom(fnv1a32(`${decisionId}\u0000${voterId}`));
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
