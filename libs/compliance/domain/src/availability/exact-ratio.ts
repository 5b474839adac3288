/**
 * Exact comparisons of measured ratios with decimal targets: 99.9 % is not a
 * binary fraction, and a period that meets its target by the last
 * millisecond must not fail it by a rounding error. Everything is scaled to
 * integers (BigInt) first.
 */
export type Ratio = { readonly numerator: bigint; readonly denominator: bigint };

/** A finite decimal number (as JSON carries it) as an exact ratio: 99.95 → 9995/100. */
export function decimalRatio(value: number): Ratio {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const [whole, fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = BigInt(whole + fraction) * (value < 0 ? -1n : 1n);
  const scale = exponent - fraction.length;
  return scale >= 0
    ? { numerator: digits * 10n ** BigInt(scale), denominator: 1n }
    : { numerator: digits, denominator: 10n ** BigInt(-scale) };
}

/** a ≥ b, exactly (denominators positive). */
export function atLeast(a: Ratio, b: Ratio): boolean {
  return a.numerator * b.denominator >= b.numerator * a.denominator;
}

/** The ratio as a decimal string truncated (never rounded up) to `digits` places. */
export function truncatedDecimal(ratio: Ratio, digits: number): string {
  const negative = ratio.numerator < 0n;
  const scaled = ((negative ? -ratio.numerator : ratio.numerator) * 10n ** BigInt(digits)) / ratio.denominator;
  const text = scaled.toString().padStart(digits + 1, '0');
  const result = digits > 0 ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return negative ? `-${result}` : result;
}
