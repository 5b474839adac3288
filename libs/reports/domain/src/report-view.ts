import { parseReportingPeriod } from '@sla/compliance-domain';
import { breachesByCsvOrder, BREACHES_CSV_NAME, breachesCsvPath } from './report-breaches';
import {
  breachesPerPriority,
  KPI_SECTIONS,
  versionsInForce,
  type ReportContent,
  type ReportSection,
} from './report-content';
import { executiveSummary, type ExecutiveSummary } from './executive-summary';
import {
  formatCount,
  formatDay,
  formatDuration,
  formatInstant,
  formatPeriod,
  tablePercent,
  targetPercent,
} from './report-format';
import { fillLabel, labelPair, LABELS, nameOf, type ReportLabels, type ReportLanguage } from './report-labels';

/** What a renderer needs of a revision besides its content. */
export type RenderableRevision = {
  reportId: string;
  revision: number;
  status: string;
  contentHash: string;
  content: ReportContent;
  reason: string | null;
  draftedBy: string;
  approvedBy: string | null;
  publishedAt: string | null;
};

export type ViewColumn = { header: string; weight: number; align?: 'left' | 'right' };
export type ViewTable = { columns: ViewColumn[]; rows: string[][] };
export type ViewBar = { label: string; value: number; max: number; text: string };
export type ViewChart = { bars: ViewBar[]; scale?: { from: string; to: string } };
export type ViewSection = {
  heading: string;
  notes: string[];
  chart?: ViewChart;
  table?: ViewTable;
  empty?: string;
  /** A file with the section's full data (the breach list). */
  download?: { name: string; path: string };
};

/**
 * A revision as a reader sees it, in one language: every label translated,
 * times on the wall clock of the report's zone, percentages cut to two
 * places (the content keeps the exact figures). The HTML page and the PDF
 * both draw this one view, so they always say the same.
 */
export type ReportView = {
  language: ReportLanguage;
  title: string;
  /** Status, authors, publication. */
  meta: string;
  reason: string | null;
  /** Who knowingly reported a period in which no agreement version was in force, and why. */
  acknowledgement: { statement: string; by: string } | null;
  /** Printed across every page of a revision that is not published. */
  watermark: string | null;
  /** Repeated on top of every page: what the report is about, then which revision it is. */
  runningHeader: [string, string];
  summary: { heading: string; lines: string[]; table: ViewTable };
  sections: ViewSection[];
  /** The breaches the tables leave out are in this file (attached to the PDF, served beside it). */
  breachesCsv: { name: string; path: string } | null;
};

/** A long breach table is cut to its most severe rows; the full list goes into the CSV. */
export const BREACH_TABLE_LIMIT = 50;

// Availability bars show the top of the range, where targets sit; a full scale would make 99.5 % and 99.9 % look alike.
const AVAILABILITY_SCALE_FLOOR = 95;

/** Whether a period starts before another; period starts are plain dates, whose ISO text sorts as they do. */
const startsBefore = (period: string, first: string) => {
  const [a, b] = [parseReportingPeriod(period), parseReportingPeriod(first)];
  return a !== null && b !== null && a.start.toString() < b.start.toString();
};

