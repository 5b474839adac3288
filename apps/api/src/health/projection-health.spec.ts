import type { ProjectionStatus } from '@sla/projection-runtime';
import { judgeProjection } from './projection-health';

const thresholds = { lagWarningEvents: 1_000, stallWarningSeconds: 60 };
const now = new Date('2026-03-10T12:00:00Z');
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1_000);
const status = (overrides: Partial<ProjectionStatus>): ProjectionStatus => ({
  name: 'tickets',
  version: 1,
  checkpoint: '0/0',
  eventsApplied: 0,
  updatedAt: secondsAgo(5),
  lag: 0,
  lagIsAtLeast: false,
  oldestPendingRecordedAt: null,
  lastError: null,
  ...overrides,
});

describe('judgeProjection', () => {
  it('is up to date with nothing pending, however long ago it last moved', () => {
    expect(judgeProjection(status({ updatedAt: secondsAgo(86_400) }), thresholds, now)).toMatchObject({
      state: 'up-to-date',
      warning: null,
    });
  });

  it('is catching up with a few recent events pending', () => {
    const pending = status({ lag: 20, oldestPendingRecordedAt: secondsAgo(2) });
    expect(judgeProjection(pending, thresholds, now)).toMatchObject({ state: 'catching-up', warning: null });
  });

  it('is not stalled the moment an event arrives after a long idle time', () => {
    const justArrived = status({ lag: 1, updatedAt: secondsAgo(86_400), oldestPendingRecordedAt: secondsAgo(1) });
    expect(judgeProjection(justArrived, thresholds, now).state).toBe('catching-up');
  });

  it('is lagging above the event threshold, naming the projection and the count', () => {
    const behind = status({ lag: 10_000, lagIsAtLeast: true, oldestPendingRecordedAt: secondsAgo(2) });
    expect(judgeProjection(behind, thresholds, now)).toMatchObject({
      state: 'lagging',
      warning: 'projection tickets lags by 10000+ event(s) pending (more than 1000)',
    });
  });

  it('is stalled when neither the checkpoint nor a new event moved for longer than the stall threshold', () => {
    const stuck = status({ lag: 3, updatedAt: secondsAgo(600), oldestPendingRecordedAt: secondsAgo(61) });
    expect(judgeProjection(stuck, thresholds, now)).toMatchObject({
      state: 'stalled',
      warning: 'projection tickets has not advanced for 61 s with 3 event(s) pending: is a projector running?',
    });
  });

  it('reports a failing projection before anything else', () => {
    const failing = status({ lag: 5_000, lastError: 'relation "ticket" does not exist' });
    expect(judgeProjection(failing, thresholds, now)).toMatchObject({
      state: 'failing',
      warning: 'projection tickets is failing: relation "ticket" does not exist',
    });
  });
});
