/** A whole-number benchmark setting from the environment (underscores allowed: 200_000); refuses nonsense by name. */
export function numberFromEnvironment(name: string, fallback: number, minimum: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isFinite(value) || value < minimum)
    throw new Error(`${name} must be a number ≥ ${minimum} (got '${text}')`);
  return Math.floor(value);
}
