/** Nest injection tokens for the infrastructure every feature needs. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_STORE = Symbol('READ_STORE');
export const CLOCK = Symbol('CLOCK');

/** The only way the product learns the current time: tests inject their own. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
