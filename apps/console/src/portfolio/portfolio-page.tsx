import { Alert, Card, Col, Flex, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { currentMonth, monthChoices } from '../shell/months';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { navigate, useSearchParams } from '../shell/location';
import { formatCount, formatDuration, formatInstant, formatPercent, formatPeriod, formatTarget } from '../i18n/format';
import { reportCounts, usePeriodReports, usePortfolio, type PortfolioRow, type ReportRow } from './portfolio.queries';

// Ant Design's preset tag colours fall short of AA contrast for small text (green and gold especially): darker text
// on the same light backgrounds reaches 4.5:1.
const COMPLIANCE_COLOURS = {
  met: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  'at-risk': { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' },
  breached: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
} as const;
const filterLabel = { display: 'inline-flex', alignItems: 'center', gap: 8 } as const;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The agreement's own page, on the portfolio's month. */
const agreementHref = (row: PortfolioRow, period: string) =>
  `/agreement/${encodeURIComponent(row.agreementId)}?period=${period}`;

function Availability({ row, locale }: { row: PortfolioRow; locale: string }) {
  const { t } = useTranslation();
  if (row.availability.length === 0)
    return <Typography.Text type="secondary">{t('portfolio.noAvailabilityTarget')}</Typography.Text>;
  return (
    <Space direction="vertical" size={4}>
      {row.availability.map((term) => (
        <Space
          direction="vertical"
          size={0}
          key={`${term.serviceId}/${term.version}/${term.from}`}
          data-testid="availability-term"
        >
          <span style={{ whiteSpace: 'nowrap' }}>
            {t('portfolio.availabilityTerm', {
              service: term.serviceId,
              actual:
                term.availabilityPercent === null
                  ? t('portfolio.notMeasured')
                  : formatPercent(term.availabilityPercent, locale),
            })}
          </span>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {term.targetPercentage !== null &&
              t('portfolio.availabilityTarget', { target: formatTarget(term.targetPercentage, locale) })}
            {term.remainingDowntimeBudget !== null && (
              <>
                {' · '}
                {term.remainingDowntimeBudget > 0 ? (
                  t('portfolio.budgetLeft', { duration: formatDuration(term.remainingDowntimeBudget, locale) })
                ) : (
                  <Typography.Text type="danger">{t('portfolio.budgetSpent')}</Typography.Text>
                )}
              </>
            )}
          </Typography.Text>
        </Space>
      ))}
    </Space>
  );
}

function Metric({ figures, locale, testId }: { figures: PortfolioRow['response']; locale: string; testId: string }) {
  const { t } = useTranslation();
  if (figures.tickets === 0)
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('portfolio.noTickets')}
      </Typography.Text>
    );
  return (
    <Space direction="vertical" size={0} data-testid={testId}>
      <strong>{figures.percentWithinTarget === null ? '—' : formatPercent(figures.percentWithinTarget, locale)}</strong>
      <Typography.Text type="secondary">
        {t('portfolio.metricFigures', {
          met: formatCount(figures.met, locale),
          breached: formatCount(figures.breached, locale),
          open: formatCount(figures.open, locale),
        })}
      </Typography.Text>
    </Space>
  );
}

