import type { Duration, Instant } from '../calendar/business-calendar';
import type { ClockExplanation, ClockStep, StopReason } from './clock-explanation';
import type { TargetDuration } from './sla-targets';

export type ExplanationLanguage = 'en' | 'zh';

/** An explanation in words: one sentence per step, and the result with its arithmetic. */
export type ClockExplanationText = { readonly steps: readonly string[]; readonly summary: string };

const MINUTE = 60_000;

/** "2 h 10 min" / "2小时10分钟": business time in hours and minutes (seconds only under a minute). */
export function formatDuration(duration: Duration, language: ExplanationLanguage): string {
  const unit =
    language === 'zh' ? { h: '小时', min: '分钟', s: '秒', gap: '' } : { h: ' h', min: ' min', s: ' s', gap: ' ' };
  if (duration < MINUTE) return `${Math.round(duration / 1000)}${unit.s}`;
  const totalMinutes = Math.floor(duration / MINUTE);
  const wholeHours = Math.floor(totalMinutes / 60);
  const rest = totalMinutes % 60;
  const parts = [
    ...(wholeHours > 0 ? [`${wholeHours}${unit.h}`] : []),
    ...(rest > 0 || wholeHours === 0 ? [`${rest}${unit.min}`] : []),
  ];
  return parts.join(unit.gap);
}

function formatTarget(target: TargetDuration, language: ExplanationLanguage): string {
  const { amount, unit } = target;
  if (language === 'zh') {
    return `${amount}${unit === 'working-days' ? '个工作日' : unit === 'business-hours' ? '个工作小时' : '个工作分钟'}`;
  }
  const noun =
    unit === 'working-days' ? 'working day' : unit === 'business-hours' ? 'business hour' : 'business minute';
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}

/** The wall clock of `timeZone` through Intl (ICU time-zone data), e.g. "9 Mar 2026, 10:00" / "2026年3月9日 10:00". */
function instantFormatter(language: ExplanationLanguage, timeZone: string): (instant: Instant) => string {
  const format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: language === 'zh' ? 'numeric' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (instant) => format.format(new Date(instant));
}

const STOPPED_BY: Record<ExplanationLanguage, Record<StopReason, string>> = {
  en: { responded: 'the first response', resolved: 'the resolution', closed: 'the closure' },
  zh: { responded: '首次响应', resolved: '解决', closed: '关闭' },
};

/**
 * The explanation in plain words, in English or Chinese, times on the wall clock of `timeZone`: what a service desk
 * reads under the timeline ("paused 2 h 10 min awaiting the customer; re-targeted from P3 to P1 at 12:00 keeping
 * 3 h elapsed; breached at 11:00").
 */