export function buildReportView(
  revision: RenderableRevision,
  language: ReportLanguage,
  /** `medium`: where the full breach list is (attached to a PDF, linked from a page). */
  options: { breachLimit?: number; medium?: 'pdf' | 'html' } = {},
): ReportView {
  const label = LABELS[language];
  const content = revision.content;
  const zone = content.timeZone;
  const wanted = (section: ReportSection) => !content.sections || content.sections.includes(section);
  const at = (iso: string | null | undefined) => formatInstant(iso, zone, language);
  const metric = (name: string) => nameOf(language, 'metric', name);
  const yesNo = (value: boolean | null | undefined) =>
    value === null || value === undefined ? '—' : value ? label.yes : label.no;
  const period = formatPeriod(content.period, language);
  const agreement = content.agreement;
  const versions = versionsInForce(content).join(', ') || label.none;
  const status = nameOf(language, 'status', revision.status);

  const pair = (name: string, value: string | number) => labelPair(language, name, value);
  const title = pair(
    label.title,
    agreement ? `${agreement.title} — ${agreement.customer} — ${period}` : `${content.agreementId} — ${period}`,
  );
  const agreementName = agreement ? `${agreement.title} (${content.agreementId})` : content.agreementId;
  const runningHeader: ReportView['runningHeader'] = [
    [
      pair(label.agreement, agreementName),
      ...(agreement ? [pair(label.customer, agreement.customer)] : []),
      pair(label.period, `${period} (${zone})`),
    ].join(' · '),
    [pair(label.version, versions), `${label.revision} ${revision.revision}`, pair(label.status, status)].join(' · '),
  ];
  const meta = [
    pair(label.status, status),
    pair(label.draftedBy, revision.draftedBy),
    pair(label.approvedBy, revision.approvedBy ?? '—'),
    pair(label.publishedAt, at(revision.publishedAt)),
  ].join(' · ');

  const sections: ViewSection[] = [];
  const availabilityBar = (name: string, value: string | null, text: string): ViewBar => ({
    label: name,
    value: Number(value ?? 0) - AVAILABILITY_SCALE_FLOOR,
    max: 100 - AVAILABILITY_SCALE_FLOOR,
    text,
  });
  const availabilityScale = { from: `${AVAILABILITY_SCALE_FLOOR} %`, to: '100 %' };

  if (content.availability && wanted('availability')) {
    sections.push({
      heading: label.availability,
      notes: [],
      chart: {
        bars: content.availability.map((line) =>
          availabilityBar(
            `${line.serviceId} v${line.version}`,
            line.availabilityPercent,
            `${tablePercent(line.availabilityPercent)} (${label.target} ${targetPercent(line.targetPercentage)})`,
          ),
        ),
        scale: availabilityScale,
      },
      table: {
        columns: [
          col(label.service, 3),
          col(label.versionShort, 1.2, 'right'),
          col(label.actual, 1.5, 'right'),
          col(label.target, 1.5, 'right'),
          col(label.targetMet, 1.2),
        ],
        rows: content.availability.map((line) => [
          line.serviceId,
          String(line.version),
          tablePercent(line.availabilityPercent),
          targetPercent(line.targetPercentage),
          yesNo(line.targetMet),
        ]),
      },
    });
  }

  // 'targets' is the report definition's name for performance against the response and resolution targets.
  if (content.responseResolution && wanted('targets')) {
    const rows = content.responseResolution;
    sections.push({
      heading: label.compliance,
      notes: [],
      chart: {
        bars: rows.map((line) => ({
          label: `${line.serviceId} ${line.priority} ${metric(line.metric)}`,
          value: Number(line.percentWithinTarget ?? 0),
          max: 100,
          text: tablePercent(line.percentWithinTarget),
        })),
      },
      table: {
        columns: [
          col(label.service, 1.9),
          col(label.priority, 0.9),
          col(label.metric, 1.2),
          col(label.targetTime, 2.1),
          col(label.met, 0.8, 'right'),
          col(label.breached, 1.1, 'right'),
          col(label.open, 0.8, 'right'),
          col(label.within, 1.3, 'right'),
          col(label.targetMet, 1.2),
        ],
        rows: rows.map((line) => [
          line.serviceId,
          line.priority,
          metric(line.metric),
          line.target === undefined ? '—' : formatDuration(line.target, language),
          String(line.met),
          String(line.breached),
          String(line.open),
          tablePercent(line.percentWithinTarget),
          yesNo(responseTargetMet(line)),
        ]),
      },
    });
  }

  let breachesCsv: ReportView['breachesCsv'] = null;
  if (content.breaches && wanted('breaches')) {
    const perPriority = breachesPerPriority(content);
    const highest = Math.max(1, ...perPriority.map((entry) => entry.count));
    const ordered = breachesByCsvOrder(content.breaches);
    const limit = options.breachLimit ?? BREACH_TABLE_LIMIT;
    const html = options.medium === 'html';
    const shown = ordered.slice(0, limit);
    const notes: string[] = [];
    if (ordered.length > 0) {
      breachesCsv = { name: BREACHES_CSV_NAME, path: breachesCsvPath(revision.reportId, revision.revision) };
      notes.push(
        ordered.length > shown.length
          ? fillLabel(label.breachesShown, {
              shown: formatCount(shown.length),
              total: formatCount(ordered.length),
              list: fillLabel(html ? label.breachesListHtml : label.breachesListPdf, {
                file: BREACHES_CSV_NAME,
                path: breachesCsv.path,
              }),
            })
          : fillLabel(html ? label.breachesDownload : label.breachesAttached, { file: BREACHES_CSV_NAME }),
      );
    }
    sections.push({
      heading: label.breaches,
      notes,
      ...(breachesCsv ? { download: breachesCsv } : {}),
      chart: {
        bars: perPriority.map((entry) => ({
          label: entry.priority,
          value: entry.count,
          max: highest,
          text: formatCount(entry.count),
        })),
      },
      ...(shown.length === 0
        ? { empty: label.none }
        : {
            table: {
              // Weights in points of an A4 page's 515 pt text width: a local time fits on one line.
              columns: [
                col(label.ticket, 52),
                col(label.metric, 50),
                col(label.priority, 40),
                col(label.versionShort, 36, 'right'),
                col(`${label.breachedAt} (${zone})`, 90),
                col(label.followUp, 46),
                col(label.notified, 76),
                col(label.rootCause, 74),
                col(label.credit, 52),
              ],
              rows: shown.map((breach) => [
                breach.ticketId,
                metric(breach.metric),
                breach.priority ?? '—',
                String(breach.version),
                breach.retractedAt
                  ? `${at(breach.breachedAt)}\n${labelPair(language, label.retracted, at(breach.retractedAt))}`
                  : at(breach.breachedAt),
                nameOf(language, 'followUp', breach.followUp?.status),
                at(breach.followUp?.notifiedAt),
                breach.followUp?.rootCause ?? '—',
                breach.followUp?.credit?.credit ?? '—',
              ]),
            },
          }),
    });
  }

  if (content.trend && wanted('trend')) {
    const trendFrom = content.trendFrom;
    const points = trendFrom ? content.trend.filter((point) => !startsBefore(point.period, trendFrom)) : content.trend;
    sections.push({
      heading: label.trend,
      notes: trendFrom ? [fillLabel(label.trendFrom, { period: formatPeriod(trendFrom, language) })] : [],
      // A trend of one period has nothing to compare: its table row is enough.
      ...(points.length < 2
        ? {}
        : {
            chart: {
              bars: points.flatMap((point) =>
                point.availability.map((line) =>
                  availabilityBar(
                    `${formatPeriod(point.period, language)} ${line.serviceId}`,
                    line.availabilityPercent,
                    tablePercent(line.availabilityPercent),
                  ),
                ),
              ),
              scale: availabilityScale,
            },
          }),
      table: {
        columns: [
          col(label.period, 1.4),
          col(label.availability, 2.8),
          col(label.responseWithinTarget, 1.5, 'right'),
          col(label.resolutionWithinTarget, 1.5, 'right'),
          col(label.breachCount, 1, 'right'),
        ],
        rows: points.map((point) => [
          formatPeriod(point.period, language),
          point.availability.map((line) => `${line.serviceId}: ${tablePercent(line.availabilityPercent)}`).join('\n') ||
            '—',
          tablePercent(point.responseWithinTarget),
          tablePercent(point.resolutionWithinTarget),
          formatCount(point.breaches),
        ]),
      },
    });
  }

  const kpiSectionOf = (kpi: string) => KPI_SECTIONS[kpi] ?? 'kpis';
  const kpiSections: ReportSection[] = ['kpis', ...Object.values(KPI_SECTIONS)];
  if (content.kpis && kpiSections.some(wanted)) {
    const kpis = content.kpis.filter((kpi) => wanted(kpiSectionOf(kpi.kpi)));
    sections.push({
      heading: label.kpis,
      notes: [],
      ...(kpis.length === 0
        ? { empty: label.none }
        : {
            table: {
              columns: [
                col(label.kpi, 3),
                col(label.actual, 1.3, 'right'),
                col(label.goal, 2, 'right'),
                col(label.met, 1),
              ],
              rows: kpis.map((kpi) => [
                nameOf(language, 'kpi', kpi.kpi),
                kpiValue(kpi),
                kpiGoal(kpi, language),
                yesNo(kpi.met),
              ]),
            },
          }),
    });
  }

  if (content.improvementPlans && wanted('improvement-plans')) {
    const plans = content.improvementPlans;
    sections.push({
      heading: label.improvementPlans,
      notes: [],
      ...(plans.length === 0
        ? { empty: label.none }
        : {
            table: {
              columns: [
                col(label.item, 4),
                col(label.phase, 1.3),
                col(label.progress, 1, 'right'),
                col(label.due, 1.5),
                col(label.owner, 1.3),
              ],
              rows: plans.map((plan) => [
                plan.item,
                nameOf(language, 'phase', plan.phase),
                `${plan.percentComplete} %`,
                formatDay(plan.dueAt, zone, language),
                plan.owner ?? '—',
              ]),
            },
          }),
    });
  }

  return {
    language,
    title,
    meta,
    reason: revision.reason,
    acknowledgement: content.noVersionInForce
      ? {
          statement: label.noVersionInForce,
          by: `${content.noVersionInForce.acknowledgedBy}: ${content.noVersionInForce.reason}`,
        }
      : null,
    watermark: revision.status === 'published' ? null : label.watermark,
    runningHeader,
    summary: summaryOf(executiveSummary(content), label, language),
    sections,
    breachesCsv,
  };
}

