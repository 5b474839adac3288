import { Alert, Card, Descriptions, Space, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts';
import type { TFunction } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../charts/chart';
import { formatDuration, formatInstant } from '../i18n/format';
import { useAgreementTitles, useServiceNames } from '../queue/names.queries';
import { StateTag } from '../queue/state-tags';
import { navigate, useLocation } from '../shell/location';
import {
  explainClock,
  stepInstant,
  stepSentence,
  type TimelineClock,
  type TimelineFact,
  type TimelineStep,
  type Words,
} from './explanation';
import { useTicket, useTicketClocks, useTimeline } from './ticket-timeline.queries';
import { addPageDictionary } from '../i18n/page-dictionary';
import { ticketTimelineDictionary } from './ticket-timeline.i18n';

addPageDictionary(ticketTimelineDictionary);

const MARK_COLOURS = { atRisk: '#ad6800', due: '#0958d9', breached: '#cf1322', stopped: '#389e0d' } as const;

function Scrolling({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </div>
  );
}

/** The words of the explanation in the user's locale, instants on the wall clock of the clock's calendar. */
function wordsFor(t: TFunction, locale: string, timeZone: string): Words {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    t: (key, values) => t(key, values ?? {}),
    duration: (milliseconds) => formatDuration(milliseconds, locale),
    time: (instant) => formatInstant(instant, locale, timeZone),
    percent: (fraction) => percent.format(fraction),
  };
}

/** A band from `from` to `to` on one row of the axis (service hours, pauses). */
const band = (params: CustomSeriesRenderItemParams, chartApi: CustomSeriesRenderItemAPI) => {
  void params;
  const row = chartApi.value(0);
  const start = chartApi.coord([chartApi.value(1), row]);
  const end = chartApi.coord([chartApi.value(2), row]);
  const height = (chartApi.size!([0, 1]) as number[])[1]! * 0.6;
  return {
    type: 'rect',
    shape: { x: start[0]!, y: start[1]! - height / 2, width: Math.max(end[0]! - start[0]!, 2), height },
    style: chartApi.style(),
  };
};

