/**
 * SLA clock throughput on one core (the process is single-threaded).
 *
 *   npm run bench:clock
 */
import os from 'node:os';
import {
  BusinessCalendar,
  evaluateTicketClocks,
  hours,
  parseCalendarDefinition,
  referenceTargetTable,
  type TicketFact,
} from '@sla/sla-clock';

const DURATIONS = Number(process.env.BENCH_DURATIONS ?? 2_000_000);
const TICKETS = Number(process.env.BENCH_TICKETS ?? 200_000);

// A deterministic generator: the same inputs on every run.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const wholeMilliseconds = (value: number) => Math.floor(value);

const office = new BusinessCalendar(
  parseCalendarDefinition({
    id: 'office',
    name: 'Berlin office hours',
    timeZone: 'Europe/Berlin',
    versions: [
      {
        weeklyWindows: {
          mon: ['08:00-12:00', '13:00-17:00'],
          tue: ['08:00-12:00', '13:00-17:00'],
          wed: ['08:00-12:00', '13:00-17:00'],
          thu: ['08:00-12:00', '13:00-17:00'],
          fri: ['08:00-12:00', '13:00-17:00'],
        },
        holidays: { national: { country: 'DE', subdivision: 'BE' }, dates: [] },
      },
    ],
  }),
);
const roundTheClock = new BusinessCalendar(
  parseCalendarDefinition({
    id: '24x7',
    name: '24x7',
    timeZone: 'Europe/Berlin',
    versions: [{ weeklyWindows: '24x7' }],
  }),
);
const calendars = new Map([office, roundTheClock].map((calendar) => [calendar.id, calendar]));
const targets = referenceTargetTable({ roundTheClock: '24x7', businessHours: 'office' });

const YEAR_START = Date.parse('2026-01-01T00:00:00Z');
const YEAR = 365 * 24 * 3_600_000;

function measure(label: string, count: number, work: () => void): number {
  const started = process.hrtime.bigint();
  work();
  const rate = count / (Number(process.hrtime.bigint() - started) / 1e9);
  console.log(`${label.padEnd(58)} ${Math.round(rate).toLocaleString('en').padStart(12)} /s`);
  return rate;
}

const starts = Float64Array.from({ length: DURATIONS }, () => wholeMilliseconds(YEAR_START + random() * YEAR));
const ends = Float64Array.from(starts, (start) => wholeMilliseconds(start + random() * hours(24 * 14)));
// Warm the indexes (built once per calendar and year range) before timing.
office.businessDuration(YEAR_START - YEAR, YEAR_START + 2 * YEAR);

console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}; one core\n`);
let sink = 0;
const durationRate = measure(
  `business duration between two instants (${DURATIONS.toLocaleString('en')})`,
  DURATIONS,
  () => {
    for (let index = 0; index < DURATIONS; index += 1) sink += office.businessDuration(starts[index], ends[index]);
  },
);
measure('instant when a business duration has elapsed', DURATIONS, () => {
  for (let index = 0; index < DURATIONS; index += 1)
    sink += office.instantWhenElapsed(starts[index], ends[index] - starts[index]) ?? 0;
});

const priorities = ['P1', 'P2', 'P3', 'P4'] as const;
const tickets: { facts: TicketFact[]; asOf: number }[] = Array.from({ length: TICKETS }, () => {
  const opened = wholeMilliseconds(YEAR_START + random() * YEAR);
  const facts: TicketFact[] = [{ type: 'opened', at: opened, priority: priorities[Math.floor(random() * 4)] }];
  let at = opened;
  const step = () => (at += wholeMilliseconds(random() * hours(6)));
  facts.push({ type: 'responded', at: step() });
  if (random() < 0.3) facts.push({ type: 'paused', at: step() }, { type: 'resumed', at: step() });
  if (random() < 0.2)
    facts.push({ type: 'priority-changed', at: step(), priority: priorities[Math.floor(random() * 4)] });
  facts.push({ type: 'resolved', at: step() });
  if (random() < 0.1) facts.push({ type: 'reopened', at: step() }, { type: 'resolved', at: step() });
  return { facts, asOf: at + hours(1) };
});
// Warm-up: working-day targets resolve deadlines through the calendar.
for (const ticket of tickets.slice(0, 1_000)) evaluateTicketClocks({ ...ticket, targets, calendars });
const evaluationRate = measure(
  `full ticket-clock evaluations (${TICKETS.toLocaleString('en')} tickets)`,
  TICKETS,
  () => {
    for (const ticket of tickets) sink += evaluateTicketClocks({ ...ticket, targets, calendars }).resolution.elapsed;
  },
);

console.log(
  `\naims: durations ≥ 1,000,000/s ${durationRate >= 1_000_000 ? 'met' : 'MISSED'}; evaluations ≥ 200,000/s ${evaluationRate >= 200_000 ? 'met' : 'MISSED'}`,
);
if (sink === Number.NEGATIVE_INFINITY) console.log(sink);