const col = (header: string, weight: number, align?: 'left' | 'right'): ViewColumn => ({
  header,
  weight,
  ...(align ? { align } : {}),
});

/** A response or resolution target is met for the period when no ticket breached it; unmeasured without tickets. */
export function responseTargetMet(line: { met: number; breached: number; open: number }): boolean | null {
  if (line.breached > 0) return false;
  return line.met > 0 ? true : null;
}

// A KPI with a denominator is a percentage; one without (major incidents) a count.
const kpiValue = (kpi: { value: string | null; denominator?: number | null }) =>
  kpi.value === null ? '—' : kpi.denominator === null ? kpi.value : tablePercent(kpi.value);

function kpiGoal(kpi: { kpi: string; goal: string }, language: ReportLanguage): string {
  // The stored goal is the KPI summary's English text; a known KPI's goal is named in the report's language.
  const known = nameOf(language, 'kpiGoal', kpi.kpi);
  return known === kpi.kpi ? kpi.goal : known;
}

function summaryOf(summary: ExecutiveSummary, label: ReportLabels, language: ReportLanguage): ReportView['summary'] {
  // Chinese text takes its own punctuation: 、 between items, ； between clauses.
  const [items, clauses] = language === 'zh' ? ['、', '；'] : [', ', '; '];
  const outcome = (met: boolean | null) => (met === null ? label.notMeasured : met ? label.outcomeMet : label.missed);
  const lines: string[] = [];
  const measured = summary.targets.filter((target) => target.met !== null);
  const missed = measured.filter((target) => target.met === false);
  const name = (target: ExecutiveSummary['targets'][number]) =>
    target.kind === 'availability'
      ? `${label.availability} ${target.serviceId}`
      : `${target.serviceId} ${target.priority} ${nameOf(language, 'metric', target.metric)}`;
  if (measured.length > 0) {
    const count = fillLabel(label.summaryTargets, { met: measured.length - missed.length, total: measured.length });
    lines.push(
      missed.length > 0
        ? `${count}${clauses}${fillLabel(label.summaryTargetsMissed, { list: missed.map(name).join(items) })}`
        : count,
    );
  }
  for (const term of summary.targets.filter((target) => target.kind === 'availability')) {
    lines.push(
      fillLabel(label.summaryAvailability, {
        service: term.serviceId,
        actual: tablePercent(term.actual),
        target: targetPercent(term.targetPercentage),
        outcome: outcome(term.met),
      }),
    );
  }
  if (summary.breaches !== null) {
    const perPriority = summary.breaches.perPriority
      .filter((entry) => entry.count > 0)
      .map((entry) => labelPair(language, entry.priority, formatCount(entry.count)));
    lines.push(
      summary.breaches.total === 0
        ? label.summaryNoBreaches
        : fillLabel(label.summaryBreaches, {
            count: formatCount(summary.breaches.total),
            perPriority: perPriority.join(items),
          }),
    );
  }
  const credits = summary.serviceCredits;
  if (credits.state === 'not-recorded') lines.push(label.creditsNotRecorded);
  else if (credits.state === 'none-defined') lines.push(label.creditsNoneDefined);
  else if (credits.triggered.length === 0) lines.push(label.creditsNoneTriggered);
  else {
    const detail = credits.triggered
      .map((credit) =>
        labelPair(language, `${credit.ticketId} ${nameOf(language, 'metric', credit.metric)}`, credit.credit),
      )
      .join(clauses);
    lines.push(
      fillLabel(label.creditsTriggered, { count: credits.triggered.length }) +
        (language === 'zh' ? `（${detail}）` : ` (${detail})`),
    );
  }
  if (summary.kpis.total > 0)
    lines.push(fillLabel(label.summaryKpis, { met: summary.kpis.met, total: summary.kpis.total }));
  return {
    heading: label.executiveSummary,
    lines,
    table: {
      columns: [
        col(label.target, 3),
        col(label.actual, 1.3, 'right'),
        col(label.agreed, 1.6, 'right'),
        col(label.outcome, 1.2),
      ],
      rows: summary.targets.map((target) => [
        name(target),
        tablePercent(target.actual),
        target.kind === 'availability'
          ? targetPercent(target.targetPercentage)
          : formatDuration(target.targetTime, language),
        outcome(target.met),
      ]),
    },
  };
}