function chartOption(clock: TimelineClock, facts: readonly TimelineFact[], asOf: string, t: TFunction, locale: string) {
  const zone = clock.timeZone;
  const axisTime = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  });
  const instants = [
    ...clock.steps.map(stepInstant),
    ...facts.map((fact) => fact.occurredAt),
    clock.dueAt,
    clock.atRiskAt,
    clock.breachedAt,
    clock.stoppedAt,
  ].flatMap((instant) => (instant ? [Date.parse(instant)] : []));
  const start = Math.min(...instants);
  const end = Math.max(...instants, clock.stoppedAt ? 0 : Date.parse(asOf));
  const margin = Math.max((end - start) * 0.03, 60_000);
  const pauses = clock.steps
    .filter((step) => step.kind === 'paused')
    .map((step) => [1, Date.parse(step.from!), Date.parse(step.to ?? asOf)]);
  // Marks at one instant (a breach at the target instant) share one line and one label, so labels never overlap.
  const byInstant = new Map<number, (keyof typeof MARK_COLOURS)[]>();
  for (const [kind, instant] of [
    ['atRisk', clock.atRiskAt],
    ['due', clock.dueAt],
    ['breached', clock.breachedAt],
    ['stopped', clock.stoppedAt],
  ] as const)
    if (instant) byInstant.set(Date.parse(instant), [...(byInstant.get(Date.parse(instant)) ?? []), kind]);
  const marks = [...byInstant].map(([instant, kinds]) => {
    const kind = kinds.at(-1)!;
    const label = kinds.map((one) => t(`ticketTimeline.marks.${one}`)).join(' / ');
    return {
      xAxis: instant,
      name: label,
      lineStyle: { color: MARK_COLOURS[kind], type: kind === 'due' ? 'dashed' : 'solid', width: 2 },
      label: { formatter: label, color: MARK_COLOURS[kind] },
    };
  });
  const option: ChartOption = {
    tooltip: {
      formatter: (item: { seriesName?: string; value?: unknown[]; name?: string }) => {
        const value = item.value ?? [];
        const from = typeof value[1] === 'number' ? value[1] : typeof value[0] === 'number' ? value[0] : null;
        const to = typeof value[2] === 'number' ? value[2] : null;
        const when =
          from === null
            ? ''
            : to === null
              ? axisTime.format(from)
              : `${axisTime.format(from)} – ${axisTime.format(to)}`;
        return `${item.seriesName ?? ''}${item.name ? `: ${item.name}` : ''}<br/>${when}`;
      },
    },
    grid: { left: 110, right: 32, top: 32, bottom: 40 },
    xAxis: {
      type: 'time',
      min: start - margin,
      max: end + margin,
      axisLabel: { formatter: (value: number) => axisTime.format(value), hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      data: [t('ticketTimeline.rows.serviceHours'), t('ticketTimeline.rows.pauses'), t('ticketTimeline.rows.facts')],
    },
    series: [
      {
        type: 'custom',
        name: t('ticketTimeline.rows.serviceHours'),
        itemStyle: { color: '#95de64', opacity: 0.6 },
        renderItem: band,
        encode: { x: [1, 2], y: 0 },
        data: clock.serviceHours.map((window) => [0, Date.parse(window.from), Date.parse(window.to)]),
      },
      {
        type: 'custom',
        name: t('ticketTimeline.rows.pauses'),
        itemStyle: { color: '#8c8c8c' },
        renderItem: band,
        encode: { x: [1, 2], y: 0 },
        data: pauses,
      },
      {
        type: 'scatter',
        name: t('ticketTimeline.rows.facts'),
        symbolSize: 12,
        itemStyle: { color: '#1d39c4' },
        data: facts.map((fact) => ({
          name: t(`ticketTimeline.fact.${fact.type}`, { defaultValue: fact.type }),
          value: [Date.parse(fact.occurredAt), 2],
        })),
        markLine: { symbol: 'none', silent: true, data: marks },
      },
    ],
  };
  return option;
}

