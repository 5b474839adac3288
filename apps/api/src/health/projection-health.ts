import type { ProjectionStatus } from '@sla/projection-runtime';

export type ProjectionHealthThresholds = {
  /** More events than this left to apply is lagging. */
  readonly lagWarningEvents: number;
  /** Events pending and no progress for this long is stalled. */
  readonly stallWarningSeconds: number;
};

export type ProjectionState = 'up-to-date' | 'catching-up' | 'lagging' | 'stalled' | 'failing';

export type ProjectionHealth = ProjectionStatus & {
  readonly state: ProjectionState;
  /** Why this projection degrades /health, naming it; null when it does not. */
  readonly warning: string | null;
};

/**
 * How one projection stands at `now`. Stalled: nothing advanced it since
 * its first pending event was recorded, for longer than the threshold. The
 * later of the two instants counts, so a projection idle for hours is not
 * stalled the moment a new event arrives.
 */
export function judgeProjection(
  status: ProjectionStatus,
  thresholds: ProjectionHealthThresholds,
  now: Date,
): ProjectionHealth {
  const judged = (state: ProjectionState, warning: string | null): ProjectionHealth => ({ ...status, state, warning });
  if (status.lastError) return judged('failing', `projection ${status.name} is failing: ${status.lastError}`);
  if (status.lag === 0) return judged('up-to-date', null);
  const lastMoved = Math.max(status.updatedAt?.getTime() ?? 0, status.oldestPendingRecordedAt?.getTime() ?? 0);
  const stalledSeconds = Math.floor((now.getTime() - lastMoved) / 1_000);
  const pending = `${status.lag}${status.lagIsAtLeast ? '+' : ''} event(s) pending`;
  if (stalledSeconds > thresholds.stallWarningSeconds) {
    return judged(
      'stalled',
      `projection ${status.name} has not advanced for ${stalledSeconds} s with ${pending}: is a projector running?`,
    );
  }
  if (status.lag > thresholds.lagWarningEvents) {
    return judged('lagging', `projection ${status.name} lags by ${pending} (more than ${thresholds.lagWarningEvents})`);
  }
  return judged('catching-up', null);
}
