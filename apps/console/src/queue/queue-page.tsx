import { Alert, Badge, Card, Col, Flex, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDuration, formatInstant } from '../i18n/format';
import { navigate, useSearchParams } from '../shell/location';
import { PRIORITIES, formatCountdown, priorityParameter } from './queue-view';
import { useServiceNames } from './names.queries';
import { clockKey, useQueue, type QueueItem } from './queue.queries';
import { GOLD, RED, StateTag } from './state-tags';
import { addPageDictionary } from '../i18n/page-dictionary';
import { queueDictionary } from './queue.i18n';

addPageDictionary(queueDictionary);

const filterLabel = { display: 'inline-flex', alignItems: 'center', gap: 8 } as const;
// Whole rows are tinted by urgency (the tag says it in words too, for those who do not see the colour).
const ROW_STYLES = `
.desk-queue-row-breached > td { background: ${RED.background} !important; }
.desk-queue-row-at-risk > td { background: ${GOLD.background} !important; }
`;

function Link({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a href={href} onClick={(event) => (event.preventDefault(), navigate(href))}>
      {children}
    </a>
  );
}

/** Wall-clock time to an instant, ticking every second between the queue's refreshes. */
function Countdown({ at }: { at: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  const left = formatCountdown(Date.parse(at) - now);
  return (
    <Typography.Text type="secondary" data-testid="countdown" style={{ whiteSpace: 'nowrap' }}>
      {left === null ? t('queue.reached') : t('queue.countdown', { countdown: left })}
    </Typography.Text>
  );
}

function NextInstant({ item, locale }: { item: QueueItem; locale: string }) {
  const { t } = useTranslation();
  const zone = item.timeZone ?? undefined;
  const instant = item.next?.at ?? (item.state === 'breached' ? item.breachAt : null);
  if (!instant) return <Typography.Text type="secondary">{t('queue.none')}</Typography.Text>;
  return (
    <Space direction="vertical" size={0} data-testid="next" style={{ whiteSpace: 'nowrap' }}>
      <strong>{item.next ? t(`queue.next.${item.next.kind}`) : t('queue.state.breached')}</strong>
      <span data-testid="next-at">{formatInstant(instant, locale, zone)}</span>
      {zone && <Typography.Text type="secondary">{zone}</Typography.Text>}
    </Space>
  );
}

function TimeLeft({ item, locale }: { item: QueueItem; locale: string }) {
  const { t } = useTranslation();
  if (item.next)
    return (
      <Space direction="vertical" size={0} data-testid="left">
        <strong data-testid="business-left" style={{ whiteSpace: 'nowrap' }}>
          {t('queue.businessLeft', { duration: formatDuration(item.next.businessMsLeft, locale) })}
        </strong>
        <Countdown at={item.next.at} />
      </Space>
    );
  if (item.remainingMs === null)
    return (
      <Typography.Text type="secondary" data-testid="left">
        {t('queue.noTarget')}
      </Typography.Text>
    );
  if (item.state === 'breached' || item.remainingMs <= 0)
    return (
      <Typography.Text type="danger" strong data-testid="left">
        {t('queue.overTarget', { duration: formatDuration(Math.abs(item.remainingMs), locale) })}
      </Typography.Text>
    );
  return (
    <span data-testid="left">{t('queue.pausedLeft', { duration: formatDuration(item.remainingMs, locale) })}</span>
  );
}

function columns(locale: string, t: TFunction, services: ReadonlyMap<string, string>): TableColumnsType<QueueItem> {
  return [
    {
      title: t('queue.columns.ticket'),
      key: 'ticket',
      render: (_, item) => (
        <Link href={`/ticket-timeline/${encodeURIComponent(item.ticketId)}`}>
          <strong data-testid="ticket" style={{ whiteSpace: 'nowrap' }}>
            {item.ticketId}
          </strong>
        </Link>
      ),
    },
    {
      title: t('queue.columns.customer'),
      key: 'customer',
      render: (_, item) => (
        <Space direction="vertical" size={0}>
          <span data-testid="customer">{item.customer ?? '—'}</span>
          <Link href={`/agreement/${encodeURIComponent(item.agreementId)}`}>
            {item.agreementTitle ?? item.agreementId}
          </Link>
        </Space>
      ),
    },
    {
      title: t('queue.columns.service'),
      key: 'service',
      render: (_, item) => (
        <span data-testid="service" data-service={item.serviceId}>
          {services.get(item.serviceId) ?? item.serviceId}
        </span>
      ),
    },
    {
      title: t('queue.columns.priority'),
      key: 'priority',
      render: (_, item) => <span data-testid="priority">{item.priority ?? '—'}</span>,
    },
    {
      title: t('queue.columns.clock'),
      key: 'clock',
      render: (_, item) => <span data-testid="metric">{t(`queue.metric.${item.metric}`)}</span>,
    },
    {
      title: t('queue.columns.state'),
      key: 'state',
      render: (_, item) => <StateTag state={item.state} label={t(`queue.state.${item.state}`)} />,
    },
    {
      title: t('queue.columns.next'),
      key: 'next',
      render: (_, item) => <NextInstant item={item} locale={locale} />,
    },
    { title: t('queue.columns.left'), key: 'left', render: (_, item) => <TimeLeft item={item} locale={locale} /> },
  ];
}

/**
 * The service desk's live queue: every open clock, most urgent first as the API orders it, refreshed every two
 * seconds without a reload, the time left counting down in between. Filters live in the URL.
 */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [search, setSearch] = useSearchParams();
  const customer = search.get('customer') ?? undefined;
  const agreementId = search.get('agreement') ?? undefined;
  const priority = priorityParameter(search.get('priority'));
  const queue = useQueue({ customer, agreementId, priority });
  // The choices come from the whole queue, so choosing one customer does not hide the others from the list.
  const everything = useQueue({});
  const serviceNames = useServiceNames();
  const all = everything.data?.items ?? [];
  const customers = [...new Set(all.flatMap((item) => (item.customer ? [item.customer] : [])))].sort();
  const agreements = [
    ...new Map(
      all
        .filter((item) => customer === undefined || item.customer === customer)
        .map((item) => [item.agreementId, item.agreementTitle ?? item.agreementId]),
    ),
  ].sort((left, right) => left[1].localeCompare(right[1], locale));
  if (agreementId && !agreements.some(([id]) => id === agreementId)) agreements.push([agreementId, agreementId]);
  const view = queue.data;
  const failure = queue.error ?? everything.error;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <style>{ROW_STYLES}</style>
      <div>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {t('queue.title')}{' '}
          <Badge status="processing" text={t('queue.live')} style={{ fontSize: 14, fontWeight: 'normal' }} />
        </Typography.Title>
        {view && (
          <Typography.Paragraph type="secondary" data-testid="as-of" data-as-of={view.asOf}>
            {t('queue.intro', { asOf: formatInstant(view.asOf, locale) })}
          </Typography.Paragraph>
        )}
      </div>
      <section aria-label={t('queue.filters')}>
        <Flex wrap gap="middle" align="center">
          <label htmlFor="customer-filter" style={filterLabel}>
            <span>{t('queue.customer')}</span>
            <Select
              id="customer-filter"
              style={{ minWidth: 220 }}
              allowClear
              placeholder={t('queue.allCustomers')}
              value={customer}
              options={customers.map((name) => ({ value: name, label: name }))}
              onChange={(value?: string) => setSearch({ customer: value, agreement: undefined })}
            />
          </label>
          <label htmlFor="agreement-filter" style={filterLabel}>
            <span>{t('queue.agreement')}</span>
            <Select
              id="agreement-filter"
              style={{ minWidth: 260 }}
              allowClear
              placeholder={t('queue.allAgreements')}
              value={agreementId}
              options={agreements.map(([value, label]) => ({ value, label }))}
              onChange={(value?: string) => setSearch({ agreement: value })}
            />
          </label>
          <label htmlFor="priority-filter" style={filterLabel}>
            <span>{t('queue.priority')}</span>
            <Select
              id="priority-filter"
              style={{ minWidth: 160 }}
              allowClear
              placeholder={t('queue.allPriorities')}
              value={priority}
              options={PRIORITIES.map((value) => ({ value, label: value }))}
              onChange={(value?: string) => setSearch({ priority: value })}
            />
          </label>
        </Flex>
      </section>
      {failure && <Alert type="error" showIcon message={t('app.loadFailed', { message: failure.message })} />}
      <section aria-label={t('queue.summary')}>
        <Row gutter={[16, 16]}>
          {(
            [
              ['total', view?.total],
              ['breached', view?.counts.breached],
              ['at-risk', view?.counts.atRisk],
              ['running', view?.counts.running],
              ['paused', view?.counts.paused],
            ] as const
          ).map(([key, value]) => (
            <Col key={key} xs={12} sm={8} md={4}>
              <Card size="small">
                <Statistic
                  title={key === 'total' ? t('queue.total') : t(`queue.state.${key}`)}
                  value={value === undefined ? '—' : formatCount(value, locale)}
                  valueRender={(node) => <span data-testid={`count-${key}`}>{node}</span>}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </section>
      {/* A narrow window scrolls the table sideways; the region is focusable so keyboard users can scroll it too. */}
      <section aria-label={t('queue.clocks')} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table<QueueItem>
          rowKey={clockKey}
          loading={queue.isLoading}
          dataSource={view?.items ?? []}
          columns={columns(locale, t, serviceNames.data ?? new Map())}
          rowClassName={(item) =>
            item.state === 'breached' || item.state === 'at-risk' ? `desk-queue-row-${item.state}` : ''
          }
          pagination={false}
          // antd's own empty text is too pale for AA contrast; the console's secondary text colour reaches it.
          locale={{ emptyText: <Typography.Text type="secondary">{t('queue.empty')}</Typography.Text> }}
        />
      </section>
    </Space>
  );
}
