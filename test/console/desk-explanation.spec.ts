import fc from 'fast-check';
import i18next, { type TFunction } from 'i18next';
import { en } from '../../apps/console/src/i18n/en';
import { ticketTimelineDictionary } from '../../apps/console/src/ticket-timeline/ticket-timeline.i18n';
import { zhCN } from '../../apps/console/src/i18n/zh-CN';
import { formatDuration, formatInstant } from '../../apps/console/src/i18n/format';
import { formatCountdown, priorityParameter } from '../../apps/console/src/queue/queue-view';
import {
  explainClock,
  stepInstant,
  stepSentence,
  type TimelineClock,
  type TimelineStep,
  type Words,
} from '../../apps/console/src/ticket-timeline/explanation';

const HOUR = 3_600_000;
const MINUTE = 60_000;

let translate: Record<'en' | 'zh-CN', TFunction>;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'en',
    fallbackLng: 'en',
    resources: {
      en: { translation: { ...en, ...ticketTimelineDictionary.en } },
      'zh-CN': { translation: { ...zhCN, ...ticketTimelineDictionary['zh-CN'] } },
    },
    interpolation: { escapeValue: false },
  });
  translate = { en: instance.getFixedT('en'), 'zh-CN': instance.getFixedT('zh-CN') };
});

function words(locale: 'en' | 'zh-CN', timeZone = 'Asia/Shanghai'): Words {
  return {
    t: (key, values) => translate[locale](key, values ?? {}),
    duration: (ms) => formatDuration(ms, locale),
    time: (instant) => formatInstant(instant, locale, timeZone),
    percent: (fraction) => new Intl.NumberFormat(locale, { style: 'percent' }).format(fraction),
  };
}

const at = (time: string) => `2026-03-09T${time}:00.000Z`;
const target = (amount: number) => ({ unit: 'business-hours', amount });

/** A P3 resolution clock paused 2 h 10 min, re-targeted to P1 at 04:00Z keeping 3 h, then breached at 05:00Z. */
function retargetedClock(): TimelineClock {
  const steps: TimelineStep[] = [
    {
      kind: 'started',
      at: at('00:00'),
      priority: 'P3',
      target: target(8),
      budgetMs: 8 * HOUR,
      calendarId: 'cn',
      text: '',
    },
    { kind: 'counted', from: at('00:00'), to: at('01:00'), countedMs: HOUR, totalMs: HOUR, running: false, text: '' },
    { kind: 'paused', from: at('01:00'), to: at('03:10'), lengthMs: 2 * HOUR + 10 * MINUTE, totalMs: HOUR, text: '' },
    {
      kind: 'retargeted',
      at: at('04:00'),
      from: 'P3',
      to: 'P1',
      target: target(4),
      budgetMs: 4 * HOUR,
      totalMs: 3 * HOUR,
      text: '',
    },
    { kind: 'breached', at: at('05:00'), priority: 'P1', budgetMs: 4 * HOUR, revealedAt: null, text: '' },
    { kind: 'stopped', at: at('06:00'), by: 'resolved', totalMs: 5 * HOUR, text: '' },
  ];
  return {
    agreementId: 'cn-sla',
    agreementKind: 'SLA',
    version: 1,
    metric: 'resolution',
    state: 'breached',
    priority: 'P1',
    calendarId: 'cn',
    timeZone: 'Asia/Shanghai',
    elapsedMs: 5 * HOUR,
    targetMs: 4 * HOUR,
    pausedMs: 2 * HOUR + 10 * MINUTE,
    dueAt: null,
    atRiskAt: null,
    breachedAt: at('05:00'),
    stoppedAt: at('06:00'),
    serviceHours: [],
    steps,
    summary: '',
  };
}

