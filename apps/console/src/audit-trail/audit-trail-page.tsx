import { Alert, Button, Card, Descriptions, Flex, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { currentMonth, monthChoices } from '../shell/months';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from '../shell/location';
import { useSession } from '../shell/session.queries';
import { formatCount, formatDuration, formatInstant, formatPercent, formatPeriod, formatTarget } from '../i18n/format';
import {
  diffFigures,
  figureKey,
  instantOf,
  periodViewOf,
  termKey,
  type FigureDiff,
  type PeriodView,
} from './audit-diff';
import {
  evidenceBundleHref,
  useAgreementsOfPeriod,
  useAvailability,
  useFirstPublication,
  useHistory,
  useInForce,
  useLatestTreeHead,
  useReplay,
  useResponseResolution,
  useRestatement,
  useSealState,
  type AvailabilityTerm,
  type Figure,
  type HistoryEntry,
  type ReplayStep,
} from './audit-trail.queries';
import { addPageDictionary } from '../i18n/page-dictionary';
import { auditTrailDictionary } from './audit-trail.i18n';

addPageDictionary(auditTrailDictionary);

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const filterLabel = { display: 'inline-flex', alignItems: 'center', gap: 8 } as const;
// A changed cell: a light gold background with dark text (AA contrast), and the other side's value spelled out, so
// the highlight never rests on colour alone.
const CHANGED = { background: '#fffbe6', boxShadow: 'inset 3px 0 0 #ad6800' } as const;
const GREEN = { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' };
const RED = { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' };
const GREY = { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' };
/** Who may download an evidence bundle (libs/access-control: access.evidence). */
const EVIDENCE_ROLES = new Set(['auditor', 'slm', 'admin']);
/** Who may read the replay and the signed tree heads (access.audit). */
const AUDIT_ROLES = new Set(['auditor', 'admin']);

/** An instant typed by the user (ISO 8601), applied to the URL on Enter or by the button; refused in place if not. */
function InstantField(props: {
  id: string;
  label: string;
  value: string | null;
  placeholder: string;
  onApply: (instant: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.value ?? '');
  useEffect(() => setText(props.value ?? ''), [props.value]);
  const invalid = text.trim() !== '' && instantOf(text.trim()) === null;
  const apply = () => {
    if (!invalid) props.onApply(text.trim() ? (instantOf(text.trim()) ?? undefined) : undefined);
  };
  return (
    <Space direction="vertical" size={2}>
      <label htmlFor={props.id} style={filterLabel}>
        <span>{props.label}</span>
        <Space.Compact>
          <Input
            id={props.id}
            style={{ width: 260 }}
            value={text}
            placeholder={props.placeholder}
            status={invalid ? 'error' : undefined}
            aria-invalid={invalid}
            aria-describedby={invalid ? `${props.id}-error` : undefined}
            onChange={(event) => setText(event.target.value)}
            onPressEnter={apply}
          />
          <Button onClick={apply} disabled={invalid}>
            {t('auditTrail.apply')}
          </Button>
        </Space.Compact>
      </label>
      {invalid && (
        <Typography.Text type="danger" id={`${props.id}-error`}>
          {t('auditTrail.invalidInstant')}
        </Typography.Text>
      )}
    </Space>
  );
}

function replayColumns(
  t: TFunction,
  locale: string,
  timeZone: string | undefined,
  versionOf: Map<number, HistoryEntry>,
) {
  const columns: TableColumnsType<ReplayStep> = [
    { title: t('auditTrail.replay.columns.revision'), dataIndex: 'revision', key: 'revision', width: 60 },
    {
      title: t('auditTrail.replay.columns.fact'),
      key: 'fact',
      render: (_, step) => (
        <span data-testid="fact" data-type={step.type}>
          {t(`auditTrail.replay.event.${step.type}`, { defaultValue: t('auditTrail.replay.otherEvent') })}
        </span>
      ),
    },
    {
      title: t('auditTrail.replay.columns.actor'),
      key: 'actor',
      render: (_, step) => <span data-testid="actor">{step.actor}</span>,
    },
    {
      title: t('auditTrail.replay.columns.recordedAt'),
      key: 'recordedAt',
      render: (_, step) => <span data-testid="recorded-at">{formatInstant(step.recordedAt, locale, timeZone)}</span>,
    },
    {
      title: t('auditTrail.replay.columns.occurredAt'),
      key: 'occurredAt',
      render: (_, step) => (
        <span data-testid="occurred-at">
          {step.occurredAt ? formatInstant(step.occurredAt, locale, timeZone) : t('auditTrail.replay.noOccurredAt')}
        </span>
      ),
    },
    {
      title: t('auditTrail.replay.columns.changeRequest'),
      key: 'changeRequest',
      render: (_, step) => (
        <span data-testid="change-request">{step.changeRequest ?? t('auditTrail.replay.noChangeRequest')}</span>
      ),
    },
    {
      title: t('auditTrail.replay.columns.version'),
      key: 'version',
      render: (_, step) => {
        const version = versionOf.get(step.revision)?.version;
        return <span data-testid="version">{version == null ? '—' : t('auditTrail.version', { version })}</span>;
      },
    },
    {
      title: t('auditTrail.replay.columns.state'),
      key: 'state',
      render: (_, step) => (
        <span data-testid="state">
          {(step.state?.versions ?? [])
            .map((version) =>
              t('auditTrail.replay.versionState', {
                version: version.version,
                status: t(`auditTrail.versionStatus.${version.status}`, { defaultValue: version.status }),
              }),
            )
            .join(' · ')}
          {step.state?.suspended ? ` · ${t('auditTrail.replay.suspended')}` : ''}
        </span>
      ),
    },
  ];
  return columns;
}

/** A cell of the period view: the figure of the side shown, and when it differs, what the other side says. */
function Cell(props: { changed: boolean; shown: ReactNode; other: ReactNode; otherLabel: string; testId: string }) {
  return (
    <div style={props.changed ? { ...CHANGED, padding: '2px 6px' } : undefined} data-testid={props.testId}>
      <span data-testid="value">{props.shown}</span>
      {props.changed && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="other">
          {props.otherLabel}: {props.other}
        </Typography.Text>
      )}
    </div>
  );
}

const FIGURE_FIELDS = ['tickets', 'met', 'breached', 'open', 'percentWithinTarget'] as const;
type FigureRow = Pick<Figure, 'serviceId' | 'priority' | 'metric' | (typeof FIGURE_FIELDS)[number]>;

function figureColumns(t: TFunction, locale: string, diff: FigureDiff<FigureRow>, otherLabel: string) {
  const byKey = new Map(diff.rows.map((row) => [row.key, row]));
  const value = (row: FigureRow | null, field: (typeof FIGURE_FIELDS)[number]) => {
    if (!row) return t('auditTrail.period.absent');
    const figure = row[field];
    if (figure === null) return '—';
    return field === 'percentWithinTarget'
      ? formatPercent(String(figure), locale)
      : formatCount(Number(figure), locale);
  };
  const columns: TableColumnsType<FigureRow> = [
    { title: t('auditTrail.period.columns.service'), dataIndex: 'serviceId', key: 'service' },
    { title: t('auditTrail.period.columns.priority'), dataIndex: 'priority', key: 'priority' },
    {
      title: t('auditTrail.period.columns.metric'),
      key: 'metric',
      render: (_, row) => t(`auditTrail.metric.${row.metric}`, { defaultValue: t('auditTrail.metric.other') }),
    },
    ...FIGURE_FIELDS.map((field) => ({
      title: t(`auditTrail.period.columns.${field}`),
      key: field,
      align: 'right' as const,
      render: (_: unknown, row: FigureRow) => {
        const entry = byKey.get(figureKey(row));
        return (
          <Cell
            testId={field}
            changed={entry?.changed.has(field) ?? false}
            shown={value(row, field)}
            other={value(entry?.other ?? null, field)}
            otherLabel={otherLabel}
          />
        );
      },
    })),
  ];
  return columns;
}

const TERM_FIELDS = ['availabilityPercent', 'downtime', 'excludedMaintenanceDowntime', 'targetMet'] as const;

function termColumns(t: TFunction, locale: string, diff: FigureDiff<AvailabilityTerm>, otherLabel: string) {
  const byKey = new Map(diff.rows.map((row) => [row.key, row]));
  const value = (term: AvailabilityTerm | null, field: (typeof TERM_FIELDS)[number]) => {
    if (!term) return t('auditTrail.period.absent');
    if (field === 'availabilityPercent')
      return term.availabilityPercent === null
        ? t('auditTrail.period.notMeasured')
        : formatPercent(term.availabilityPercent, locale);
    if (field === 'targetMet')
      return term.targetMet === null ? '—' : t(term.targetMet ? 'auditTrail.period.met' : 'auditTrail.period.missed');
    return formatDuration(term[field], locale);
  };
  const columns: TableColumnsType<AvailabilityTerm> = [
    { title: t('auditTrail.period.columns.service'), dataIndex: 'serviceId', key: 'service' },
    {
      title: t('auditTrail.period.columns.version'),
      key: 'version',
      render: (_, term) => t('auditTrail.version', { version: term.version }),
    },
    {
      title: t('auditTrail.period.columns.target'),
      key: 'target',
      render: (_, term) => (term.targetPercentage === null ? '—' : formatTarget(term.targetPercentage, locale)),
    },
    ...TERM_FIELDS.map((field) => ({
      title: t(`auditTrail.period.columns.${field}`),
      key: field,
      align: 'right' as const,
      render: (_: unknown, term: AvailabilityTerm) => {
        const entry = byKey.get(termKey(term));
        return (
          <Cell
            testId={field}
            changed={entry?.changed.has(field) ?? false}
            shown={value(term, field)}
            other={value(entry?.other ?? null, field)}
            otherLabel={otherLabel}
          />
        );
      },
    })),
  ];
  return columns;
}

/**
 * For auditors: an agreement's history fact by fact, with the version in force at any instant; a month's figures as
 * reported (as known when the report was published, or at a chosen time) or as known now, with what changed marked;
 * the evidence bundle to download; the log's latest signed tree head and the sealer's state. All of it in the URL.
 */
export function AuditTrailPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [search, setSearch] = useSearchParams();
  const requested = search.get('period') ?? '';
  const period = PERIOD.test(requested) ? requested : currentMonth();
  const agreements = useAgreementsOfPeriod(period);
  const agreementId = search.get('agreement') ?? agreements.data?.[0]?.agreementId;
  const agreement = agreements.data?.find((row) => row.agreementId === agreementId);
  // The agreement's own zone; UTC for one not in force in the month (the portfolio lists only those that are).
  const timeZone = agreement?.timeZone ?? (agreements.data ? 'UTC' : undefined);
  const view: PeriodView = periodViewOf(search.get('view'));
  const chosenKnownAt = instantOf(search.get('knownAt'));
  const publication = useFirstPublication(agreementId, period);
  const knownAt = chosenKnownAt ?? publication.data?.publishedRecordedAt ?? null;
  const at = instantOf(search.get('at')) ?? agreement?.from ?? null;

  const session = useSession();
  const role = session.data?.session?.role;
  const open = session.data?.accessControl === 'off';
  const mayDownload = open || (role !== undefined && EVIDENCE_ROLES.has(role));
  const mayAudit = open || (role !== undefined && AUDIT_ROLES.has(role));

  const replay = useReplay(agreementId, mayAudit);
  const history = useHistory(agreementId);
  const inForce = useInForce(agreementId, at);
  const request = { agreementId, period, timeZone };
  const now = useResponseResolution(request);
  const restatement = useRestatement(request, knownAt);
  const availabilityNow = useAvailability(request, null);
  const availabilityThen = useAvailability(request, knownAt, knownAt !== null);
  const treeHead = useLatestTreeHead(mayAudit);
  const seal = useSealState();

  const versionOf = new Map((history.data ?? []).map((entry) => [entry.revision, entry]));
  const reported: FigureRow[] = restatement.data?.asReported ?? [];
  const known: FigureRow[] = now.data ?? [];
  const showReported = view === 'reported';
  const fieldList = [...FIGURE_FIELDS];
  const figureDiff = showReported
    ? diffFigures(reported, known, figureKey, fieldList)
    : diffFigures(known, reported, figureKey, fieldList);
  const termsThen = availabilityThen.data?.terms ?? [];
  const termsNow = availabilityNow.data?.terms ?? [];
  const termDiff = showReported
    ? diffFigures(termsThen, termsNow, termKey, [...TERM_FIELDS])
    : diffFigures(termsNow, termsThen, termKey, [...TERM_FIELDS]);
  const comparing = knownAt !== null;
  const otherLabel = showReported ? t('auditTrail.period.nowLabel') : t('auditTrail.period.reportedLabel');
  const shownFigureRows = showReported && !comparing ? [] : figureDiff.rows.map((row) => row.shown);
  const shownTermRows = showReported && !comparing ? [] : termDiff.rows.map((row) => row.shown);
  const differences = comparing ? figureDiff.changedCells + termDiff.changedCells : 0;
  const failure = agreements.error ?? publication.error;
  const head = treeHead.data;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {t('auditTrail.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auditTrail.intro')}</Typography.Paragraph>
      </div>
      <section aria-label={t('auditTrail.filters')}>
        <Flex wrap gap="middle" align="center">
          <label htmlFor="audit-period" style={filterLabel}>
            <span>{t('auditTrail.period.label')}</span>
            <Select
              id="audit-period"
              style={{ minWidth: 180 }}
              value={period}
              options={monthChoices(period, locale)}
              onChange={(value: string) => setSearch({ period: value, knownAt: undefined, at: undefined })}
            />
          </label>
          <label htmlFor="audit-agreement" style={filterLabel}>
            <span>{t('auditTrail.agreement')}</span>
            <Select
              id="audit-agreement"
              style={{ minWidth: 320 }}
              value={agreementId}
              loading={agreements.isLoading}
              placeholder={t('auditTrail.noAgreements')}
              // The title names the customer already in the demo's agreements; the id tells two of one title apart.
              options={(agreements.data ?? []).map((row) => ({
                value: row.agreementId,
                label: `${row.title} · ${row.agreementId}`,
              }))}
              onChange={(value: string) => setSearch({ agreement: value, period, knownAt: undefined, at: undefined })}
            />
          </label>
        </Flex>
      </section>
      {failure && <Alert type="error" showIcon message={t('app.loadFailed', { message: failure.message })} />}
      {agreements.data && agreements.data.length === 0 && (
        <Alert type="info" showIcon message={t('auditTrail.noAgreementsInPeriod')} />
      )}

      {agreementId && (
        <>
          <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('auditTrail.replay.title')}</h2>}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                {t('auditTrail.replay.intro', { timeZone: timeZone ?? 'UTC' })}
              </Typography.Text>
              {session.data && !mayAudit && (
                <Typography.Text type="secondary">{t('auditTrail.auditorsOnly')}</Typography.Text>
              )}
              {replay.error && (
                <Alert type="error" showIcon message={t('app.loadFailed', { message: replay.error.message })} />
              )}
              <div tabIndex={0} role="region" aria-label={t('auditTrail.replay.title')} style={{ overflowX: 'auto' }}>
                <Table<ReplayStep>
                  data-testid="replay"
                  rowKey="eventId"
                  size="small"
                  loading={replay.isLoading || !timeZone}
                  dataSource={timeZone ? (replay.data ?? []) : []}
                  columns={replayColumns(t, locale, timeZone, versionOf)}
                  pagination={false}
                  locale={{ emptyText: t('auditTrail.replay.empty') }}
                />
              </div>
              <InstantField
                id="audit-in-force-at"
                label={t('auditTrail.inForce.at')}
                value={at}
                placeholder="2026-03-01T00:00:00Z"
                onApply={(instant) => setSearch({ at: instant })}
              />
              <div data-testid="in-force" aria-live="polite">
                {at && inForce.data && (
                  <Typography.Text>
                    {inForce.data.inForce
                      ? t('auditTrail.inForce.version', {
                          at: formatInstant(at, locale, timeZone),
                          version: inForce.data.inForce.version,
                          changeRequest: inForce.data.inForce.changeRequest ?? t('auditTrail.replay.noChangeRequest'),
                        })
                      : t('auditTrail.inForce.none', { at: formatInstant(at, locale, timeZone) })}
                    {inForce.data.inForce?.suspended ? ` ${t('auditTrail.replay.suspended')}` : ''}
                  </Typography.Text>
                )}
                {inForce.error && <Typography.Text type="danger">{inForce.error.message}</Typography.Text>}
              </div>
            </Space>
          </Card>

          <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('auditTrail.period.title')}</h2>}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              {agreement && (
                <Typography.Text type="secondary" data-testid="period-range">
                  {formatPeriod(agreement.from, agreement.to, agreement.timeZone, locale)} · {agreement.timeZone}
                </Typography.Text>
              )}
              <Flex wrap gap="middle" align="center">
                <Segmented<PeriodView>
                  aria-label={t('auditTrail.period.switch')}
                  value={view}
                  options={[
                    {
                      value: 'reported',
                      label: knownAt
                        ? t('auditTrail.period.asReportedAt', { at: formatInstant(knownAt, locale, timeZone) })
                        : t('auditTrail.period.asReported'),
                    },
                    { value: 'now', label: t('auditTrail.period.asKnownNow') },
                  ]}
                  onChange={(value) => setSearch({ view: value })}
                />
                <InstantField
                  id="audit-known-at"
                  label={t('auditTrail.period.knownAt')}
                  value={chosenKnownAt}
                  placeholder={publication.data?.publishedRecordedAt ?? '2026-04-05T00:00:00Z'}
                  onApply={(instant) => setSearch({ knownAt: instant })}
                />
              </Flex>
              <Typography.Text data-testid="known-at-source">
                {chosenKnownAt
                  ? t('auditTrail.period.chosenTime', { at: formatInstant(chosenKnownAt, locale, timeZone) })
                  : publication.data
                    ? t('auditTrail.period.publishedTime', {
                        report: publication.data.reportId,
                        at: formatInstant(publication.data.publishedRecordedAt, locale, timeZone),
                      })
                    : publication.isLoading
                      ? t('app.loading')
                      : t('auditTrail.period.noPublication')}
              </Typography.Text>
              {comparing && (
                <Alert
                  type={differences > 0 ? 'warning' : 'success'}
                  showIcon
                  data-testid="differences"
                  data-count={differences}
                  message={
                    differences > 0
                      ? t('auditTrail.period.differences', { count: differences })
                      : t('auditTrail.period.noDifferences')
                  }
                />
              )}
              {[now.error, restatement.error, availabilityNow.error, availabilityThen.error].map(
                (error, index) =>
                  error && (
                    <Alert
                      key={index}
                      type="error"
                      showIcon
                      message={t('app.loadFailed', { message: error.message })}
                    />
                  ),
              )}
              <h3 style={{ margin: 0, fontSize: 16 }}>{t('auditTrail.period.responseResolution')}</h3>
              <div
                tabIndex={0}
                role="region"
                aria-label={t('auditTrail.period.responseResolution')}
                style={{ overflowX: 'auto' }}
              >
                <Table<FigureRow>
                  data-testid="figures"
                  data-view={view}
                  rowKey={figureKey}
                  size="small"
                  loading={now.isLoading || restatement.isLoading}
                  dataSource={shownFigureRows}
                  columns={figureColumns(t, locale, figureDiff, otherLabel)}
                  pagination={false}
                  locale={{
                    emptyText:
                      showReported && !comparing ? t('auditTrail.period.chooseTime') : t('auditTrail.period.noTickets'),
                  }}
                />
              </div>
              {comparing && (restatement.data?.changes.length ?? 0) > 0 && (
                <div data-testid="late-facts">
                  <Typography.Text strong>{t('auditTrail.period.lateFacts')}</Typography.Text>
                  <ul>
                    {restatement.data!.changes.map((change) => (
                      <li key={`${change.ticketId}/${change.metric}`}>
                        {t('auditTrail.period.change', {
                          ticket: change.ticketId,
                          metric: t(`auditTrail.metric.${change.metric}`, {
                            defaultValue: t('auditTrail.metric.other'),
                          }),
                          reported: t(`auditTrail.clockState.${change.reported}`, {
                            defaultValue: t('auditTrail.clockState.unknown'),
                          }),
                          corrected: t(`auditTrail.clockState.${change.corrected}`, {
                            defaultValue: t('auditTrail.clockState.unknown'),
                          }),
                        })}
                        {change.causedBy.map((fact, index) => (
                          <Typography.Text type="secondary" key={index} style={{ display: 'block' }}>
                            {t('auditTrail.period.cause', {
                              occurred: formatInstant(fact.occurredAt, locale, timeZone),
                              recorded: formatInstant(fact.recordedAt, locale, timeZone),
                            })}
                          </Typography.Text>
                        ))}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <h3 style={{ margin: 0, fontSize: 16 }}>{t('auditTrail.period.availability')}</h3>
              <div
                tabIndex={0}
                role="region"
                aria-label={t('auditTrail.period.availability')}
                style={{ overflowX: 'auto' }}
              >
                <Table<AvailabilityTerm>
                  data-testid="terms"
                  rowKey={termKey}
                  size="small"
                  loading={availabilityNow.isLoading || availabilityThen.isLoading}
                  dataSource={shownTermRows}
                  columns={termColumns(t, locale, termDiff, otherLabel)}
                  pagination={false}
                  locale={{
                    emptyText:
                      showReported && !comparing ? t('auditTrail.period.chooseTime') : t('auditTrail.period.noTerms'),
                  }}
                />
              </div>
            </Space>
          </Card>

          <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('auditTrail.bundle.title')}</h2>}>
            <Space direction="vertical" size="small">
              <Typography.Text>{t('auditTrail.bundle.intro')}</Typography.Text>
              {mayDownload && timeZone ? (
                <Button
                  type="primary"
                  href={evidenceBundleHref(agreementId, period, timeZone)}
                  data-testid="download-bundle"
                >
                  {t('auditTrail.bundle.download', { period })}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('auditTrail.bundle.notAllowed')}</Typography.Text>
              )}
            </Space>
          </Card>
        </>
      )}

      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('auditTrail.log.title')}</h2>}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {treeHead.error && (
            <Alert type="error" showIcon message={t('app.loadFailed', { message: treeHead.error.message })} />
          )}
          {session.data && !mayAudit && (
            <Typography.Text type="secondary">{t('auditTrail.auditorsOnly')}</Typography.Text>
          )}
          {head ? (
            <Descriptions size="small" column={1} bordered data-testid="tree-head">
              <Descriptions.Item label={t('auditTrail.log.treeSize')}>
                <span data-testid="tree-size">{formatCount(head.treeSize, locale)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('auditTrail.log.rootHash')}>
                <code data-testid="root-hash" style={{ wordBreak: 'break-all' }}>
                  {head.rootHash}
                </code>
              </Descriptions.Item>
              <Descriptions.Item label={t('auditTrail.log.signedAt')}>
                <span data-testid="signed-at">{formatInstant(head.signedAt, locale)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('auditTrail.log.keyId')}>
                <code data-testid="key-id" style={{ wordBreak: 'break-all' }}>
                  {head.keyId}
                </code>
              </Descriptions.Item>
            </Descriptions>
          ) : (
            mayAudit &&
            !treeHead.isLoading &&
            !treeHead.error && <Typography.Text>{t('auditTrail.log.noHead')}</Typography.Text>
          )}
          {seal.data?.auditSeal && (
            <Space direction="vertical" size={4} data-testid="seal-state">
              <span>
                {t('auditTrail.log.sealState')}{' '}
                <Tag
                  style={seal.data.auditSeal.status === 'sealing' ? GREEN : RED}
                  data-status={seal.data.auditSeal.status}
                >
                  {t(`auditTrail.log.seal.${seal.data.auditSeal.status}`)}
                </Tag>
              </span>
              {seal.data.auditSeal.findings.length === 0 ? (
                <Typography.Text type="secondary">{t('auditTrail.log.noFindings')}</Typography.Text>
              ) : (
                <ul data-testid="seal-findings">
                  {seal.data.auditSeal.findings.map((finding) => (
                    <li key={finding.eventId}>
                      <Tag style={GREY}>{finding.kind}</Tag> {finding.eventId}: {finding.detail}
                    </li>
                  ))}
                </ul>
              )}
              {seal.data.headWitness && (
                <Typography.Text type="secondary">
                  {t('auditTrail.log.witness', {
                    witness: seal.data.headWitness.witness,
                    behind: formatCount(seal.data.headWitness.headsBehind, locale),
                  })}
                </Typography.Text>
              )}
            </Space>
          )}
          <Typography.Text type="secondary">{t('auditTrail.log.noVerificationRecord')}</Typography.Text>
        </Space>
      </Card>
    </Space>
  );
}
