// Seeded randomness for the result's simulations: the same seed gives the same numbers on every
// machine, so a published acceptability figure can be reproduced exactly.

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): one 32-bit state, period 2^32, good enough for
 * Monte Carlo estimates of a few thousand samples and cheap enough to call millions of times.
 */
export class SeededRandom {
  private state: number;
  /** Box–Muller yields normals in pairs; the second waits here for the next call. */
  private spareNormal = 0;
  private hasSpare = false;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError("A seed must be an integer.");
    this.state = seed >>> 0;
  }

  /** Uniform on [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, bound). */
  nextInt(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  /** Standard normal, by the Box–Muller transform. */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    // 1 − u is in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spareNormal = radius * Math.sin(angle);
    this.hasSpare = true;
    return radius * Math.cos(angle);
  }
}