function columns(locale: string, reports: readonly ReportRow[], t: TFunction, period: string) {
  const list: TableColumnsType<PortfolioRow> = [
    {
      title: t('portfolio.columns.agreement'),
      key: 'agreement',
      width: 240,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <a
            href={agreementHref(row, period)}
            onClick={(event) => (event.preventDefault(), navigate(agreementHref(row, period)))}
          >
            <strong>{row.title}</strong>
          </a>
          <span>
            <Tag>{row.kind}</Tag>
            <Typography.Text type="secondary">{row.agreementId}</Typography.Text>
          </span>
        </Space>
      ),
    },
    { title: t('portfolio.columns.customer'), dataIndex: 'customer', key: 'customer' },
    {
      title: t('portfolio.columns.period'),
      key: 'period',
      render: (_, row) => (
        <Space direction="vertical" size={0} data-testid="period" style={{ whiteSpace: 'nowrap' }}>
          <span>{formatPeriod(row.from, row.to, row.timeZone, locale)}</span>
          <Typography.Text type="secondary">{row.timeZone}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('portfolio.columns.compliance'),
      key: 'compliance',
      width: 120,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Tag style={COMPLIANCE_COLOURS[row.compliance]} data-testid="compliance" data-compliance={row.compliance}>
            {t(`portfolio.compliance.${row.compliance}`)}
          </Tag>
          {row.atRiskClocks > 0 && (
            <Typography.Text type="secondary">
              {t('portfolio.atRiskClocks', { count: row.atRiskClocks })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('portfolio.columns.availability'),
      key: 'availability',
      render: (_, row) => <Availability row={row} locale={locale} />,
    },
    {
      title: t('portfolio.columns.response'),
      key: 'response',
      width: 150,
      render: (_, row) => <Metric figures={row.response} locale={locale} testId="response" />,
    },
    {
      title: t('portfolio.columns.resolution'),
      key: 'resolution',
      width: 150,
      render: (_, row) => <Metric figures={row.resolution} locale={locale} testId="resolution" />,
    },
    {
      title: t('portfolio.columns.followUps'),
      key: 'followUps',
      width: 120,
      align: 'right',
      render: (_, row) => <span data-testid="follow-ups">{formatCount(row.openFollowUps, locale)}</span>,
    },
    {
      title: t('portfolio.columns.reports'),
      key: 'reports',
      width: 130,
      render: (_, row) => {
        const counts = reportCounts(reports, row.agreementId);
        return (
          <span data-testid="reports">
            {t('portfolio.reportsFigures', {
              due: formatCount(counts.due, locale),
              late: formatCount(counts.late, locale),
            })}
          </span>
        );
      },
    },
  ];
  return list;
}

/**
 * Every agreement of the period at a glance: met, at risk or breached; availability with the downtime budget left;
 * response and resolution; open follow-ups and reports. The filters live in the URL (bookmarkable, shareable).
 */
export function PortfolioPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [search, setSearch] = useSearchParams();
  const requested = search.get('period') ?? '';
  const period = PERIOD.test(requested) ? requested : currentMonth();
  const customer = search.get('customer') ?? undefined;
  const service = search.get('service') ?? undefined;
  const filtered = usePortfolio({ period, customer, service });
  // The choices come from the whole period, so choosing one customer does not hide the others from the list.
  const everything = usePortfolio({ period });
  const reports = usePeriodReports(period);
  const rows = filtered.data?.agreements ?? [];
  const all = everything.data?.agreements ?? [];
  const customers = [...new Set(all.map((row) => row.customer))].sort();
  const services = [...new Set(all.flatMap((row) => row.services))].sort();
  const count = (compliance: PortfolioRow['compliance']) => rows.filter((row) => row.compliance === compliance).length;
  const failure = filtered.error ?? everything.error ?? reports.error;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {t('portfolio.title')}
        </Typography.Title>
        {filtered.data && (
          <Typography.Paragraph type="secondary">
            {t('portfolio.intro', { asOf: formatInstant(filtered.data.asOf, locale) })}
          </Typography.Paragraph>
        )}
      </div>
      <section aria-label={t('portfolio.filters')}>
        <Flex wrap gap="middle" align="center">
          <label htmlFor="period-filter" style={filterLabel}>
            <span>{t('portfolio.period')}</span>
            <Select
              id="period-filter"
              style={{ minWidth: 180 }}
              value={period}
              options={monthChoices(period, locale)}
              onChange={(value: string) => setSearch({ period: value })}
            />
          </label>
          <label htmlFor="customer-filter" style={filterLabel}>
            <span>{t('portfolio.customer')}</span>
            <Select
              id="customer-filter"
              style={{ minWidth: 220 }}
              allowClear
              placeholder={t('portfolio.allCustomers')}
              value={customer}
              options={customers.map((name) => ({ value: name, label: name }))}
              onChange={(value?: string) => setSearch({ customer: value, period })}
            />
          </label>
          <label htmlFor="service-filter" style={filterLabel}>
            <span>{t('portfolio.service')}</span>
            <Select
              id="service-filter"
              style={{ minWidth: 220 }}
              allowClear
              placeholder={t('portfolio.allServices')}
              value={service}
              options={services.map((id) => ({ value: id, label: id }))}
              onChange={(value?: string) => setSearch({ service: value, period })}
            />
          </label>
        </Flex>
      </section>
      {failure && <Alert type="error" showIcon message={t('app.loadFailed', { message: failure.message })} />}
      <section aria-label={t('portfolio.summary')}>
        <Row gutter={16}>
          {(['met', 'at-risk', 'breached'] as const).map((compliance) => (
            <Col key={compliance} xs={24} sm={8}>
              <Card size="small">
                <Statistic
                  title={t(`portfolio.compliance.${compliance}`)}
                  value={formatCount(count(compliance), locale)}
                  valueRender={(node) => <span data-testid={`count-${compliance}`}>{node}</span>}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </section>
      {/* A narrow window scrolls the table sideways; the region is focusable so keyboard users can scroll it too. */}
      <section aria-label={t('portfolio.agreements')} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table<PortfolioRow>
          rowKey="agreementId"
          loading={filtered.isLoading}
          dataSource={rows}
          columns={columns(locale, reports.data ?? [], t, period)}
          pagination={false}
          locale={{ emptyText: t('portfolio.empty') }}
        />
      </section>
    </Space>
  );
}
