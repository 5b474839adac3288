import { Alert, Card, Col, Flex, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDate, formatDuration, formatInstant } from '../i18n/format';
import { navigate, useSearchParams } from '../shell/location';
import { timelinessOf } from './report-changes';
import { StatusTag, TimelinessTag } from './report-tags';
import { useAgreementTitles, useReportList, type ListFilters, type ReportListItem } from './reports.queries';
import { addPageDictionary } from '../i18n/page-dictionary';
import { reportsDictionary } from './reports.i18n';

addPageDictionary(reportsDictionary);

const filterLabel = { display: 'inline-flex', alignItems: 'center', gap: 8 } as const;
const LIST_STATUSES = ['all', 'unpublished', 'overdue', 'published'] as const;

/** A reporting period as the locale names it: a month (2026-02) or a quarter (2026-Q1). */
export function periodLabel(period: string, locale: string, t: TFunction): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return t('reports.quarter', { year: quarter[1], quarter: quarter[2] });
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(`${period}-01T00:00:00Z`),
    );
  return period;
}

/** A link inside the console: a real href (open in a new tab works), navigated in place on a plain click. */
export function ConsoleLink({ href, children, testId }: { href: string; children: React.ReactNode; testId?: string }) {
  return (
    <a
      href={href}
      data-testid={testId}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

function columns(locale: string, titles: Map<string, string>, t: TFunction): TableColumnsType<ReportListItem> {
  return [
    {
      title: t('reports.columns.report'),
      key: 'report',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <ConsoleLink href={`/report/${encodeURIComponent(row.reportId)}`} testId="report-link">
            {t('reports.reportName', { period: periodLabel(row.period, locale, t) })}
          </ConsoleLink>
          <Typography.Text type="secondary" data-testid="audience">
            {t(`reports.audience.${row.audience}`, { defaultValue: row.audience })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('reports.columns.agreement'),
      key: 'agreement',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <strong>{titles.get(row.agreementId) ?? row.agreementId}</strong>
          <Typography.Text type="secondary">{row.agreementId}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('reports.columns.dueDate'),
      key: 'dueDate',
      render: (_, row) => (
        <span data-testid="due-date" style={{ whiteSpace: 'nowrap' }}>
          {formatDate(row.dueDate, locale)}
        </span>
      ),
    },
    {
      title: t('reports.columns.status'),
      key: 'status',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <StatusTag status={row.status} t={t} />
          <Typography.Text type="secondary" data-testid="revision">
            {t('reports.revisionNumber', { revision: formatCount(row.latestRevision, locale) })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('reports.columns.timeliness'),
      key: 'timeliness',
      render: (_, row) => {
        const timeliness = timelinessOf(row);
        return (
          <Space direction="vertical" size={0}>
            <TimelinessTag timeliness={timeliness} t={t} />
            {timeliness === 'late' && row.lateByMs !== null && (
              <Typography.Text type="secondary" data-testid="late-by">
                {t('reports.lateBy', { duration: formatDuration(row.lateByMs, locale) })}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      title: t('reports.columns.published'),
      key: 'published',
      render: (_, row) =>
        row.publishedAt === null ? (
          <Typography.Text type="secondary">{t('reports.notPublished')}</Typography.Text>
        ) : (
          <span data-testid="published-at" style={{ whiteSpace: 'nowrap' }}>
            {formatInstant(row.publishedAt, locale)}
          </span>
        ),
    },
  ];
}

/**
 * Every service report with its due date, where its newest revision stands and whether it went out on time. The
 * filters live in the URL; the status filter is the API's own (all, unpublished, overdue, published).
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [search, setSearch] = useSearchParams();
  const requested = search.get('status');
  const status = LIST_STATUSES.find((value) => value === requested) ?? 'all';
  const filters: ListFilters = {
    status,
    agreementId: search.get('agreement') ?? undefined,
    period: search.get('period') ?? undefined,
  };
  const list = useReportList(filters);
  // The choices come from every report, so choosing one agreement does not hide the others from the picker.
  const everything = useReportList({ status: 'all' });
  const titles = useAgreementTitles();
  const rows = list.data ?? [];
  const all = everything.data ?? [];
  const agreements = [...new Set(all.map((row) => row.agreementId))].sort();
  const periods = [...new Set(all.map((row) => row.period))].sort().reverse();
  const failure = list.error ?? everything.error ?? titles.error;
  const titleMap = titles.data ?? new Map<string, string>();
  const count = (kind: string) => rows.filter((row) => timelinessOf(row) === kind).length;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {t('reports.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('reports.intro')}</Typography.Paragraph>
      </div>
      <section aria-label={t('reports.filters')}>
        <Flex wrap gap="middle" align="center">
          <label htmlFor="report-period-filter" style={filterLabel}>
            <span>{t('reports.period')}</span>
            <Select
              id="report-period-filter"
              style={{ minWidth: 180 }}
              allowClear
              placeholder={t('reports.allPeriods')}
              value={filters.period}
              options={periods.map((value) => ({ value, label: periodLabel(value, locale, t) }))}
              onChange={(value?: string) => setSearch({ period: value })}
            />
          </label>
          <label htmlFor="report-agreement-filter" style={filterLabel}>
            <span>{t('reports.agreement')}</span>
            <Select
              id="report-agreement-filter"
              style={{ minWidth: 260 }}
              allowClear
              placeholder={t('reports.allAgreements')}
              value={filters.agreementId}
              options={agreements.map((id) => ({ value: id, label: titleMap.get(id) ?? id }))}
              onChange={(value?: string) => setSearch({ agreement: value })}
            />
          </label>
          <label htmlFor="report-status-filter" style={filterLabel}>
            <span>{t('reports.statusFilter')}</span>
            <Select
              id="report-status-filter"
              style={{ minWidth: 180 }}
              value={status}
              options={LIST_STATUSES.map((value) => ({ value, label: t(`reports.listStatus.${value}`) }))}
              onChange={(value: string) => setSearch({ status: value === 'all' ? undefined : value })}
            />
          </label>
        </Flex>
      </section>
      {failure && <Alert type="error" showIcon message={t('app.loadFailed', { message: failure.message })} />}
      <section aria-label={t('reports.summary')}>
        <Row gutter={16}>
          {(['on-time', 'late', 'overdue', 'due'] as const).map((kind) => (
            <Col key={kind} xs={12} sm={6}>
              <Card size="small">
                <Statistic
                  title={t(`reports.timeliness.${kind}`)}
                  value={formatCount(count(kind), locale)}
                  valueRender={(node) => <span data-testid={`count-${kind}`}>{node}</span>}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </section>
      {/* A narrow window scrolls the table sideways; the region is focusable so keyboard users can scroll it too. */}
      <section aria-label={t('reports.list')} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table<ReportListItem>
          rowKey="reportId"
          loading={list.isLoading}
          dataSource={rows}
          columns={columns(locale, titleMap, t)}
          pagination={false}
          locale={{ emptyText: t('reports.empty') }}
        />
      </section>
    </Space>
  );
}