/** The ticket timeline's explanation and the queue's countdown: pure code, in both languages. */
describe("the console's ticket timeline explanation", () => {
  it('tells a paused, re-targeted, breached clock in English with its arithmetic', () => {
    const w = words('en');
    const { story, result } = explainClock(retargetedClock(), w);
    expect(story).toBe(
      `Paused ${w.duration(130 * MINUTE)} awaiting the customer; ` +
        `re-targeted from P3 to P1 at ${w.time(at('04:00'))} keeping ${w.duration(3 * HOUR)} elapsed; ` +
        `breached at ${w.time(at('05:00'))}; stopped by the resolution at ${w.time(at('06:00'))}.`,
    );
    expect(result).toBe(
      `Result: breached at ${w.time(at('05:00'))}, ${w.duration(5 * HOUR)} of business time used against ` +
        `${w.duration(4 * HOUR)} (P1). ${w.duration(130 * MINUTE)} paused, not counted.`,
    );
    // The durations read as a desk reads them: "2 hr 10 min".
    expect(w.duration(130 * MINUTE)).toBe('2 hr 10 min');
  });

  it('tells the same clock in Chinese, times on the calendar time zone', () => {
    const w = words('zh-CN');
    const { story, result } = explainClock(retargetedClock(), w);
    expect(story).toBe(
      `等待客户暂停 ${w.duration(130 * MINUTE)}；${w.time(at('04:00'))} 由 P3 调整为 P1，保留已用 ${w.duration(3 * HOUR)}；` +
        `${w.time(at('05:00'))} 违约；${w.time(at('06:00'))} 因解决停止。`,
    );
    expect(result).toContain(`结果：${w.time(at('05:00'))} 违约`);
    expect(result).toContain(`暂停 ${w.duration(130 * MINUTE)} 不计时。`);
    // 05:00 UTC is 13:00 in Shanghai.
    expect(w.time(at('05:00'))).toContain('13:00');
  });

  it('says a running clock is due, and a met one met, without a story when nothing changed its course', () => {
    const w = words('en', 'UTC');
    const base = retargetedClock();
    const running: TimelineClock = {
      ...base,
      state: 'running',
      breachedAt: null,
      stoppedAt: null,
      pausedMs: 0,
      elapsedMs: HOUR,
      dueAt: at('07:00'),
      steps: [base.steps[0]!, base.steps[1]!, { kind: 'due', at: at('07:00'), budgetMs: 8 * HOUR, text: '' }],
    };
    expect(explainClock(running, w)).toEqual({
      story: `Due by ${w.time(at('07:00'))}.`,
      result: `Still running: ${w.duration(HOUR)} of business time used against ${w.duration(4 * HOUR)} (P1).`,
    });
    const met: TimelineClock = { ...running, state: 'met', dueAt: null, steps: [base.steps[0]!, base.steps[1]!] };
    expect(explainClock(met, w).story).toBeNull();
    expect(explainClock(met, w).result).toMatch(/^Result: met, /);
  });

  it('words every step with its figures and instants, in both languages, never leaving a placeholder', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const w = words(locale);
      const sentences = retargetedClock().steps.map((step) => stepSentence(step, w));
      for (const sentence of sentences) expect(sentence).not.toMatch(/\{\{|ticketTimeline\./);
      expect(sentences[1]).toContain(w.time(at('00:00')));
      expect(sentences[2]).toContain(w.duration(130 * MINUTE));
      expect(sentences[3]).toContain(w.duration(3 * HOUR));
    }
    expect(stepInstant(retargetedClock().steps[2]!)).toBe(at('01:00'));
  });

  it('never leaves a placeholder or a key unresolved, whatever the steps', () => {
    const kinds = ['started', 'counted', 'paused', 'retargeted', 'breached', 'at-risk', 'due', 'stopped', 'reopened'];
    const step = fc.record({
      kind: fc.constantFrom(...kinds),
      at: fc.constant(at('02:00')),
      from: fc.constant(at('01:00')),
      to: fc.option(fc.constant(at('02:00')), { nil: null }),
      totalMs: fc.nat(100 * HOUR),
      lengthMs: fc.nat(100 * HOUR),
      countedMs: fc.nat(100 * HOUR),
      budgetMs: fc.nat(100 * HOUR),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
      running: fc.boolean(),
      by: fc.constantFrom('responded', 'resolved', 'closed'),
      revealedAt: fc.option(fc.constant(at('03:00')), { nil: null }),
      text: fc.constant(''),
    }) as fc.Arbitrary<TimelineStep>;
    const state = fc.constantFrom('not-started', 'running', 'paused', 'met', 'breached');
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 8 }),
        state,
        fc.constantFrom('en', 'zh-CN') as fc.Arbitrary<'en' | 'zh-CN'>,
        (steps, state, locale) => {
          const w = words(locale);
          const clock = { ...retargetedClock(), steps, state };
          const { story, result } = explainClock(clock, w);
          for (const text of [story ?? '', result, ...steps.map((one) => stepSentence(one, w))])
            expect(text).not.toMatch(/\{\{|ticketTimeline\.|undefined/);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the console's queue countdown", () => {
  it('counts down in hours, minutes and seconds, cut not rounded, and stops at the instant', () => {
    expect(formatCountdown(2 * HOUR + 5 * MINUTE + 7_999)).toBe('2:05:07');
    expect(formatCountdown(30 * HOUR)).toBe('30:00:00');
    expect(formatCountdown(999)).toBe('0:00:00');
    expect(formatCountdown(0)).toBeNull();
    expect(formatCountdown(-5)).toBeNull();
  });

  it('never shows more time than is left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 * HOUR }), (ms) => {
        const [hours, minutes, seconds] = formatCountdown(ms)!.split(':').map(Number);
        const shown = ((hours! * 60 + minutes!) * 60 + seconds!) * 1000;
        expect(shown).toBeLessThanOrEqual(ms);
        expect(ms - shown).toBeLessThan(1000);
      }),
    );
  });

  it('takes only the priorities the API knows from the URL', () => {
    expect(priorityParameter('P1')).toBe('P1');
    expect(priorityParameter('P9')).toBeUndefined();
    expect(priorityParameter(null)).toBeUndefined();
  });
});
