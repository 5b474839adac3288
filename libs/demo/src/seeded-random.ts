/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state, full period 2^32, passes the statistical tests that
 * matter for demo data. Chosen over a dependency because the demo only needs a reproducible stream of floats, and
 * these six lines give the same numbers on every machine and Node version (pure 32-bit integer arithmetic).
 */
export type Random = {
  /** A float in [0, 1). */
  readonly next: () => number;
  /** A whole number in [min, max]. */
  readonly integer: (min: number, max: number) => number;
  /** true with the given probability. */
  readonly chance: (probability: number) => boolean;
  /** One of the choices, drawn with their weights. */
  readonly weighted: <Choice>(choices: readonly (readonly [Choice, number])[]) => Choice;
  /** A Poisson-distributed count with the given mean (Knuth's method; the demo's means stay below 100). */
  readonly poisson: (mean: number) => number;
};

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
  const integer = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const chance = (probability: number) => next() < probability;
  const weighted = <Choice>(choices: readonly (readonly [Choice, number])[]): Choice => {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let draw = next() * total;
    for (const [choice, weight] of choices) {
      draw -= weight;
      if (draw < 0) return choice;
    }
    return choices[choices.length - 1]![0];
  };
  const poisson = (mean: number) => {
    const limit = Math.exp(-mean);
    let count = 0;
    let product = next();
    while (product > limit) {
      count += 1;
      product *= next();
    }
    return count;
  };
  return { next, integer, chance, weighted, poisson };
}
