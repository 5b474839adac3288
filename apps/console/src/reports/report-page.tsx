import { Alert, Button, Card, Descriptions, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDate, formatDuration, formatInstant } from '../i18n/format';
import { useAccessControl } from '../shell/health.queries';
import { useMay } from '../shell/session.queries';
import { useLocation, useSearchParams } from '../shell/location';
import {
  comparisonRange,
  describeKey,
  formatValue,
  nextStep,
  revisionFrom,
  rowFields,
  timelinessOf,
} from './report-changes';
import { StatusTag, TimelinessTag } from './report-tags';
import { ConsoleLink, periodLabel } from './reports-page';
import {
  ApiError,
  useAgreementTitles,
  useComparison,
  useListing,
  useReportStep,
  useRevision,
  useRevisionHtml,
  useRevisions,
  type ContentChange,
  type ReportRevision,
} from './reports.queries';
import { addPageDictionary } from '../i18n/page-dictionary';
import { reportsDictionary } from './reports.i18n';

addPageDictionary(reportsDictionary);

// Removed and added values, told apart by more than colour: struck through and underlined, both at AA contrast.
const BEFORE = { color: '#a8071a', background: '#fff1f0', textDecoration: 'line-through' } as const;
const AFTER = { color: '#135200', background: '#f6ffed', textDecoration: 'underline' } as const;
const CHANGE_COLOURS = {
  added: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  removed: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  changed: { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' },
} as const;

function changeColumns(locale: string, t: TFunction): TableColumnsType<ContentChange & { index: number }> {
  return [
    {
      title: t('reports.comparison.section'),
      key: 'section',
      width: 180,
      render: (_, row) => t(`reports.sections.${row.section}`, { defaultValue: row.section }),
    },
    {
      title: t('reports.comparison.about'),
      key: 'about',
      width: 260,
      render: (_, row) => describeKey(row.key, locale) || '—',
    },
    {
      title: t('reports.comparison.change'),
      key: 'change',
      width: 110,
      render: (_, row) => (
        <Tag style={CHANGE_COLOURS[row.change]} data-testid="change" data-change={row.change}>
          {t(`reports.comparison.${row.change}`)}
        </Tag>
      ),
    },
    {
      title: t('reports.comparison.values'),
      key: 'values',
      render: (_, row) => {
        const lines =
          row.change === 'changed'
            ? row.fields.map((field) => (
                <li key={field.field} data-testid="changed-field" data-field={field.field}>
                  <code>{field.field}</code>: <del style={BEFORE}>{formatValue(field.before, locale)}</del> →{' '}
                  <ins style={AFTER}>{formatValue(field.after, locale)}</ins>
                </li>
              ))
            : rowFields(row.change === 'added' ? row.after : row.before).map(({ field, value }) => (
                <li key={field}>
                  <code>{field}</code>:{' '}
                  {row.change === 'added' ? (
                    <ins style={AFTER}>{formatValue(value, locale)}</ins>
                  ) : (
                    <del style={BEFORE}>{formatValue(value, locale)}</del>
                  )}
                </li>
              ));
        return <ul style={{ margin: 0, paddingInlineStart: 18, wordBreak: 'break-word' }}>{lines}</ul>;
      },
    },
  ];
}

/** The review → approval → publication step the open revision awaits, for whoever the API takes as the actor. */
function Steps({ reportId, revision }: { reportId: string; revision: ReportRevision }) {
  const { t } = useTranslation();
  const accessControl = useAccessControl();
  const [actor, setActor] = useState('');
  const [notes, setNotes] = useState('');
  const step = useReportStep(reportId);
  const mayChange = useMay('change');
  const next = nextStep(revision.status);
  if (!next) return <Typography.Paragraph>{t('reports.steps.done')}</Typography.Paragraph>;
  if (accessControl.data === undefined || mayChange === undefined) return null;
  if (!mayChange) {
    return (
      <Typography.Paragraph data-testid="steps-not-yours">
        {t(`reports.steps.awaiting.${next}`)} {t('reports.steps.notYours')}
      </Typography.Paragraph>
    );
  }
  // With access control on the signed-in principal acts; the API refuses the roles it does not allow (403).
  const named = accessControl.data === 'off';
  const error = step.error instanceof ApiError ? step.error : undefined;
  const actorIssue = error?.issues.find((issue) => issue.path === 'X-Actor');
  const otherIssues = error?.issues.filter((issue) => issue.path !== 'X-Actor') ?? [];
  const run = () =>
    step.mutate({ step: next, revision: revision.revision, actor: named ? actor.trim() : undefined, notes });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        run();
      }}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t(`reports.steps.awaiting.${next}`)}</Typography.Paragraph>
        {named && (
          <div>
            <label htmlFor="report-actor">{t('reports.steps.actor')}</label>
            <Input
              id="report-actor"
              value={actor}
              onChange={(event) => setActor(event.target.value)}
              status={actorIssue ? 'error' : undefined}
              aria-invalid={actorIssue ? true : undefined}
              aria-describedby="report-actor-help"
              autoComplete="off"
              style={{ maxWidth: 320, display: 'block' }}
            />
            <Typography.Text type={actorIssue ? 'danger' : 'secondary'} id="report-actor-help">
              {actorIssue ? actorIssue.message : t('reports.steps.actorHelp')}
            </Typography.Text>
          </div>
        )}
        {next === 'review' && (
          <div>
            <label htmlFor="report-notes">{t('reports.steps.notes')}</label>
            <Input.TextArea
              id="report-notes"
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
              rows={2}
              maxLength={5_000}
              style={{ maxWidth: 640 }}
            />
          </div>
        )}
        <Button type="primary" htmlType="submit" loading={step.isPending} data-testid={`step-${next}`}>
          {t(`reports.steps.${next}`)}
        </Button>
        {step.error && !actorIssue && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="step-error"
            data-code={error?.code}
            message={
              error?.code
                ? t(`reports.errors.${error.code}`, { defaultValue: t('reports.errors.refused') })
                : t('reports.errors.refused')
            }
            description={
              <>
                {step.error.message}
                {otherIssues.map((issue) => (
                  <div key={issue.path}>
                    <code>{issue.path}</code>: {issue.message}
                  </div>
                ))}
              </>
            }
          />
        )}
      </Space>
    </form>
  );
}

