import { Alert, Empty, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../charts/chart';
import { formatCount, formatPercent } from '../i18n/format';
import { useSearchParams } from '../shell/location';
import {
  reportTimeliness,
  useAgreementReports,
  useMonthlyKpis,
  useYearAgreements,
  type Kpi,
  type Timeliness,
} from './kpis.queries';
import { addPageDictionary } from '../i18n/page-dictionary';
import { kpisDictionary } from './kpis.i18n';

addPageDictionary(kpisDictionary);

const YEAR = /^\d{4}$/;
const filterLabel = { display: 'inline-flex', alignItems: 'center', gap: 8 } as const;
const PERCENT_KPIS = [
  'all-targets-met',
  'incidents-within-response-target',
  'customer-satisfaction',
  'complaints-handled',
] as const;
type KpiName = Kpi['kpi'];

// Dark text on light backgrounds: AA contrast for small text, which antd's preset tag colours miss.
const MET_COLOURS = {
  true: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  false: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  null: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
} as const;
const LINE_COLOURS = ['#0958d9', '#d4380d', '#389e0d', '#722ed1'];

type MonthRow = { month: string; kpis: Kpi[] | undefined; reports: Timeliness };

function yearChoices(selected: string) {
  const current = new Date().getFullYear();
  const years = new Set([selected, ...Array.from({ length: 4 }, (_, back) => String(current - back))]);
  return [...years]
    .sort()
    .reverse()
    .map((value) => ({ value, label: value }));
}

/** The months of the year up to the browser's current month: later ones have nothing to measure yet. */
function monthsOf(year: string): string[] {
  const now = new Date();
  const current = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  return Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`).filter(
    (month) => month <= current,
  );
}

function KpiCell({ kpi, locale, t }: { kpi: Kpi | undefined; locale: string; t: TFunction }) {
  if (!kpi) return <Typography.Text type="secondary">—</Typography.Text>;
  const major = kpi.kpi === 'major-incidents-per-year';
  return (
    <Space direction="vertical" size={0} data-testid={`kpi-${kpi.kpi}`}>
      <strong data-testid="kpi-value">
        {kpi.value === null
          ? t('kpis.notMeasured')
          : major
            ? formatCount(Number(kpi.value), locale)
            : formatPercent(kpi.value, locale)}
      </strong>
      {kpi.denominator !== null && kpi.denominator > 0 && (
        <Typography.Text type="secondary" data-testid="kpi-figures">
          {t('kpis.figures', {
            numerator: formatCount(kpi.numerator, locale),
            denominator: formatCount(kpi.denominator, locale),
          })}
        </Typography.Text>
      )}
      {major && (
        <Typography.Text type="secondary">
          {t('kpis.majorFigures', { count: formatCount(kpi.numerator, locale) })}
        </Typography.Text>
      )}
      {/* "Nothing to measure" says it already; a tag saying "not measured" beside it would only repeat it. */}
      <Tag
        style={{
          ...MET_COLOURS[String(kpi.met) as keyof typeof MET_COLOURS],
          ...(kpi.value === null ? { display: 'none' } : {}),
        }}
        data-met={String(kpi.met)}
      >
        {t(`kpis.met.${String(kpi.met)}`)}
      </Tag>
    </Space>
  );
}

function Heading({ name, t }: { name: KpiName | 'report-timeliness'; t: TFunction }) {
  return (
    <Space direction="vertical" size={0}>
      <span>{t(`kpis.names.${name}`)}</span>
      <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
        {t(`kpis.goals.${name}`)}
      </Typography.Text>
    </Space>
  );
}

function columns(locale: string, t: TFunction): TableColumnsType<MonthRow> {
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const names: KpiName[] = [...PERCENT_KPIS, 'major-incidents-per-year'];
  return [
    {
      title: t('kpis.month'),
      key: 'month',
      render: (_, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>{month.format(new Date(`${row.month}-01T00:00:00Z`))}</span>
      ),
    },
    ...names.map((name) => ({
      title: <Heading name={name} t={t} />,
      key: name,
      render: (_: unknown, row: MonthRow) => (
        <KpiCell kpi={row.kpis?.find((kpi) => kpi.kpi === name)} locale={locale} t={t} />
      ),
    })),
    {
      title: <Heading name="report-timeliness" t={t} />,
      key: 'reports',
      render: (_, row) =>
        row.reports.due === 0 ? (
          <Typography.Text type="secondary" data-testid="kpi-reports">
            {t('kpis.noReports')}
          </Typography.Text>
        ) : (
          <Space direction="vertical" size={0} data-testid="kpi-reports">
            <strong>
              {t('kpis.reports', {
                onTime: formatCount(row.reports.onTime, locale),
                due: formatCount(row.reports.due, locale),
              })}
            </strong>
            <Typography.Text type="secondary">
              {t('kpis.reportsLate', {
                late: formatCount(row.reports.late, locale),
                overdue: formatCount(row.reports.overdue, locale),
                open: formatCount(row.reports.open, locale),
              })}
            </Typography.Text>
          </Space>
        ),
    },
  ];
}

function chartOption(rows: readonly MonthRow[], locale: string, t: TFunction): ChartOption {
  const month = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return {
    color: LINE_COLOURS,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => (typeof value === 'number' ? `${percent.format(value)} %` : '—'),
    },
    legend: { top: 0 },
    grid: { top: 50, left: 60, right: 20, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((row) => month.format(new Date(`${row.month}-01T00:00:00Z`))) },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { formatter: (value: number) => `${percent.format(value)} %` },
    },
    series: PERCENT_KPIS.map((name) => ({
      name: t(`kpis.names.${name}`),
      type: 'line',
      connectNulls: false,
      symbolSize: 7,
      data: rows.map((row) => {
        const value = row.kpis?.find((kpi) => kpi.kpi === name)?.value;
        return value === null || value === undefined ? null : Number(value);
      }),
    })),
  };
}

/**
 * The process KPIs of one agreement month by month over a year (targets met, incident response within SLA, customer
 * satisfaction, complaints handled, major incidents, report timeliness), as a table and a chart; agreement and year in
 * the URL.
 */
export function KpisPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [search, setSearch] = useSearchParams();
  const requestedYear = search.get('year') ?? '';
  const year = YEAR.test(requestedYear) ? requestedYear : String(new Date().getFullYear());
  const agreements = useYearAgreements(year);
  const list = agreements.data?.agreements ?? [];
  const agreementId = search.get('agreement') ?? list[0]?.agreementId;
  const agreement = list.find((entry) => entry.agreementId === agreementId);
  const months = useMemo(() => monthsOf(year), [year]);
  const monthly = useMonthlyKpis(agreement, months);
  const reports = useAgreementReports(agreement?.agreementId);
  // Until the reports are in too, a month would wrongly read "no report due".
  const loaded = monthly.every((query) => query.data !== undefined) && reports.data !== undefined;
  const rows: MonthRow[] = months.map((month, index) => ({
    month,
    kpis: loaded ? monthly[index]?.data : undefined,
    reports: reportTimeliness(reports.data ?? [], month),
  }));
  const failure = agreements.error ?? monthly.find((query) => query.error)?.error ?? reports.error;
  // Rebuilt only when the figures change: the chart redraws on every new option.
  const figures = JSON.stringify(rows);
  const option = useMemo(
    () => (loaded ? chartOption(JSON.parse(figures) as MonthRow[], locale, t) : undefined),
    [loaded, figures, locale, t],
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {t('kpis.title')}
        </Typography.Title>
        {agreement && (
          <Typography.Paragraph type="secondary" data-testid="kpis-intro">
            {t('kpis.intro', { timeZone: agreement.timeZone })}
          </Typography.Paragraph>
        )}
      </div>
      <section aria-label={t('kpis.filters')}>
        <Flex wrap gap="middle" align="center">
          <label htmlFor="kpis-agreement" style={filterLabel}>
            <span>{t('kpis.agreement')}</span>
            <Select
              id="kpis-agreement"
              style={{ minWidth: 320 }}
              value={agreement?.agreementId}
              loading={agreements.isLoading}
              disabled={list.length === 0}
              placeholder={t('kpis.noAgreement')}
              options={list.map((entry) => ({ value: entry.agreementId, label: `${entry.title} (${entry.customer})` }))}
              onChange={(value: string) => setSearch({ agreement: value, year })}
            />
          </label>
          <label htmlFor="kpis-year" style={filterLabel}>
            <span>{t('kpis.year')}</span>
            <Select
              id="kpis-year"
              style={{ minWidth: 110 }}
              value={year}
              options={yearChoices(year)}
              onChange={(value: string) => setSearch({ year: value, agreement: agreementId })}
            />
          </label>
        </Flex>
      </section>
      {failure && <Alert type="error" showIcon message={t('app.loadFailed', { message: failure.message })} />}
      {agreements.data && list.length === 0 ? (
        <Empty description={t('kpis.empty')} />
      ) : (
        <>
          {option && agreement && (
            <Chart
              option={option}
              height={320}
              label={t('kpis.chart', { agreement: agreement.title })}
              testId="kpi-chart"
            />
          )}
          {/* A narrow window scrolls the table sideways; the region is focusable so keyboard users can scroll it. */}
          <section aria-label={t('kpis.table')} tabIndex={0} style={{ overflowX: 'auto' }}>
            <Table<MonthRow>
              rowKey="month"
              size="small"
              loading={!loaded && agreement !== undefined}
              pagination={false}
              dataSource={rows}
              columns={columns(locale, t)}
            />
          </section>
        </>
      )}
    </Space>
  );
}
