import type { paths } from '../api/schema';

type TimelineAnswer =
  paths['/compliance/tickets/{ticketId}/timeline']['get']['responses'][200]['content']['application/json'];
export type TimelineClock = TimelineAnswer['clocks'][number];
export type TimelineStep = TimelineClock['steps'][number];
export type TimelineFact = TimelineAnswer['facts'][number];

/**
 * What the explanation needs from the page, so the builder stays pure (and testable without a browser): a translator
 * over the `ticketTimeline` section, and formatters for business durations, instants (in the clock's time zone) and
 * fractions, all in the user's locale.
 */
export type Words = {
  t: (key: string, values?: Record<string, string>) => string;
  duration: (milliseconds: number) => string;
  time: (instant: string) => string;
  percent: (fraction: number) => string;
};

const STOPPED_BY = ['responded', 'resolved', 'closed'] as const;

function targetText(target: TimelineStep['target'], words: Words): string {
  if (!target) return words.t('ticketTimeline.explain.resultNotStarted');
  return words.t(`ticketTimeline.unit.${target.unit}`, { amount: String(target.amount) });
}

function stoppedBy(by: string | undefined, words: Words): string {
  const reason = STOPPED_BY.find((known) => known === by) ?? 'closed';
  return words.t(`ticketTimeline.stoppedBy.${reason}`);
}

/** One step of the clock in words, with the business-time arithmetic the API did (the steps table's last column). */
export function stepSentence(step: TimelineStep, words: Words): string {
  const { t, duration, time } = words;
  const total = duration(step.totalMs ?? 0);
  switch (step.kind) {
    case 'started':
      return t('ticketTimeline.step.started', {
        priority: step.priority ?? '—',
        target: targetText(step.target, words),
        calendar: step.calendarId ?? '—',
      });
    case 'counted':
      return t(step.running ? 'ticketTimeline.step.countedRunning' : 'ticketTimeline.step.counted', {
        counted: duration(step.countedMs ?? 0),
        from: time(step.from!),
        to: time(step.to!),
        total,
      });
    case 'paused':
      return step.to
        ? t('ticketTimeline.step.paused', { length: duration(step.lengthMs ?? 0), to: time(step.to), total })
        : t('ticketTimeline.step.pausedOngoing', { length: duration(step.lengthMs ?? 0), total });
    case 'retargeted':
      return t('ticketTimeline.step.retargeted', {
        from: step.from ?? '—',
        to: step.to ?? '—',
        total,
        target: targetText(step.target, words),
      });
    case 'at-risk':
      return t('ticketTimeline.step.atRisk', { percent: words.percent(step.fraction ?? 0), total });
    case 'breached': {
      const values = { priority: step.priority ?? '—', budget: duration(step.budgetMs ?? 0) };
      return step.revealedAt
        ? t('ticketTimeline.step.breachedRevealed', { ...values, revealedAt: time(step.revealedAt) })
        : t('ticketTimeline.step.breached', values);
    }
    case 'due':
      return t('ticketTimeline.step.due', { budget: duration(step.budgetMs ?? 0) });
    case 'stopped':
      return t('ticketTimeline.step.stopped', { by: stoppedBy(step.by, words), total });
    case 'reopened':
      return t('ticketTimeline.step.reopened', { total });
  }
}

/** The instant a step happened at: its own, or the start of the stretch or pause it covers. */
export function stepInstant(step: TimelineStep): string {
  return step.kind === 'counted' || step.kind === 'paused' ? step.from! : step.at!;
}

/**
 * The clock's story in one sentence and its result with the arithmetic, in the manner of "paused 2 h 10 min awaiting
 * the customer; re-targeted from P3 to P1 at 12:00 keeping 3 h elapsed; breached at 11:00". The clauses are the steps
 * that changed the clock's course (pauses, re-targets, reopenings, at-risk, breach, stop, and the target instant of a
 * clock still running); the plain counting of business time is in the result's figures.
 */
export function explainClock(clock: TimelineClock, words: Words): { story: string | null; result: string } {
  const { t, duration, time } = words;
  const clauses: string[] = [];
  for (const step of clock.steps) {
    const total = duration(step.totalMs ?? 0);
    switch (step.kind) {
      case 'paused':
        clauses.push(
          t(step.to ? 'ticketTimeline.explain.paused' : 'ticketTimeline.explain.pausedOngoing', {
            length: duration(step.lengthMs ?? 0),
          }),
        );
        break;
      case 'retargeted':
        clauses.push(
          t('ticketTimeline.explain.retargeted', {
            from: step.from ?? '—',
            to: step.to ?? '—',
            at: time(step.at!),
            total,
          }),
        );
        break;
      case 'reopened':
        clauses.push(t('ticketTimeline.explain.reopened', { at: time(step.at!), total }));
        break;
      case 'at-risk':
        clauses.push(t('ticketTimeline.explain.atRisk', { at: time(step.at!) }));
        break;
      case 'breached':
        clauses.push(t('ticketTimeline.explain.breached', { at: time(step.at!) }));
        break;
      case 'stopped':
        clauses.push(t('ticketTimeline.explain.stopped', { by: stoppedBy(step.by, words), at: time(step.at!) }));
        break;
      case 'due':
        if (clock.state === 'running') clauses.push(t('ticketTimeline.explain.due', { at: time(step.at!) }));
        break;
      default:
        break;
    }
  }
  const story =
    clauses.length === 0
      ? null
      : t('ticketTimeline.explain.sentence', { text: capitalise(clauses.join(t('ticketTimeline.explain.separator'))) });
  return { story, result: resultSentence(clock, words) };
}

function resultSentence(clock: TimelineClock, words: Words): string {
  const { t, duration, time } = words;
  if (clock.state === 'not-started') return t('ticketTimeline.explain.resultNotStarted');
  const elapsed = duration(clock.elapsedMs);
  const paused =
    clock.pausedMs > 0 ? t('ticketTimeline.explain.pausedNotCounted', { paused: duration(clock.pausedMs) }) : '';
  if (clock.targetMs === null) return t('ticketTimeline.explain.resultNoTarget', { elapsed }) + paused;
  const values = { elapsed, target: duration(clock.targetMs), priority: clock.priority ?? '—' };
  const key =
    clock.state === 'breached' && clock.breachedAt
      ? 'resultBreached'
      : clock.state === 'met'
        ? 'resultMet'
        : clock.state === 'paused'
          ? 'resultPaused'
          : 'resultRunning';
  const at = clock.breachedAt ? time(clock.breachedAt) : '';
  return t(`ticketTimeline.explain.${key}`, { ...values, at }) + paused;
}

/** Sentence case for scripts that have it (Chinese text passes through unchanged). */
function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