/**
 * One service report: a revision as the API renders it, its PDF and breaches CSV, every revision, a comparison of two
 * and the step the open revision awaits. `?revision=N` picks the revision (newest by default), `&compare=M` the one it
 * is compared with.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { path } = useLocation();
  const reportId = decodeURIComponent(path.slice('/report/'.length));
  const [search, setSearch] = useSearchParams();
  const first = useRevision(reportId, 1);
  const listing = useListing(reportId, first.data);
  const latest = listing.data?.latestRevision;
  const shown = latest === undefined ? undefined : Math.min(revisionFrom(search.get('revision'), latest), latest);
  const revision = useRevision(reportId, shown);
  const revisions = useRevisions(reportId, latest);
  const range =
    shown === undefined || latest === undefined ? undefined : comparisonRange(shown, search.get('compare'), latest);
  const comparison = useComparison(reportId, range);
  const content = revision.data?.content;
  const html = useRevisionHtml(reportId, shown, content ? (content.language ?? 'en') : undefined);
  const titles = useAgreementTitles();
  const failure = first.error ?? listing.error ?? revision.error ?? revisions.error ?? comparison.error ?? html.error;
  const timeZone = content?.timeZone;
  const instant = (value: string | null) => (value === null ? '—' : formatInstant(value, locale, timeZone));
  const agreementTitle = content ? (titles.data?.get(content.agreementId) ?? content.agreementId) : '';
  const base = `/reports/${encodeURIComponent(reportId)}/revisions/${shown ?? 1}`;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <ConsoleLink href="/service-reports">{t('reports.backToList')}</ConsoleLink>
        <Typography.Title level={1} style={{ marginTop: 8 }}>
          {content
            ? t('reports.report.title', { agreement: agreementTitle, period: periodLabel(content.period, locale, t) })
            : t('reports.report.loading')}
        </Typography.Title>
      </div>
      {failure && <Alert type="error" showIcon message={t('app.loadFailed', { message: failure.message })} />}
      {revision.data && listing.data && content && (
        <>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            data-testid="report-facts"
            items={[
              {
                key: 'agreement',
                label: t('reports.report.agreement'),
                children: `${agreementTitle} (${content.agreementId})`,
              },
              { key: 'period', label: t('reports.report.period'), children: periodLabel(content.period, locale, t) },
              { key: 'timeZone', label: t('reports.report.timeZone'), children: content.timeZone },
              {
                key: 'audience',
                label: t('reports.report.audience'),
                children: t(`reports.audience.${listing.data.audience}`, { defaultValue: listing.data.audience }),
              },
              {
                key: 'due',
                label: t('reports.report.dueDate'),
                children: <span data-testid="due-date">{formatDate(listing.data.dueDate, locale)}</span>,
              },
              {
                key: 'timeliness',
                label: t('reports.report.timeliness'),
                children: (
                  <Space size={4}>
                    <TimelinessTag timeliness={timelinessOf(listing.data)} t={t} />
                    {listing.data.onTime === false && listing.data.lateByMs !== null && (
                      <span>{t('reports.lateBy', { duration: formatDuration(listing.data.lateByMs, locale) })}</span>
                    )}
                  </Space>
                ),
              },
              {
                key: 'revision',
                label: t('reports.report.revision'),
                children: (
                  <span data-testid="shown-revision">
                    {t('reports.report.revisionOf', {
                      revision: formatCount(revision.data.revision, locale),
                      latest: formatCount(listing.data.latestRevision, locale),
                    })}
                  </span>
                ),
              },
              {
                key: 'status',
                label: t('reports.report.status'),
                children: <StatusTag status={revision.data.status} t={t} />,
              },
              {
                key: 'drafted',
                label: t('reports.report.drafted'),
                children: t('reports.report.byAt', {
                  actor: revision.data.draftedBy,
                  at: instant(revision.data.draftedAt),
                }),
              },
              { key: 'reviewed', label: t('reports.report.reviewed'), children: instant(revision.data.reviewedAt) },
              {
                key: 'approved',
                label: t('reports.report.approved'),
                children: revision.data.approvedBy
                  ? t('reports.report.byAt', { actor: revision.data.approvedBy, at: instant(revision.data.approvedAt) })
                  : '—',
              },
              { key: 'published', label: t('reports.report.published'), children: instant(revision.data.publishedAt) },
              ...(revision.data.reason
                ? [{ key: 'reason', label: t('reports.report.reason'), children: revision.data.reason }]
                : []),
              {
                key: 'hash',
                label: t('reports.report.contentHash'),
                children: <code style={{ wordBreak: 'break-all' }}>{revision.data.contentHash}</code>,
              },
            ]}
          />
          <Flex wrap gap="middle">
            <a href={`${base}/pdf`} target="_blank" rel="noreferrer" data-testid="pdf-link">
              {t('reports.report.pdf')}
            </a>
            {content.breaches && (
              <a href={`${base}/breaches.csv`} download data-testid="csv-link">
                {t('reports.report.csv')}
              </a>
            )}
          </Flex>
          {shown === listing.data.latestRevision && (
            <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('reports.steps.title')}</h2>}>
              <Steps reportId={reportId} revision={revision.data} />
            </Card>
          )}
        </>
      )}
      {revisions.data && shown !== undefined && (
        <section aria-labelledby="revisions-heading">
          <Typography.Title level={2} id="revisions-heading" style={{ fontSize: 20 }}>
            {t('reports.revisions.title')}
          </Typography.Title>
          <Table<ReportRevision>
            rowKey="revision"
            size="small"
            pagination={false}
            dataSource={revisions.data}
            rowClassName={(row) => (row.revision === shown ? 'ant-table-row-selected' : '')}
            columns={[
              {
                title: t('reports.revisions.revision'),
                key: 'revision',
                render: (_, row) =>
                  row.revision === shown ? (
                    <strong aria-current="true">{formatCount(row.revision, locale)}</strong>
                  ) : (
                    <ConsoleLink
                      href={`/report/${encodeURIComponent(reportId)}?revision=${row.revision}`}
                      testId="revision-link"
                    >
                      {t('reports.revisions.show', { revision: formatCount(row.revision, locale) })}
                    </ConsoleLink>
                  ),
              },
              {
                title: t('reports.revisions.status'),
                key: 'status',
                render: (_, row) => <StatusTag status={row.status} t={t} />,
              },
              {
                title: t('reports.revisions.drafted'),
                key: 'drafted',
                render: (_, row) => t('reports.report.byAt', { actor: row.draftedBy, at: instant(row.draftedAt) }),
              },
              { title: t('reports.revisions.reason'), key: 'reason', render: (_, row) => row.reason ?? '—' },
              {
                title: t('reports.revisions.changes'),
                key: 'changes',
                render: (_, row) => (row.revision === 1 ? '—' : formatCount(row.changesFromPrevious.length, locale)),
              },
            ]}
          />
        </section>
      )}
      {latest !== undefined && latest > 1 && shown !== undefined && (
        <section aria-labelledby="comparison-heading">
          <Typography.Title level={2} id="comparison-heading" style={{ fontSize: 20 }}>
            {t('reports.comparison.title')}
          </Typography.Title>
          <label htmlFor="report-compare" style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <span>{t('reports.comparison.with', { revision: formatCount(shown, locale) })}</span>
            <Select
              id="report-compare"
              style={{ minWidth: 200 }}
              allowClear
              placeholder={t('reports.comparison.choose')}
              value={range ? (range.from === shown ? range.to : range.from) : undefined}
              options={Array.from({ length: latest }, (_, index) => index + 1)
                .filter((number) => number !== shown)
                .map((number) => ({
                  value: number,
                  label: t('reports.revisionNumber', { revision: formatCount(number, locale) }),
                }))}
              onChange={(value?: number) =>
                setSearch({ revision: String(shown), compare: value === undefined ? undefined : String(value) })
              }
            />
          </label>
          {comparison.data && range && (
            <div style={{ marginTop: 16 }}>
              <Typography.Paragraph data-testid="comparison-summary">
                {t('reports.comparison.summary', {
                  from: formatCount(range.from, locale),
                  to: formatCount(range.to, locale),
                  count: comparison.data.changes.length,
                  changes: formatCount(comparison.data.changes.length, locale),
                })}
                {comparison.data.to.reason &&
                  ` ${t('reports.comparison.reason', { reason: comparison.data.to.reason })}`}
              </Typography.Paragraph>
              <div tabIndex={0} role="region" aria-label={t('reports.comparison.table')} style={{ overflowX: 'auto' }}>
                <Table<ContentChange & { index: number }>
                  rowKey="index"
                  size="small"
                  pagination={false}
                  dataSource={comparison.data.changes.map((change, index) => ({ ...change, index }))}
                  columns={changeColumns(locale, t)}
                  locale={{ emptyText: t('reports.comparison.none') }}
                />
              </div>
            </div>
          )}
        </section>
      )}
      {html.data !== undefined && (
        <section aria-labelledby="html-heading">
          <Typography.Title level={2} id="html-heading" style={{ fontSize: 20 }}>
            {t('reports.report.document')}
          </Typography.Title>
          {/* The API's own rendering, in a frame with every permission withheld: no script runs in it. */}
          <iframe
            title={t('reports.report.documentFrame')}
            sandbox=""
            srcDoc={html.data}
            data-testid="report-html"
            style={{ width: '100%', height: '80vh', border: '1px solid #d9d9d9', background: '#fff' }}
          />
        </section>
      )}
    </Space>
  );
}