function ClockCard({
  clock,
  facts,
  asOf,
  liveState,
  agreementTitle,
}: {
  agreementTitle: string;
  clock: TimelineClock;
  facts: readonly TimelineFact[];
  asOf: string;
  liveState: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const words = wordsFor(t, locale, clock.timeZone);
  const explanation = explainClock(clock, words);
  const option = useMemo(() => chartOption(clock, facts, asOf, t, locale), [clock, facts, asOf, t, locale]);
  const metric = t(`ticketTimeline.metric.${clock.metric}`);
  const state = liveState ?? clock.state;
  const id = `clock-${clock.agreementId}-${clock.metric}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const time = (instant: string | null) => (instant === null ? '—' : words.time(instant));
  const stepColumns: TableColumnsType<TimelineStep & { index: number }> = [
    {
      title: t('ticketTimeline.stepColumns.at'),
      key: 'at',
      width: 200,
      render: (_, step) => <span style={{ whiteSpace: 'nowrap' }}>{words.time(stepInstant(step))}</span>,
    },
    {
      title: t('ticketTimeline.stepColumns.step'),
      key: 'step',
      width: 140,
      render: (_, step) => <span data-kind={step.kind}>{t(`ticketTimeline.kind.${step.kind}`)}</span>,
    },
    {
      title: t('ticketTimeline.stepColumns.detail'),
      key: 'detail',
      render: (_, step) => <span data-testid="step-detail">{stepSentence(step, words)}</span>,
    },
  ];
  return (
    <Card data-testid="clock" data-agreement={clock.agreementId} data-metric={clock.metric}>
      <section aria-labelledby={`${id}-title`}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <Typography.Title level={2} id={`${id}-title`} style={{ marginTop: 0, fontSize: 20 }}>
              {t('ticketTimeline.clock', { metric, agreement: agreementTitle })}{' '}
              <StateTag state={state} label={t(`ticketTimeline.state.${state}`, { defaultValue: state })} />
            </Typography.Title>
            <Typography.Text type="secondary" data-testid="clock-meta">
              {t('ticketTimeline.clockMeta', {
                kind: `${clock.agreementKind} ${clock.agreementId}`,
                version: String(clock.version),
                priority: clock.priority ?? '—',
                timeZone: clock.timeZone,
              })}
            </Typography.Text>
          </div>
          <section aria-label={t('ticketTimeline.explanation')} data-testid="explanation">
            {explanation.story && (
              <Typography.Paragraph strong style={{ marginBottom: 4 }} data-testid="story">
                {explanation.story}
              </Typography.Paragraph>
            )}
            <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="result">
              {explanation.result}
            </Typography.Paragraph>
          </section>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              { key: 'elapsed', label: t('ticketTimeline.figures.elapsed'), children: words.duration(clock.elapsedMs) },
              {
                key: 'target',
                label: t('ticketTimeline.figures.target'),
                children: clock.targetMs === null ? '—' : words.duration(clock.targetMs),
              },
              { key: 'paused', label: t('ticketTimeline.figures.paused'), children: words.duration(clock.pausedMs) },
              { key: 'atRiskAt', label: t('ticketTimeline.figures.atRiskAt'), children: time(clock.atRiskAt) },
              { key: 'dueAt', label: t('ticketTimeline.figures.dueAt'), children: time(clock.dueAt) },
              { key: 'breachedAt', label: t('ticketTimeline.figures.breachedAt'), children: time(clock.breachedAt) },
              { key: 'stoppedAt', label: t('ticketTimeline.figures.stoppedAt'), children: time(clock.stoppedAt) },
            ].map((item) => ({ ...item, children: <span data-testid={`figure-${item.key}`}>{item.children}</span> }))}
          />
          <Chart
            option={option}
            height={220}
            label={t('ticketTimeline.chart', { metric, agreement: agreementTitle })}
            testId="timeline-chart"
          />
          <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
            {t('ticketTimeline.steps')}
          </Typography.Title>
          <Scrolling label={t('ticketTimeline.steps')}>
            <Table
              size="small"
              data-testid="steps"
              rowKey="index"
              dataSource={clock.steps.map((step, index) => ({ ...step, index }))}
              columns={stepColumns}
              pagination={false}
            />
          </Scrolling>
          <details>
            <summary>{t('ticketTimeline.serviceHours', { count: clock.serviceHours.length })}</summary>
            <Scrolling label={t('ticketTimeline.serviceHours', { count: clock.serviceHours.length })}>
              <Table
                size="small"
                rowKey="from"
                dataSource={clock.serviceHours}
                columns={[
                  {
                    title: t('ticketTimeline.serviceHoursColumns.from'),
                    key: 'from',
                    render: (_, window) => words.time(window.from),
                  },
                  {
                    title: t('ticketTimeline.serviceHoursColumns.to'),
                    key: 'to',
                    render: (_, window) => words.time(window.to),
                  },
                ]}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
              />
            </Scrolling>
          </details>
        </Space>
      </section>
    </Card>
  );
}

/**
 * A ticket's SLA timeline: its facts, and per agreement and metric the clock on a time axis (service hours shaded,
 * pauses, at-risk, target, breach and stop instants) with the result explained in words and arithmetic.
 */
export function TicketTimelinePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { path } = useLocation();
  const ticketId = decodeURIComponent(path.slice('/ticket-timeline/'.length));
  const timeline = useTimeline(ticketId);
  const clocks = useTicketClocks(ticketId);
  const ticket = useTicket(ticketId);
  const titles = useAgreementTitles();
  const services = useServiceNames();
  const view = timeline.data;
  const zone = view?.clocks[0]?.timeZone;
  const factTime = (instant: string) => formatInstant(instant, locale, zone);
  const notFound = timeline.error?.message.startsWith('404');

  const back = (
    <a href="/queue" onClick={(event) => (event.preventDefault(), navigate('/queue'))}>
      {t('ticketTimeline.backToQueue')}
    </a>
  );
  if (timeline.isLoading) return <Spin tip={t('ticketTimeline.loading')}>{back}</Spin>;
  if (notFound)
    return (
      <Space direction="vertical">
        <Typography.Title level={1}>{t('ticketTimeline.title', { ticketId })}</Typography.Title>
        <Alert type="warning" showIcon message={t('ticketTimeline.notFound', { ticketId })} />
        {back}
      </Space>
    );

  const factColumns: TableColumnsType<TimelineFact & { index: number }> = [
    {
      title: t('ticketTimeline.factColumns.occurredAt'),
      key: 'occurredAt',
      render: (_, fact) => <span style={{ whiteSpace: 'nowrap' }}>{factTime(fact.occurredAt)}</span>,
    },
    {
      title: t('ticketTimeline.factColumns.type'),
      key: 'type',
      render: (_, fact) => (
        <span data-type={fact.type}>{t(`ticketTimeline.fact.${fact.type}`, { defaultValue: fact.type })}</span>
      ),
    },
    { title: t('ticketTimeline.factColumns.priority'), key: 'priority', render: (_, fact) => fact.priority ?? '—' },
    {
      title: t('ticketTimeline.factColumns.recordedAt'),
      key: 'recordedAt',
      render: (_, fact) => <span style={{ whiteSpace: 'nowrap' }}>{factTime(fact.recordedAt)}</span>,
    },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        {back}
        <Typography.Title level={1} style={{ marginTop: 8 }}>
          {t('ticketTimeline.title', { ticketId })}
        </Typography.Title>
        {ticket.data && (
          <Typography.Paragraph type="secondary" data-testid="ticket-intro">
            {t('ticketTimeline.intro', {
              title: ticket.data.title,
              service: services.data?.get(ticket.data.serviceId) ?? ticket.data.serviceId,
              openedAt: factTime(ticket.data.openedAt),
            })}
            {zone ? ` · ${zone}` : ''}
          </Typography.Paragraph>
        )}
        {view && (
          <Typography.Paragraph type="secondary">
            {t('ticketTimeline.asOf', { asOf: factTime(view.asOf) })}
          </Typography.Paragraph>
        )}
      </div>
      {(timeline.error ?? clocks.error ?? ticket.error) && (
        <Alert
          type="error"
          showIcon
          message={t('app.loadFailed', { message: (timeline.error ?? clocks.error ?? ticket.error)!.message })}
        />
      )}
      {view && view.clocks.length === 0 && <Alert type="info" showIcon message={t('ticketTimeline.noClock')} />}
      {view?.clocks.map((clock) => (
        <ClockCard
          key={`${clock.agreementId}/${clock.metric}`}
          clock={clock}
          agreementTitle={titles.data?.get(clock.agreementId) ?? clock.agreementId}
          facts={view.facts}
          asOf={view.asOf}
          liveState={
            clocks.data?.find((row) => row.agreementId === clock.agreementId && row.metric === clock.metric)?.state
          }
        />
      ))}
      {view && (
        <Card>
          <section aria-labelledby="facts-title">
            <Typography.Title level={2} id="facts-title" style={{ marginTop: 0, fontSize: 20 }}>
              {t('ticketTimeline.facts')}
            </Typography.Title>
            <Scrolling label={t('ticketTimeline.facts')}>
              <Table
                size="small"
                data-testid="facts"
                rowKey="index"
                dataSource={view.facts.map((fact, index) => ({ ...fact, index }))}
                columns={factColumns}
                pagination={false}
              />
            </Scrolling>
          </section>
        </Card>
      )}
    </Space>
  );
}