export function describeClockExplanation(
  explanation: ClockExplanation,
  options: { readonly language: ExplanationLanguage; readonly timeZone: string },
): ClockExplanationText {
  const { language } = options;
  const time = instantFormatter(language, options.timeZone);
  const span = (duration: Duration) => formatDuration(duration, language);
  const zh = language === 'zh';
  const sentence = (step: ClockStep): string => {
    switch (step.kind) {
      case 'started':
        return zh
          ? `${time(step.at)} 开始计时：${step.priority}，目标 ${formatTarget(step.target, language)}（日历 ${step.calendarId}）。`
          : `Started at ${time(step.at)}: ${step.priority}, target ${formatTarget(step.target, language)} on calendar ${step.calendarId}.`;
      case 'counted':
        return zh
          ? `${time(step.from)} 至 ${time(step.to)}${step.running ? '（进行中）' : ''} 计入工作时间 ${span(step.counted)}，累计 ${span(step.total)}。`
          : `Counted ${span(step.counted)} of business time from ${time(step.from)} to ${time(step.to)}${step.running ? ' (still running)' : ''}; ${span(step.total)} in all.`;
      case 'paused':
        return zh
          ? `${time(step.from)} 起等待客户暂停 ${span(step.length)}${step.to === null ? '（仍在暂停）' : `，${time(step.to)} 恢复`}；其间不计时，累计保持 ${span(step.total)}。`
          : `Paused ${span(step.length)} awaiting the customer from ${time(step.from)}${step.to === null ? ' (still paused)' : ` to ${time(step.to)}`}; no time counted, ${span(step.total)} so far.`;
      case 'retargeted':
        return zh
          ? `${time(step.at)} 优先级由 ${step.from} 调整为 ${step.to}，保留已用 ${span(step.total)}；新目标 ${formatTarget(step.target, language)}。`
          : `Re-targeted from ${step.from} to ${step.to} at ${time(step.at)}, keeping ${span(step.total)} elapsed; the ${step.to} target is ${formatTarget(step.target, language)}.`;
      case 'breached':
        return zh
          ? `${time(step.at)} 违约：已用工作时间超过 ${step.priority} 目标 ${span(step.budget)}` +
              (step.revealedAt === null ? '。' : `（${time(step.revealedAt)} 调整目标后得知）。`)
          : `Breached at ${time(step.at)}: business time elapsed passed the ${step.priority} target of ${span(step.budget)}` +
              (step.revealedAt === null ? '.' : ` (known from the re-target at ${time(step.revealedAt)}).`);
      case 'at-risk':
        return zh
          ? `${time(step.at)} 达到目标的 ${Math.round(step.fraction * 100)}%（${span(step.total)}），进入风险。`
          : `At risk at ${time(step.at)}, when ${Math.round(step.fraction * 100)} % of the target (${span(step.total)}) is used.`;
      case 'due':
        return zh
          ? `如不停止，将于 ${time(step.at)} 用完目标 ${span(step.budget)}。`
          : `Due by ${time(step.at)}, when the ${span(step.budget)} target is used up unless the clock stops.`;
      case 'stopped':
        return zh
          ? `${time(step.at)} 因${STOPPED_BY.zh[step.by]}停止计时，共用 ${span(step.total)}。`
          : `Stopped at ${time(step.at)} by ${STOPPED_BY.en[step.by]} after ${span(step.total)}.`;
      case 'reopened':
        return zh
          ? `${time(step.at)} 重新打开，从已用 ${span(step.total)} 继续计时。`
          : `Reopened at ${time(step.at)}: the clock runs on from ${span(step.total)}.`;
    }
  };
  return { steps: explanation.steps.map(sentence), summary: summaryOf(explanation, language, time, span) };
}

function summaryOf(
  { evaluation, paused }: ClockExplanation,
  language: ExplanationLanguage,
  time: (instant: Instant) => string,
  span: (duration: Duration) => string,
): string {
  const zh = language === 'zh';
  if (evaluation.state === 'not-started') return zh ? '计时未开始。' : 'The clock has not started.';
  const target = evaluation.targetDuration === null ? null : span(evaluation.targetDuration);
  const pausedPart = paused > 0 ? (zh ? `，暂停 ${span(paused)} 不计` : `, paused ${span(paused)} not counted`) : '';
  const against =
    target === null
      ? ''
      : zh
        ? `（目标 ${target}，${evaluation.priority}）`
        : ` against a ${target} target (${evaluation.priority})`;
  const used = zh
    ? `已用工作时间 ${span(evaluation.elapsed)}${against}${pausedPart}`
    : `${span(evaluation.elapsed)} of business time${against}${pausedPart}`;
  switch (evaluation.state) {
    case 'breached':
      return zh
        ? `结果：违约，${time(evaluation.breachedAt!)} 超出目标；${used}。`
        : `Result: breached at ${time(evaluation.breachedAt!)}; ${used}.`;
    case 'met':
      return zh ? `结果：达标；${used}。` : `Result: met; ${used}.`;
    case 'paused':
      return zh ? `进行中（暂停）：${used}。` : `Paused, not yet decided: ${used}.`;
    case 'running':
      return zh
        ? `进行中：${used}${evaluation.dueAt === null ? '' : `，最迟 ${time(evaluation.dueAt)}`}。`
        : `Running: ${used}${evaluation.dueAt === null ? '' : `, due by ${time(evaluation.dueAt)}`}.`;
  }
}
