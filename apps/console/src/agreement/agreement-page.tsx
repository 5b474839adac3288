import { Alert, Card, Flex, Select, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { currentMonth, monthChoices } from '../shell/months';
import type { TableColumnsType } from 'antd';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts';
import type { TFunction } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../charts/chart';
import { formatCount, formatDuration, formatPercent, formatPeriod, formatTarget } from '../i18n/format';
import { navigate, useLocation, useSearchParams } from '../shell/location';
import {
  defaultDiffVersions,
  diffValueText,
  mainCalendar,
  PERIOD,
  targetOf,
  trendMonths,
  underpinningAgreements,
  versionParameter,
  versionTimeline,
  type VersionStep,
} from './agreement-view';
import {
  useAgreement,
  useAgreementHistory,
  useAgreementTitles,
  useAvailability,
  useBreaches,
  useFollowUps,
  useImprovementPlans,
  useInForce,
  usePriorityFigures,
  useReports,
  useReviews,
  useServiceEvents,
  useServiceNames,
  useTimeZone,
  useVersionDiff,
  type AgreementAnswer,
  type AvailabilityTerm,
  type Breach,
  type FollowUp,
  type ImprovementPlan,
  type PriorityFigures,
  type Report,
  type Review,
} from './agreement.queries';
import { addPageDictionary } from '../i18n/page-dictionary';
import { agreementDictionary } from './agreement.i18n';

addPageDictionary(agreementDictionary);

const TREND_MONTHS = 6;
const filterLabel = { display: 'inline-flex', alignItems: 'center', gap: 8 } as const;
// The same AA-contrast shades as the Portfolio's compliance tags (antd's presets fall short for small text).
const GOOD = { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' } as const;
const WARN = { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' } as const;
const BAD = { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' } as const;

/** An instant on the agreement's wall clock. */
function formatAt(instant: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(instant),
  );
}

function formatMonth(period: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${period}-01T00:00:00Z`),
  );
}

/** A link inside the console: a real href (open in a new tab works), navigation without reload on a plain click. */
function ConsoleLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card>
      <section aria-labelledby={`${id}-title`} data-testid={id}>
        <Typography.Title level={2} id={`${id}-title`} style={{ marginTop: 0, fontSize: 20 }}>
          {title}
        </Typography.Title>
        {children}
      </section>
    </Card>
  );
}

/** A table that scrolls sideways in a narrow window; the region is focusable so keyboard users can scroll it too. */
function Scrolling({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </div>
  );
}

const percentNumber = (value: string | null) => {
  if (value === null) return null;
  const [whole, fraction = ''] = value.split('.');
  return Number(`${whole}.${fraction.padEnd(2, '0').slice(0, 2)}`);
};

function stepText(step: VersionStep, t: TFunction, at: (instant: string) => string): string {
  switch (step.kind) {
    case 'drafted':
      return t(step.amendment ? 'agreement.versions.amended' : 'agreement.versions.drafted', {
        at: at(step.at),
        actor: step.actor,
      });
    case 'revised':
      return t('agreement.versions.revised', { at: at(step.at), actor: step.actor });
    case 'submitted':
      return t('agreement.versions.submitted', { at: at(step.at), actor: step.actor });
    case 'signed':
      return t('agreement.versions.signed', {
        at: at(step.at),
        actor: step.actor,
        signatory: step.signatory,
        party: t(`agreement.versions.party.${step.party}`),
      });
    case 'approved':
      return t('agreement.versions.approved', { at: at(step.at) });
  }
}

function Versions({ agreement, timeZone }: { agreement: AgreementAnswer; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const history = useAgreementHistory(agreement.agreementId);
  const at = (instant: string) => formatAt(instant, locale, timeZone);
  const timeline = versionTimeline(agreement.versions, history.data ?? []);
  return (
    <Section id="versions" title={t('agreement.versions.title')}>
      <Timeline
        items={timeline.map((version) => ({
          key: version.version,
          color: version.status === 'approved' ? 'green' : 'blue',
          title: (
            <span data-testid={`version-${version.version}`}>
              <strong>{t('agreement.versions.version', { version: version.version })}</strong>{' '}
              <Tag style={version.status === 'approved' ? GOOD : WARN}>
                {t(`agreement.versions.status.${version.status}`)}
              </Tag>
            </span>
          ),
          content: (
            <Space direction="vertical" size={0} data-testid={`version-${version.version}-steps`}>
              <Typography.Text type="secondary">
                {[
                  version.changeRequest &&
                    t('agreement.versions.changeRequest', { changeRequest: version.changeRequest }),
                  version.basedOnVersion !== null &&
                    t('agreement.versions.basedOn', { version: version.basedOnVersion }),
                  version.effectiveFrom && t('agreement.versions.effectiveFrom', { at: at(version.effectiveFrom) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
              {version.steps.map((step, index) => (
                <span key={index}>{stepText(step, t, at)}</span>
              ))}
            </Space>
          ),
        }))}
      />
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('agreement.versions.history')}
      </Typography.Title>
      <Scrolling label={t('agreement.versions.history')}>
        <Table
          size="small"
          rowKey="revision"
          loading={history.isLoading}
          dataSource={history.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('agreement.versions.historyColumns.at'), key: 'at', render: (_, row) => at(row.occurredAt) },
            {
              title: t('agreement.versions.historyColumns.event'),
              key: 'event',
              render: (_, row) => t(`agreement.versions.event.${row.event}`, { defaultValue: row.event }),
            },
            { title: t('agreement.versions.historyColumns.version'), dataIndex: 'version', key: 'version' },
            { title: t('agreement.versions.historyColumns.actor'), dataIndex: 'actor', key: 'actor' },
            {
              title: t('agreement.versions.historyColumns.changeRequest'),
              key: 'changeRequest',
              render: (_, row) => row.changeRequest ?? '',
            },
          ]}
        />
      </Scrolling>
    </Section>
  );
}

function VersionDiff({ agreement, timeZone }: { agreement: AgreementAnswer; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const at = (instant: string) => formatAt(instant, i18n.language, timeZone);
  const [search, setSearch] = useSearchParams();
  const fallback = defaultDiffVersions(agreement.latestVersion);
  const from = versionParameter(search.get('from'), agreement.latestVersion) ?? fallback.from;
  const to = versionParameter(search.get('to'), agreement.latestVersion) ?? fallback.to;
  const diff = useVersionDiff(agreement.agreementId, from, to);
  const options = agreement.versions.map((version) => ({
    value: version.version,
    label: t('agreement.diff.option', { version: version.version }),
  }));
  const target = agreement.versions.find((version) => version.version === to);
  return (
    <Section id="diff" title={t('agreement.diff.title')}>
      {agreement.latestVersion === 1 ? (
        <Typography.Paragraph>{t('agreement.diff.single')}</Typography.Paragraph>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Flex wrap gap="middle" align="center">
            <label htmlFor="diff-from" style={filterLabel}>
              <span>{t('agreement.diff.from')}</span>
              <Select
                id="diff-from"
                style={{ minWidth: 140 }}
                value={from}
                options={options}
                onChange={(value: number) => setSearch({ from: String(value), to: String(to) })}
              />
            </label>
            <label htmlFor="diff-to" style={filterLabel}>
              <span>{t('agreement.diff.to')}</span>
              <Select
                id="diff-to"
                style={{ minWidth: 140 }}
                value={to}
                options={options}
                onChange={(value: number) => setSearch({ from: String(from), to: String(value) })}
              />
            </label>
          </Flex>
          {target && (
            <Typography.Text data-testid="diff-change-request">
              {target.changeRequest
                ? t('agreement.diff.changeRequest', { version: to, changeRequest: target.changeRequest })
                : t('agreement.diff.noChangeRequest', { version: to })}
            </Typography.Text>
          )}
          {from === to ? (
            <Typography.Paragraph>{t('agreement.diff.same')}</Typography.Paragraph>
          ) : (
            <Scrolling label={t('agreement.diff.title')}>
              <Table
                size="small"
                data-testid="diff-table"
                rowKey="path"
                loading={diff.isLoading}
                dataSource={diff.data?.changes ?? []}
                pagination={false}
                locale={{ emptyText: t('agreement.diff.none') }}
                columns={[
                  {
                    title: t('agreement.diff.columns.path'),
                    dataIndex: 'path',
                    key: 'path',
                    render: (path: string) => <code>{path}</code>,
                  },
                  {
                    title: t('agreement.diff.columns.change'),
                    key: 'change',
                    render: (_, row) => t(`agreement.diff.change.${row.change}`),
                  },
                  {
                    title: t('agreement.diff.columns.before'),
                    key: 'before',
                    render: (_, row) => (
                      <span style={{ wordBreak: 'break-word' }}>{diffValueText(row.before, at)}</span>
                    ),
                  },
                  {
                    title: t('agreement.diff.columns.after'),
                    key: 'after',
                    render: (_, row) => <span style={{ wordBreak: 'break-word' }}>{diffValueText(row.after, at)}</span>,
                  },
                ]}
              />
            </Scrolling>
          )}
        </Space>
      )}
    </Section>
  );
}

type Names = ReadonlyMap<string, string>;
const nameOf = (names: Names, serviceId: string | null) => (serviceId ? (names.get(serviceId) ?? serviceId) : '');

function Targets({
  agreementId,
  period,
  periodStart,
  services,
  names,
}: {
  agreementId: string;
  period: string;
  periodStart: string | undefined;
  services: readonly string[];
  names: Names;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [search, setSearch] = useSearchParams();
  const months = useMemo(() => trendMonths(period, TREND_MONTHS), [period]);
  const monthly = usePriorityFigures(agreementId, months);
  const inForce = useInForce(agreementId, periodStart);
  const current = monthly[monthly.length - 1];
  const rows = current?.data ?? [];
  const version = inForce.data?.inForce;
  const trendService = services.includes(search.get('service') ?? '') ? search.get('service')! : services[0];
  const percentText = (figures: PriorityFigures | undefined) =>
    figures?.percentWithinTarget == null ? '—' : formatPercent(figures.percentWithinTarget, locale);
  const elapsed = (value: number | null) => (value === null ? '—' : formatDuration(value, locale));
  const columns: TableColumnsType<PriorityFigures> = [
    { title: t('agreement.targets.columns.service'), key: 'service', render: (_, row) => nameOf(names, row.serviceId) },
    { title: t('agreement.targets.columns.priority'), dataIndex: 'priority', key: 'priority' },
    {
      title: t('agreement.targets.columns.metric'),
      key: 'metric',
      render: (_, row) => t(`agreement.targets.metric.${row.metric}`),
    },
    {
      title: t('agreement.targets.columns.target'),
      key: 'target',
      render: (_, row) => {
        const target = version && targetOf(version.content, row.serviceId, row.priority, row.metric);
        return target
          ? t(`agreement.targets.unit.${target.duration.unit}`, { amount: formatCount(target.duration.amount, locale) })
          : t('agreement.targets.noTarget');
      },
    },
    {
      title: t('agreement.targets.columns.tickets'),
      key: 'tickets',
      align: 'right',
      render: (_, row) => <span data-testid="tickets">{formatCount(row.tickets, locale)}</span>,
    },
    {
      title: t('agreement.targets.columns.met'),
      key: 'met',
      align: 'right',
      render: (_, row) => <span data-testid="met">{formatCount(row.met, locale)}</span>,
    },
    {
      title: t('agreement.targets.columns.breached'),
      key: 'breached',
      align: 'right',
      render: (_, row) => <span data-testid="breached">{formatCount(row.breached, locale)}</span>,
    },
    {
      title: t('agreement.targets.columns.open'),
      key: 'open',
      align: 'right',
      render: (_, row) => <span data-testid="open">{formatCount(row.open, locale)}</span>,
    },
    {
      title: t('agreement.targets.columns.percent'),
      key: 'percent',
      align: 'right',
      render: (_, row) => <strong data-testid="percent">{percentText(row)}</strong>,
    },
    {
      title: t('agreement.targets.columns.median'),
      key: 'median',
      align: 'right',
      render: (_, row) => elapsed(row.medianElapsedMs),
    },
    {
      title: t('agreement.targets.columns.p90'),
      key: 'p90',
      align: 'right',
      render: (_, row) => elapsed(row.p90ElapsedMs),
    },
  ];

  // The trend: one line per priority and measure of the chosen service, the share within target each month.
  const seriesKeys = ['P1', 'P2', 'P3', 'P4'].flatMap((priority) =>
    (['response', 'resolution'] as const).map((metric) => ({ priority, metric })),
  );
  const figuresOf = (index: number, priority: string, metric: string) =>
    monthly[index]?.data?.find(
      (row) => row.serviceId === trendService && row.priority === priority && row.metric === metric,
    );
  const present = seriesKeys.filter(({ priority, metric }) =>
    months.some((_, index) => figuresOf(index, priority, metric) !== undefined),
  );
  const seriesName = (key: { priority: string; metric: string }) =>
    `${key.priority} ${t(`agreement.targets.metric.${key.metric}`)}`;
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 56, bottom: 32 },
    xAxis: { type: 'category', data: months.map((month) => formatMonth(month, locale)) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    series: present.map((key) => ({
      type: 'line',
      name: seriesName(key),
      connectNulls: false,
      data: months.map((_, index) =>
        percentNumber(figuresOf(index, key.priority, key.metric)?.percentWithinTarget ?? null),
      ),
    })),
  };
  const trendRows = months.map((month, index) => ({ month, index }));

  return (
    <Section id="targets" title={t('agreement.targets.title')}>
      <Typography.Paragraph type="secondary">
        {version ? t('agreement.targets.inForce', { version: version.version }) : t('agreement.targets.noVersion')}
      </Typography.Paragraph>
      <Scrolling label={t('agreement.targets.title')}>
        <Table<PriorityFigures>
          size="small"
          data-testid="priority-table"
          rowKey={(row) => `${row.serviceId}/${row.priority}/${row.metric}`}
          loading={current?.isLoading}
          dataSource={rows}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t('agreement.targets.empty') }}
        />
      </Scrolling>
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        {t('agreement.targets.trend')}
      </Typography.Title>
      <label htmlFor="trend-service" style={filterLabel}>
        <span>{t('agreement.targets.trendService')}</span>
        <Select
          id="trend-service"
          style={{ minWidth: 220 }}
          value={trendService}
          options={services.map((serviceId) => ({ value: serviceId, label: nameOf(names, serviceId) }))}
          onChange={(value: string) => setSearch({ service: value })}
        />
      </label>
      <Chart
        option={option}
        height={280}
        label={t('agreement.targets.trendChart', { service: nameOf(names, trendService ?? null) })}
        testId="trend-chart"
      />
      <Scrolling label={t('agreement.targets.trend')}>
        <Table
          size="small"
          data-testid="trend-table"
          rowKey="month"
          dataSource={trendRows}
          pagination={false}
          columns={[
            {
              title: t('agreement.targets.trendColumns.month'),
              key: 'month',
              render: (_, row) => formatMonth(row.month, locale),
            },
            ...present.map((key) => ({
              title: seriesName(key),
              key: `${key.priority}/${key.metric}`,
              align: 'right' as const,
              render: (_: unknown, row: { index: number }) => {
                const figures = figuresOf(row.index, key.priority, key.metric);
                return figures ? `${percentText(figures)} (${formatCount(figures.tickets, locale)})` : '—';
              },
            })),
          ]}
        />
      </Scrolling>
    </Section>
  );
}

function Availability({
  agreementId,
  period,
  services,
  names,
  timeZone,
}: {
  agreementId: string;
  period: string;
  services: readonly string[];
  names: Names;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const availability = useAvailability(agreementId, period);
  const events = useServiceEvents(services, availability.data?.from, availability.data?.to);
  const terms = availability.data?.terms ?? [];
  const at = (instant: string) => formatAt(instant, locale, timeZone);
  const columns: TableColumnsType<AvailabilityTerm> = [
    {
      title: t('agreement.availability.columns.service'),
      key: 'service',
      render: (_, row) => nameOf(names, row.serviceId),
    },
    { title: t('agreement.availability.columns.version'), dataIndex: 'version', key: 'version' },
    {
      title: t('agreement.availability.columns.span'),
      key: 'span',
      render: (_, row) => formatPeriod(row.from, row.to, timeZone, locale),
    },
    {
      title: t('agreement.availability.columns.target'),
      key: 'target',
      align: 'right',
      render: (_, row) => (row.targetPercentage === null ? '—' : formatTarget(row.targetPercentage, locale)),
    },
    {
      title: t('agreement.availability.columns.actual'),
      key: 'actual',
      align: 'right',
      render: (_, row) => (
        <strong data-testid="actual" style={row.targetMet === false ? { color: BAD.color } : undefined}>
          {row.availabilityPercent === null
            ? t('agreement.availability.notMeasured')
            : formatPercent(row.availabilityPercent, locale)}
        </strong>
      ),
    },
    {
      title: t('agreement.availability.columns.downtime'),
      key: 'downtime',
      align: 'right',
      render: (_, row) => <span data-testid="downtime">{formatDuration(row.downtime, locale)}</span>,
    },
    {
      title: t('agreement.availability.columns.maintenance'),
      key: 'maintenance',
      align: 'right',
      render: (_, row) => formatDuration(row.excludedMaintenanceDowntime, locale),
    },
    {
      title: t('agreement.availability.columns.budget'),
      key: 'budget',
      align: 'right',
      render: (_, row) =>
        row.remainingDowntimeBudget === null ? (
          '—'
        ) : row.remainingDowntimeBudget > 0 ? (
          <span data-testid="budget">{formatDuration(row.remainingDowntimeBudget, locale)}</span>
        ) : (
          <Typography.Text type="danger">{t('agreement.availability.budgetSpent')}</Typography.Text>
        ),
    },
    {
      title: t('agreement.availability.columns.failures'),
      key: 'failures',
      align: 'right',
      render: (_, row) => <span data-testid="failures">{formatCount(row.failures, locale)}</span>,
    },
    {
      title: t('agreement.availability.columns.mttr'),
      key: 'mttr',
      align: 'right',
      render: (_, row) => (row.meanTimeToRestore === null ? '—' : formatDuration(row.meanTimeToRestore, locale)),
    },
  ];

  const outages = events.data?.outages ?? [];
  const maintenance = events.data?.maintenance ?? [];
  const from = availability.data?.from;
  const to = availability.data?.to;
  // Each service a row of the time axis: outages in the upper half of the row, maintenance in the lower half.
  const band = (offset: number) => (params: CustomSeriesRenderItemParams, chartApi: CustomSeriesRenderItemAPI) => {
    void params;
    const row = chartApi.value(0);
    const start = chartApi.coord([chartApi.value(1), row]);
    const end = chartApi.coord([chartApi.value(2), row]);
    const height = (chartApi.size!([0, 1]) as number[])[1]! * 0.35;
    return {
      type: 'rect',
      shape: {
        x: start[0]!,
        y: start[1]! + offset * height - height / 2,
        width: Math.max(end[0]! - start[0]!, 2),
        height,
      },
      style: chartApi.style(),
    };
  };
  const clip = (instant: string | null, fallback: string) =>
    Math.min(Math.max(Date.parse(instant ?? fallback), Date.parse(from ?? fallback)), Date.parse(to ?? fallback));
  const option: ChartOption = {
    tooltip: {},
    legend: { top: 0 },
    grid: { left: 160, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'time', min: from, max: to },
    yAxis: { type: 'category', data: services.map((serviceId) => nameOf(names, serviceId)) },
    series: [
      {
        type: 'custom',
        name: t('agreement.availability.outages'),
        itemStyle: { color: BAD.color },
        renderItem: band(-0.5),
        encode: { x: [1, 2], y: 0 },
        data: outages.map((outage) => [
          services.indexOf(outage.serviceId),
          clip(outage.startedAt, outage.startedAt),
          clip(outage.endedAt, to ?? outage.startedAt),
        ]),
      },
      {
        type: 'custom',
        name: t('agreement.availability.maintenance'),
        itemStyle: { color: '#0958d9' },
        renderItem: band(0.5),
        encode: { x: [1, 2], y: 0 },
        data: maintenance.map((window) => [
          services.indexOf(window.serviceId),
          clip(window.start, window.start),
          clip(window.end, window.end),
        ]),
      },
    ],
  };
  // The downtime an outage counted against the service's target, as the API attributes it (inside service hours,
  // outside approved maintenance, never twice where outages overlap).
  const counted = (serviceId: string, outageId: string) => {
    const contributions = terms
      .filter((term) => term.serviceId === serviceId)
      .flatMap((term) => term.contributions.filter((contribution) => contribution.outageId === outageId));
    return contributions.length === 0
      ? null
      : contributions.reduce((sum, contribution) => sum + contribution.downtime, 0);
  };
  const eventRows = [
    ...outages.map((outage) => ({
      key: `outage/${outage.outageId}`,
      serviceId: outage.serviceId,
      type: t('agreement.availability.outage'),
      start: outage.startedAt,
      end: outage.endedAt,
      detail: t(`agreement.availability.impact.${outage.impact}`, { defaultValue: outage.impact }),
      counted: counted(outage.serviceId, outage.outageId),
    })),
    ...maintenance.map((window) => ({
      key: `maintenance/${window.windowId}/${window.start}`,
      serviceId: window.serviceId,
      type: t('agreement.availability.maintenanceWindow'),
      start: window.start,
      end: window.end as string | null,
      detail: window.title,
      counted: null as number | null,
    })),
  ].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));

  return (
    <Section id="availability" title={t('agreement.availability.title')}>
      <Scrolling label={t('agreement.availability.title')}>
        <Table<AvailabilityTerm>
          size="small"
          data-testid="availability-table"
          rowKey={(row) => `${row.serviceId}/${row.version}/${row.from}`}
          loading={availability.isLoading}
          dataSource={terms}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t('agreement.availability.empty') }}
        />
      </Scrolling>
      <Chart
        option={option}
        height={80 + 48 * Math.max(services.length, 1)}
        label={t('agreement.availability.chart')}
        testId="availability-chart"
      />
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('agreement.availability.eventsTitle')}
      </Typography.Title>
      <Scrolling label={t('agreement.availability.eventsTitle')}>
        <Table
          size="small"
          data-testid="events-table"
          rowKey="key"
          loading={events.isLoading}
          dataSource={eventRows}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('agreement.availability.eventsEmpty') }}
          columns={[
            {
              title: t('agreement.availability.eventColumns.service'),
              key: 'service',
              render: (_, row) => nameOf(names, row.serviceId),
            },
            { title: t('agreement.availability.eventColumns.type'), dataIndex: 'type', key: 'type' },
            { title: t('agreement.availability.eventColumns.start'), key: 'start', render: (_, row) => at(row.start) },
            {
              title: t('agreement.availability.eventColumns.end'),
              key: 'end',
              render: (_, row) => (row.end ? at(row.end) : t('agreement.availability.ongoing')),
            },
            { title: t('agreement.availability.eventColumns.detail'), dataIndex: 'detail', key: 'detail' },
            {
              title: t('agreement.availability.eventColumns.counted'),
              key: 'counted',
              align: 'right',
              render: (_, row) => (row.counted === null ? '—' : formatDuration(row.counted, locale)),
            },
          ]}
        />
      </Scrolling>
    </Section>
  );
}

function Breaches({
  agreementId,
  period,
  names,
  timeZone,
}: {
  agreementId: string;
  period: string;
  names: Names;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const breaches = useBreaches(agreementId, period);
  const followUps = useFollowUps(agreementId);
  const byBreach = new Map((followUps.data ?? []).map((followUp) => [followUp.breachEventId, followUp]));
  const at = (instant: string) => formatAt(instant, locale, timeZone);
  const followUpTag = (followUp: FollowUp | undefined) => {
    const status = followUp?.status ?? 'none';
    const style = status === 'open' ? BAD : status === 'closed' ? GOOD : undefined;
    return (
      <Space direction="vertical" size={0}>
        <Tag style={style} data-testid="follow-up" data-status={status}>
          {t(`agreement.breaches.followUp.${status}`)}
        </Tag>
        {followUp?.status === 'open' && (
          <Typography.Text type="secondary">
            {t('agreement.breaches.notifyBy', { at: at(followUp.notificationDueAt) })}
          </Typography.Text>
        )}
      </Space>
    );
  };
  return (
    <Section id="breaches" title={t('agreement.breaches.title')}>
      <Scrolling label={t('agreement.breaches.title')}>
        <Table<Breach>
          size="small"
          data-testid="breaches-table"
          rowKey="eventId"
          loading={breaches.isLoading || followUps.isLoading}
          dataSource={breaches.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('agreement.breaches.empty') }}
          columns={[
            {
              title: t('agreement.breaches.columns.ticket'),
              key: 'ticket',
              render: (_, row) => <span data-testid="ticket">{row.ticketId}</span>,
            },
            {
              title: t('agreement.breaches.columns.service'),
              key: 'service',
              render: (_, row) => nameOf(names, row.serviceId),
            },
            {
              title: t('agreement.breaches.columns.priority'),
              key: 'priority',
              render: (_, row) => row.priority ?? '',
            },
            {
              title: t('agreement.breaches.columns.metric'),
              key: 'metric',
              render: (_, row) => t(`agreement.targets.metric.${row.metric}`),
            },
            {
              title: t('agreement.breaches.columns.breachedAt'),
              key: 'breachedAt',
              render: (_, row) => (
                <Space direction="vertical" size={0}>
                  <span data-testid="breached-at">{at(row.breachedAt)}</span>
                  {row.retractedAt && (
                    <Typography.Text type="secondary">
                      {t('agreement.breaches.retracted', { reason: row.retractionReason ?? '' })}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: t('agreement.breaches.columns.version'), dataIndex: 'version', key: 'version' },
            {
              title: t('agreement.breaches.columns.followUp'),
              key: 'followUp',
              render: (_, row) => followUpTag(byBreach.get(row.eventId)),
            },
          ]}
        />
      </Scrolling>
    </Section>
  );
}

type Decision = { decisionId: string; outcome: string; agreementId?: string };

function Governance({ agreementId, timeZone }: { agreementId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const reviews = useReviews(agreementId);
  const plans = useImprovementPlans(agreementId);
  const reports = useReports(agreementId);
  const at = (instant: string) => formatAt(instant, locale, timeZone);
  const reportState = (report: Report) => {
    if (report.overdue) return <Tag style={BAD}>{t('agreement.reports.overdue')}</Tag>;
    if (report.onTime === true) return <Tag style={GOOD}>{t('agreement.reports.onTime')}</Tag>;
    if (report.onTime === false) return <Tag style={WARN}>{t('agreement.reports.late')}</Tag>;
    return <Tag>{t('agreement.reports.pending')}</Tag>;
  };
  return (
    <>
      <Section id="reviews" title={t('agreement.reviews.title')}>
        <Scrolling label={t('agreement.reviews.title')}>
          <Table<Review>
            size="small"
            rowKey="reviewId"
            loading={reviews.isLoading}
            dataSource={reviews.data ?? []}
            pagination={false}
            locale={{ emptyText: t('agreement.reviews.empty') }}
            columns={[
              { title: t('agreement.reviews.columns.review'), dataIndex: 'reviewId', key: 'review' },
              {
                title: t('agreement.reviews.columns.kind'),
                key: 'kind',
                render: (_, row) => t(`agreement.reviews.kind.${row.kind}`, { defaultValue: row.kind }),
              },
              {
                title: t('agreement.reviews.columns.period'),
                key: 'period',
                render: (_, row) => formatPeriod(row.periodFrom, row.periodTo, timeZone, locale),
              },
              {
                title: t('agreement.reviews.columns.status'),
                key: 'status',
                render: (_, row) => t(`agreement.reviews.status.${row.status}`),
              },
              {
                title: t('agreement.reviews.columns.when'),
                key: 'when',
                render: (_, row) => at(row.heldAt ?? row.scheduledFor),
              },
              {
                title: t('agreement.reviews.columns.decisions'),
                key: 'decisions',
                render: (_, row) =>
                  ((row.decisions as Decision[] | null) ?? [])
                    .filter((decision) => decision.agreementId === undefined || decision.agreementId === agreementId)
                    .map((decision) => (
                      <Tag key={decision.decisionId}>
                        {t(`agreement.reviews.outcome.${decision.outcome}`, { defaultValue: decision.outcome })}
                      </Tag>
                    )),
              },
            ]}
          />
        </Scrolling>
      </Section>
      <Section id="plans" title={t('agreement.plans.title')}>
        <Scrolling label={t('agreement.plans.title')}>
          <Table<ImprovementPlan>
            size="small"
            rowKey="planId"
            loading={plans.isLoading}
            dataSource={plans.data ?? []}
            pagination={false}
            locale={{ emptyText: t('agreement.plans.empty') }}
            columns={[
              {
                title: t('agreement.plans.columns.item'),
                key: 'item',
                render: (_, row) => (
                  <Space direction="vertical" size={0}>
                    <strong>{row.item}</strong>
                    <Typography.Text type="secondary">{row.requirement}</Typography.Text>
                  </Space>
                ),
              },
              { title: t('agreement.plans.columns.owner'), key: 'owner', render: (_, row) => row.owner ?? '—' },
              {
                title: t('agreement.plans.columns.phase'),
                key: 'phase',
                render: (_, row) => (
                  <Space size={4}>
                    <Tag style={row.phase === 'closed' ? GOOD : undefined}>
                      {t(`agreement.plans.phase.${row.phase}`, { defaultValue: row.phase })}
                    </Tag>
                    {row.overdue && <Tag style={BAD}>{t('agreement.plans.overdue')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('agreement.plans.columns.progress'),
                key: 'progress',
                align: 'right',
                render: (_, row) => `${formatCount(row.percentComplete, locale)} %`,
              },
              {
                title: t('agreement.plans.columns.due'),
                key: 'due',
                render: (_, row) => (row.dueAt ? at(row.dueAt) : '—'),
              },
            ]}
          />
        </Scrolling>
      </Section>
      <Section id="reports" title={t('agreement.reports.title')}>
        <Scrolling label={t('agreement.reports.title')}>
          <Table<Report>
            size="small"
            rowKey="reportId"
            loading={reports.isLoading}
            dataSource={reports.data ?? []}
            pagination={false}
            locale={{ emptyText: t('agreement.reports.empty') }}
            columns={[
              {
                title: t('agreement.reports.columns.period'),
                key: 'period',
                render: (_, row) => (PERIOD.test(row.period) ? formatMonth(row.period, locale) : row.period),
              },
              {
                title: t('agreement.reports.columns.audience'),
                key: 'audience',
                render: (_, row) => t(`agreement.reports.audience.${row.audience}`, { defaultValue: row.audience }),
              },
              {
                title: t('agreement.reports.columns.due'),
                key: 'due',
                render: (_, row) => at(row.deadline),
              },
              {
                title: t('agreement.reports.columns.published'),
                key: 'published',
                render: (_, row) => (row.publishedAt ? at(row.publishedAt) : '—'),
              },
              { title: t('agreement.reports.columns.state'), key: 'state', render: (_, row) => reportState(row) },
            ]}
          />
        </Scrolling>
      </Section>
    </>
  );
}

function Underpinning({ agreement, period, names }: { agreement: AgreementAnswer; period: string; names: Names }) {
  const { t } = useTranslation();
  const titles = useAgreementTitles();
  // The version that matters is the one in effect (approved), else the latest draft.
  const version =
    agreement.versions.find((candidate) => candidate.version === agreement.approvedVersion) ??
    agreement.versions[agreement.versions.length - 1]!;
  const supporting = underpinningAgreements(version.content);
  return (
    <Section id="underpinning" title={t('agreement.underpinning.title')}>
      <Scrolling label={t('agreement.underpinning.title')}>
        <Table
          size="small"
          data-testid="underpinning-table"
          rowKey="agreementId"
          dataSource={supporting}
          pagination={false}
          locale={{ emptyText: t('agreement.underpinning.empty') }}
          columns={[
            {
              title: t('agreement.underpinning.columns.agreement'),
              key: 'agreement',
              render: (_, row) => (
                <ConsoleLink href={`/agreement/${encodeURIComponent(row.agreementId)}?period=${period}`}>
                  {titles.data?.get(row.agreementId) ?? row.agreementId}
                </ConsoleLink>
              ),
            },
            {
              title: t('agreement.underpinning.columns.targets'),
              key: 'targets',
              render: (_, row) =>
                row.targets
                  .map(
                    (target) =>
                      `${nameOf(names, target.serviceId)} ${target.priority ?? t('agreement.targets.metric.availability')}`,
                  )
                  .join(', '),
            },
          ]}
        />
      </Scrolling>
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        {t('agreement.underpinning.gaps', { version: version.version })}
      </Typography.Title>
      <Scrolling label={t('agreement.underpinning.gaps', { version: version.version })}>
        <Table
          size="small"
          data-testid="gaps-table"
          rowKey={(row) => `${row.serviceId}/${row.metric}/${row.priority ?? ''}/${row.supportingAgreementId ?? ''}`}
          dataSource={version.underpinningGaps}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('agreement.underpinning.noGaps', { version: version.version }) }}
          columns={[
            {
              title: t('agreement.underpinning.gapColumns.service'),
              key: 'service',
              render: (_, row) => nameOf(names, row.serviceId),
            },
            {
              title: t('agreement.underpinning.gapColumns.metric'),
              key: 'metric',
              render: (_, row) => t(`agreement.targets.metric.${row.metric}`),
            },
            {
              title: t('agreement.underpinning.gapColumns.priority'),
              key: 'priority',
              render: (_, row) => row.priority ?? '—',
            },
            {
              title: t('agreement.underpinning.gapColumns.problem'),
              key: 'problem',
              render: (_, row) => t(`agreement.underpinning.problem.${row.problem}`, { defaultValue: row.problem }),
            },
            { title: t('agreement.underpinning.gapColumns.detail'), dataIndex: 'detail', key: 'detail' },
          ]}
        />
      </Scrolling>
    </Section>
  );
}

/**
 * One agreement over one period: its versions and what changed between any two, targets against actuals per
 * priority with a monthly trend, availability with outages and maintenance on a time axis, breaches with their
 * follow-up, reviews, improvement plans, reports, and the OLAs/UCs underneath. Every view state is in the URL.
 */
export function AgreementPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { path } = useLocation();
  const agreementId = decodeURIComponent(path.replace(/^\/agreement\//, ''));
  const [search, setSearch] = useSearchParams();
  const requested = search.get('period') ?? '';
  const period = PERIOD.test(requested) ? requested : currentMonth();
  const agreement = useAgreement(agreementId);
  const latest = agreement.data?.versions[agreement.data.versions.length - 1];
  const timeZone = useTimeZone(latest ? mainCalendar(latest.content) : undefined);
  const serviceNames = useServiceNames();
  const availability = useAvailability(agreementId, period);
  const names: Names = serviceNames.data ?? new Map();

  if (agreement.error)
    return (
      <Alert
        type="error"
        showIcon
        message={
          agreement.error.message.startsWith('404')
            ? t('agreement.notFound', { agreementId })
            : t('app.loadFailed', { message: agreement.error.message })
        }
      />
    );
  if (!agreement.data || (latest && mainCalendar(latest.content) && !timeZone.data && !timeZone.error))
    return <Spin aria-label={t('agreement.loading')} />;
  const data = agreement.data;
  const zone = timeZone.data ?? 'UTC';
  const services = [
    ...new Set(data.versions.flatMap((version) => (version.content as { services?: string[] }).services ?? [])),
  ];
  const party = (value: unknown) => (value as { name?: string } | null)?.name ?? '';

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {data.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary" data-testid="agreement-intro">
          {t('agreement.intro', {
            kind: t(`agreement.kind.${data.kind}`),
            provider: party(data.provider),
            counterparty: party(data.counterparty),
            status: t(`agreement.status.${data.status}`),
            timeZone: zone,
          })}
          {data.terminatesAt && ` · ${t('agreement.terminatesAt', { at: formatAt(data.terminatesAt, locale, zone) })}`}
          {data.expiresAt && ` · ${t('agreement.expiresAt', { at: formatAt(data.expiresAt, locale, zone) })}`}
        </Typography.Paragraph>
        <label htmlFor="period-select" style={filterLabel}>
          <span>{t('agreement.period')}</span>
          <Select
            id="period-select"
            style={{ minWidth: 180 }}
            value={period}
            options={monthChoices(period, locale)}
            onChange={(value: string) => setSearch({ period: value })}
          />
        </label>
      </div>
      <Versions agreement={data} timeZone={zone} />
      <VersionDiff agreement={data} timeZone={zone} />
      <Targets
        agreementId={agreementId}
        period={period}
        periodStart={availability.data?.from}
        services={services}
        names={names}
      />
      <Availability agreementId={agreementId} period={period} services={services} names={names} timeZone={zone} />
      <Breaches agreementId={agreementId} period={period} names={names} timeZone={zone} />
      <Governance agreementId={agreementId} timeZone={zone} />
      <Underpinning agreement={data} period={period} names={names} />
    </Space>
  );
}
