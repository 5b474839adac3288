import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import { createContext, useContext, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  amendBody,
  approvalBody,
  closureBody,
  detailBody,
  effectivenessBody,
  holdBody,
  progressBody,
  scheduleBody,
  signBody,
  submitBody,
} from '@sla/agreements-feature/bodies';
import { breachFollowUpStepData, type BreachFollowUpStep } from '@sla/compliance-domain/breach-follow-up-steps';
import { formatInstant } from '../i18n/format';
import { addPageDictionary } from '../i18n/page-dictionary';
import { deskDictionary } from './desk.i18n';
import { useLocation, useSearchParams } from '../shell/location';
import {
  ApiError,
  nextPlanStep,
  planRevision,
  reviewRevision,
  useAgreement,
  useAmendAgreement,
  useFollowUps,
  useGapsPreview,
  useHoldReview,
  usePlans,
  usePlanStep,
  useRecordFollowUp,
  useReviews,
  useScheduleReview,
  useSignVersion,
  useSubmitVersion,
  type Agreement,
  type PlanStep,
  type UnderpinningGap,
} from './desk.queries';
import { apiErrors, schemaErrors, type FieldErrors } from './field-errors';
import { Field, FormError, instantFromLocal, usePermissions, type Permissions } from './form-field';

addPageDictionary(deskDictionary);

type Actor = string | undefined;
type Context = { permissions: Permissions; actor: Actor };

// A conflict refreshes the page's data, which may remove the form that was sent (a version submitted meanwhile has
// no Submit form any more): the page itself keeps the message.
const ConflictNotice = createContext<() => void>(() => undefined);

/** A refusal as the form shows it; a concurrent change gets its own message: reload and check, nothing overwritten. */
function useRefusal() {
  const { t } = useTranslation();
  const conflict = useContext(ConflictNotice);
  return (error: unknown, fields: readonly string[], prefix = ''): FieldErrors => {
    if (error instanceof ApiError && error.status === 409 && error.code === 'CONCURRENT_MODIFICATION') {
      conflict();
      return { '': t('desk.conflict') };
    }
    return apiErrors(error, fields, prefix);
  };
}

/** Checks a body with the API's schema and the actor the API will need; the field errors, or none. */
function check(schema: { safeParse(value: unknown): { success: boolean; error?: unknown } }, body: unknown) {
  const result = schema.safeParse(body);
  return result.success ? {} : schemaErrors(result.error as Parameters<typeof schemaErrors>[0]);
}

/** A text input; the id and aria attributes Field gives it reach the element. */
function TextInput({
  value,
  onChange,
  type,
  width,
  ...attributes
}: {
  value: string;
  onChange: (value: string) => void;
  type?: string | undefined;
  width?: number;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  return (
    <Input
      {...attributes}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      type={type}
      autoComplete="off"
      style={{ width: width ?? 320, maxWidth: '100%' }}
    />
  );
}

// antd's table placeholder text is lighter than AA contrast allows; the theme's secondary text reaches it.
function EmptyText({ text }: { text: string }) {
  return <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{text}</span>;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{title}</h2>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {children}
      </Space>
    </Card>
  );
}

function useActorCheck(context: Context) {
  const { t } = useTranslation();
  return (errors: FieldErrors): FieldErrors =>
    context.permissions.named && !context.actor ? { ...errors, '': t('desk.actorRequired') } : errors;
}

function GapList({ gaps, testId }: { gaps: readonly UnderpinningGap[]; testId: string }) {
  const { t } = useTranslation();
  if (gaps.length === 0)
    return <Typography.Paragraph data-testid={`${testId}-none`}>{t('desk.gaps.none')}</Typography.Paragraph>;
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={[...gaps]}
      renderItem={(gap) => (
        <List.Item>
          {/* An availability target has no priority: its gap is worded without one. */}
          {t(gap.priority === null ? 'desk.gaps.gapOfService' : 'desk.gaps.gap', {
            problem: t(`desk.gaps.problems.${gap.problem}`),
            metric: t(`desk.metrics.${gap.metric}`),
            service: gap.serviceId,
            priority: gap.priority,
          })}
        </List.Item>
      )}
    />
  );
}

/** A draft's gaps as a submission would find them now, so the manager can fix the underpinning first. */
function GapsPreview({ agreement, version }: { agreement: Agreement & { etag: string }; version: number }) {
  const { t } = useTranslation();
  const preview = useGapsPreview(agreement.agreementId, version, agreement.revision, agreement.kind === 'SLA');
  if (agreement.kind !== 'SLA') return <Typography.Paragraph>{t('desk.gaps.notAnSla')}</Typography.Paragraph>;
  if (preview.isError)
    return <Alert type="warning" showIcon data-testid="gaps-preview-error" message={t('desk.gaps.previewFailed')} />;
  if (!preview.data) return <Spin size="small" />;
  return (
    <>
      <Typography.Paragraph>{t('desk.gaps.preview')}</Typography.Paragraph>
      <GapList gaps={preview.data.underpinningGaps} testId="gaps-preview" />
    </>
  );
}

function Negotiation({ agreement, context }: { agreement: Agreement & { etag: string }; context: Context }) {
  const { t, i18n } = useTranslation();
  const latest = agreement.versions.at(-1);
  const approved = agreement.versions.find((version) => version.version === agreement.approvedVersion);
  if (!latest) return <Typography.Paragraph>{t('desk.negotiation.noVersion')}</Typography.Paragraph>;
  return (
    <Section title={t('desk.negotiation.title')}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'version', label: t('desk.negotiation.version'), children: latest.version },
          {
            key: 'status',
            label: t('desk.negotiation.versionStatus'),
            children: <span data-testid="version-status">{t(`desk.versionStatuses.${latest.status}`)}</span>,
          },
          {
            key: 'change',
            label: t('desk.negotiation.changeRequest'),
            children: latest.changeRequest ?? t('desk.none'),
          },
          {
            key: 'signatures',
            label: t('desk.negotiation.signatures'),
            children:
              latest.signatures.length === 0 ? (
                t('desk.none')
              ) : (
                <span data-testid="signatures">
                  {latest.signatures
                    .map((signature) =>
                      t('desk.negotiation.signature', {
                        party: t(`desk.parties.${signature.party}`),
                        name: signature.signatory.name,
                        actor: signature.actor,
                        at: formatInstant(signature.signedAt, i18n.language),
                      }),
                    )
                    .join('; ')}
                </span>
              ),
          },
        ]}
      />
      <div>
        <h3 style={{ fontSize: 16 }}>{t('desk.gaps.title')}</h3>
        {latest.status === 'draft' ? (
          <GapsPreview agreement={agreement} version={latest.version} />
        ) : (
          <GapList gaps={latest.underpinningGaps} testId="gaps" />
        )}
      </div>
      {latest.status === 'draft' && context.permissions.change && (
        <SubmitForm agreement={agreement} version={latest.version} context={context} />
      )}
      {latest.status === 'submitted' && context.permissions.sign && (
        <SignForm agreement={agreement} context={context} />
      )}
      {latest.status === 'approved' && approved && context.permissions.change && agreement.status === 'in-effect' && (
        <AmendForm agreement={agreement} context={context} />
      )}
    </Section>
  );
}

function SubmitForm({
  agreement,
  version,
  context,
}: {
  agreement: Agreement & { etag: string };
  version: number;
  context: Context;
}) {
  const { t } = useTranslation();
  const submit = useSubmitVersion(agreement.agreementId);
  const refusal = useRefusal();
  const withActor = useActorCheck(context);
  const [errors, setErrors] = useState<FieldErrors>({});
  const run = () => {
    const local = withActor(check(submitBody, {}));
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    submit.mutate(
      { actor: context.actor, etag: agreement.etag, version, body: {} },
      { onError: (error) => setErrors(refusal(error, [])) },
    );
  };
  return (
    <Form layout="vertical" component="form" onFinish={run} aria-label={t('desk.negotiation.submit')}>
      <Typography.Paragraph>{t('desk.negotiation.submitIntro')}</Typography.Paragraph>
      <FormError errors={errors} testId="submit-error" />
      <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="submit-version">
        {t('desk.negotiation.submit')}
      </Button>
    </Form>
  );
}

function SignForm({ agreement, context }: { agreement: Agreement & { etag: string }; context: Context }) {
  const { t } = useTranslation();
  const latest = agreement.versions.at(-1)!;
  const unsigned = (['provider', 'counterparty'] as const).filter(
    (party) => !latest.signatures.some((signature) => signature.party === party),
  );
  const [party, setParty] = useState<string>(unsigned[0] ?? 'provider');
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const sign = useSignVersion(agreement.agreementId);
  const refusal = useRefusal();
  const withActor = useActorCheck(context);
  const gaps = latest.underpinningGaps.length > 0;
  const chosen = unsigned.includes(party as 'provider') ? party : (unsigned[0] ?? party);
  const run = () => {
    const body = {
      party: chosen,
      signatory: { name, title },
      ...(gaps || reason ? { riskAcceptance: { reason } } : {}),
    };
    const local = withActor(check(signBody, body));
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    sign.mutate(
      { actor: context.actor, etag: agreement.etag, version: latest.version, body: body as never },
      {
        onSuccess: () => {
          setName('');
          setTitle('');
          setReason('');
        },
        onError: (error) =>
          setErrors(refusal(error, ['party', 'signatory.name', 'signatory.title', 'riskAcceptance.reason'])),
      },
    );
  };
  return (
    <Form layout="vertical" component="form" onFinish={run} aria-label={t('desk.negotiation.sign')}>
      <h3 style={{ fontSize: 16 }}>{t('desk.negotiation.sign')}</h3>
      <FormError errors={errors} testId="sign-error" />
      <Field form="sign" path="party" label={t('desk.negotiation.party')} errors={errors}>
        <Select
          value={chosen}
          onChange={setParty}
          style={{ width: 240 }}
          options={unsigned.map((value) => ({ value, label: t(`desk.parties.${value}`) }))}
        />
      </Field>
      <Space wrap align="start" size="large">
        <Field form="sign" path="signatory.name" label={t('desk.negotiation.signatoryName')} errors={errors}>
          <TextInput value={name} onChange={setName} />
        </Field>
        <Field form="sign" path="signatory.title" label={t('desk.negotiation.signatoryTitle')} errors={errors}>
          <TextInput value={title} onChange={setTitle} />
        </Field>
      </Space>
      {gaps && (
        <Field
          form="sign"
          path="riskAcceptance.reason"
          label={t('desk.negotiation.riskAcceptance')}
          errors={errors}
          help={t('desk.negotiation.riskAcceptanceHelp')}
        >
          <Input.TextArea
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={2}
            style={{ maxWidth: 640 }}
          />
        </Field>
      )}
      <Button type="primary" htmlType="submit" loading={sign.isPending} data-testid="sign-version">
        {t('desk.negotiation.signAs', { party: t(`desk.parties.${chosen}`) })}
      </Button>
    </Form>
  );
}

function AmendForm({ agreement, context }: { agreement: Agreement & { etag: string }; context: Context }) {
  const { t } = useTranslation();
  const approved = agreement.versions.find((version) => version.version === agreement.approvedVersion)!;
  const [changeRequest, setChangeRequest] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const amend = useAmendAgreement(agreement.agreementId);
  const refusal = useRefusal();
  const withActor = useActorCheck(context);
  const run = () => {
    // The amendment starts from the version in effect; negotiation revises it like any draft.
    const content = {
      ...(approved.content as Record<string, unknown>),
      effectiveFrom: instantFromLocal(effectiveFrom),
    };
    const body = { changeRequest, content };
    const local = withActor(check(amendBody, body));
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    amend.mutate(
      { actor: context.actor, etag: agreement.etag, body: body as never },
      { onError: (error) => setErrors(refusal(error, ['changeRequest', 'content.effectiveFrom'])) },
    );
  };
  return (
    <Form layout="vertical" component="form" onFinish={run} aria-label={t('desk.amend.title')}>
      <h3 style={{ fontSize: 16 }}>{t('desk.amend.title')}</h3>
      <Typography.Paragraph>{t('desk.amend.intro')}</Typography.Paragraph>
      <FormError errors={errors} testId="amend-error" />
      <Space wrap align="start" size="large">
        <Field form="amend" path="changeRequest" label={t('desk.amend.changeRequest')} errors={errors}>
          <TextInput value={changeRequest} onChange={setChangeRequest} />
        </Field>
        <Field
          form="amend"
          path="content.effectiveFrom"
          label={t('desk.amend.effectiveFrom')}
          errors={errors}
          help={t('desk.localTime')}
        >
          <TextInput value={effectiveFrom} onChange={setEffectiveFrom} type="datetime-local" width={240} />
        </Field>
      </Space>
      <Button type="primary" htmlType="submit" loading={amend.isPending} data-testid="amend-submit">
        {t('desk.amend.submit')}
      </Button>
    </Form>
  );
}

const STEP_FIELDS: Record<BreachFollowUpStep, readonly string[]> = {
  BreachCustomerNotified: ['channel', 'recipient', 'reference'],
  BreachRootCauseRecorded: ['rootCause'],
  BreachServiceCreditAssessed: ['termIndex', 'rationale'],
  BreachRemediationReported: ['report'],
  BreachWaiverRecorded: ['approvedBy', 'reason'],
};
const STEPS = Object.keys(STEP_FIELDS) as BreachFollowUpStep[];

function FollowUps({ agreementId, context }: { agreementId: string; context: Context }) {
  const { t, i18n } = useTranslation();
  const followUps = useFollowUps(agreementId);
  const [search, setSearch] = useSearchParams();
  const record = useRecordFollowUp();
  const refusal = useRefusal();
  const withActor = useActorCheck(context);
  const [step, setStep] = useState<BreachFollowUpStep>('BreachCustomerNotified');
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [recorded, setRecorded] = useState(false);
  const items = followUps.data?.items ?? [];
  const selected = items.find((item) => item.breachEventId === search.get('breach')) ?? items[0];
  const run = () => {
    if (!selected) return;
    const data: Record<string, unknown> = {};
    for (const field of STEP_FIELDS[step]) {
      const value = values[field] ?? '';
      if (field === 'termIndex') data[field] = value === '' ? null : Number(value);
      else if (field !== 'reference' || value !== '') data[field] = value;
    }
    const local = withActor(check(breachFollowUpStepData[step], data));
    setErrors(local);
    setRecorded(false);
    if (Object.keys(local).length > 0) return;
    record.mutate(
      { breachEventId: selected.breachEventId, actor: context.actor, body: { type: step, data } as never },
      {
        onSuccess: () => {
          setValues({});
          setRecorded(true);
        },
        onError: (error) => setErrors(refusal(error, STEP_FIELDS[step], 'data.')),
      },
    );
  };
  return (
    <Section title={t('desk.followUps.title')}>
      <Table
        rowKey="breachEventId"
        size="small"
        loading={followUps.isPending}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText text={t('desk.followUps.empty')} /> }}
        scroll={{ x: true }}
        columns={[
          { title: t('desk.followUps.ticket'), dataIndex: 'ticketId' },
          { title: t('desk.followUps.metric'), key: 'metric', render: (_, row) => t(`desk.metrics.${row.metric}`) },
          {
            title: t('desk.followUps.breachedAt'),
            key: 'breachedAt',
            render: (_, row) => formatInstant(row.breachedAt, i18n.language),
          },
          {
            title: t('desk.followUps.notified'),
            key: 'notified',
            render: (_, row) => (row.notifiedAt ? formatInstant(row.notifiedAt, i18n.language) : t('desk.none')),
          },
          {
            title: t('desk.followUps.rootCause'),
            key: 'rootCause',
            render: (_, row) => row.rootCause ?? t('desk.none'),
          },
        ]}
      />
      {selected && context.permissions.change ? (
        <Form layout="vertical" component="form" onFinish={run} aria-label={t('desk.followUps.record')}>
          <h3 style={{ fontSize: 16 }}>{t('desk.followUps.record')}</h3>
          <FormError errors={errors} testId="follow-up-error" />
          {recorded && <Alert type="success" showIcon message={t('desk.recorded')} style={{ marginBottom: 12 }} />}
          <Space wrap align="start" size="large">
            <Field form="follow-up" path="breach" label={t('desk.followUps.breach')} errors={errors}>
              <Select
                value={selected.breachEventId}
                onChange={(value) => setSearch({ breach: value })}
                style={{ width: 360 }}
                options={items.map((item) => ({
                  value: item.breachEventId,
                  label: t('desk.followUps.breachLabel', {
                    ticket: item.ticketId,
                    metric: t(`desk.metrics.${item.metric}`),
                    at: formatInstant(item.breachedAt, i18n.language),
                  }),
                }))}
              />
            </Field>
            <Field form="follow-up" path="type" label={t('desk.followUps.step')} errors={errors}>
              <Select
                value={step}
                onChange={(value) => {
                  setStep(value);
                  setErrors({});
                }}
                style={{ width: 280 }}
                options={STEPS.map((value) => ({ value, label: t(`desk.followUps.steps.${value}`) }))}
              />
            </Field>
          </Space>
          {STEP_FIELDS[step].map((field) => (
            <Field
              key={`${step}-${field}`}
              form="follow-up"
              path={field}
              label={t(`desk.followUps.fields.${field}`)}
              errors={errors}
              help={
                field === 'reference'
                  ? t('desk.optional')
                  : field === 'termIndex'
                    ? t('desk.followUps.termIndexHelp')
                    : undefined
              }
            >
              {field === 'termIndex' ? (
                <InputNumber
                  min={0}
                  value={values[field] === undefined || values[field] === '' ? null : Number(values[field])}
                  onChange={(value) =>
                    setValues((current) => ({ ...current, [field]: value === null ? '' : String(value) }))
                  }
                />
              ) : (
                <TextInput
                  value={values[field] ?? ''}
                  onChange={(value) => setValues((current) => ({ ...current, [field]: value }))}
                  width={480}
                />
              )}
            </Field>
          ))}
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="follow-up-submit">
            {t('desk.followUps.submit')}
          </Button>
        </Form>
      ) : (
        <></>
      )}
    </Section>
  );
}

type Decision = {
  decisionId: string;
  outcome: 'accept' | 'improvement-required' | 'agreement-change-required';
  rationale: string;
  planId: string;
  item: string;
  requirement: string;
  changeRequest: string;
  effectiveFrom: string;
};
const newDecision = (index: number): Decision => ({
  decisionId: `decision-${index + 1}`,
  outcome: 'accept',
  rationale: '',
  planId: '',
  item: '',
  requirement: '',
  changeRequest: '',
  effectiveFrom: '',
});

function decisionBody(agreementId: string, decision: Decision) {
  const base = {
    decisionId: decision.decisionId,
    agreementId,
    outcome: decision.outcome,
    rationale: decision.rationale,
  };
  if (decision.outcome === 'improvement-required')
    return {
      ...base,
      improvement: { planId: decision.planId, item: decision.item, requirement: decision.requirement },
    };
  if (decision.outcome === 'agreement-change-required')
    return {
      ...base,
      amendment: { changeRequest: decision.changeRequest, effectiveFrom: instantFromLocal(decision.effectiveFrom) },
    };
  return base;
}

function Reviews({ agreementId, context }: { agreementId: string; context: Context }) {
  const { t, i18n } = useTranslation();
  const reviews = useReviews(agreementId);
  const [search, setSearch] = useSearchParams();
  const items = reviews.data?.items ?? [];
  const scheduled = items.filter((review) => review.status === 'scheduled');
  const selected = scheduled.find((review) => review.reviewId === search.get('review')) ?? scheduled[0];
  return (
    <Section title={t('desk.reviews.title')}>
      <Table
        rowKey="reviewId"
        size="small"
        loading={reviews.isPending}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText text={t('desk.reviews.empty')} /> }}
        scroll={{ x: true }}
        columns={[
          { title: t('desk.reviews.review'), dataIndex: 'reviewId' },
          { title: t('desk.reviews.kind'), key: 'kind', render: (_, row) => t(`desk.reviewKinds.${row.kind}`) },
          {
            title: t('desk.reviews.scheduledFor'),
            key: 'scheduledFor',
            render: (_, row) => formatInstant(row.scheduledFor, i18n.language),
          },
          {
            title: t('desk.reviews.status'),
            key: 'status',
            render: (_, row) => t(`desk.reviewStatuses.${row.status}`),
          },
          {
            title: t('desk.reviews.decisions'),
            key: 'decisions',
            render: (_, row) =>
              Array.isArray(row.decisions)
                ? (row.decisions as { outcome: string }[])
                    .map((decision) => t(`desk.outcomes.${decision.outcome}`))
                    .join(', ')
                : t('desk.none'),
          },
        ]}
      />
      {context.permissions.change ? (
        <>
          <ScheduleReviewForm
            agreementId={agreementId}
            context={context}
            onScheduled={(reviewId) => setSearch({ review: reviewId })}
          />
          {selected ? (
            <HoldReviewForm
              key={selected.reviewId}
              agreementId={agreementId}
              review={selected}
              choices={scheduled}
              onChoose={(reviewId) => setSearch({ review: reviewId })}
              context={context}
            />
          ) : (
            <Typography.Paragraph>{t('desk.reviews.noneScheduled')}</Typography.Paragraph>
          )}
        </>
      ) : (
        <></>
      )}
    </Section>
  );
}

function ScheduleReviewForm(props: { agreementId: string; context: Context; onScheduled: (reviewId: string) => void }) {
  const { t } = useTranslation();
  const schedule = useScheduleReview();
  const refusal = useRefusal();
  const withActor = useActorCheck(props.context);
  const [values, setValues] = useState({
    reviewId: '',
    kind: 'annual-agreement',
    periodFrom: '',
    periodTo: '',
    scheduledFor: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const run = () => {
    const body = {
      reviewId: values.reviewId.trim(),
      kind: values.kind,
      agreementIds: [props.agreementId],
      periodFrom: instantFromLocal(values.periodFrom),
      periodTo: instantFromLocal(values.periodTo),
      scheduledFor: instantFromLocal(values.scheduledFor),
    };
    const local = withActor(check(scheduleBody, body));
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    schedule.mutate(
      { actor: props.context.actor, body: body as never },
      {
        onSuccess: () => props.onScheduled(body.reviewId),
        onError: (error) => setErrors(refusal(error, ['reviewId', 'kind', 'periodFrom', 'periodTo', 'scheduledFor'])),
      },
    );
  };
  return (
    <Form layout="vertical" component="form" onFinish={run} aria-label={t('desk.reviews.schedule')}>
      <h3 style={{ fontSize: 16 }}>{t('desk.reviews.schedule')}</h3>
      <FormError errors={errors} testId="schedule-error" />
      <Space wrap align="start" size="large">
        <Field
          form="schedule"
          path="reviewId"
          label={t('desk.reviews.reviewId')}
          errors={errors}
          help={t('desk.draft.agreementIdHelp')}
        >
          <TextInput value={values.reviewId} onChange={set('reviewId')} width={240} />
        </Field>
        <Field form="schedule" path="kind" label={t('desk.reviews.kind')} errors={errors}>
          <Select
            value={values.kind}
            onChange={set('kind')}
            style={{ width: 260 }}
            options={['monthly-internal', 'semi-annual-customer', 'annual-agreement'].map((value) => ({
              value,
              label: t(`desk.reviewKinds.${value}`),
            }))}
          />
        </Field>
      </Space>
      <Space wrap align="start" size="large">
        {(['periodFrom', 'periodTo', 'scheduledFor'] as const).map((field) => (
          <Field
            key={field}
            form="schedule"
            path={field}
            label={t(`desk.reviews.${field}`)}
            errors={errors}
            help={t('desk.localTime')}
          >
            <TextInput value={values[field]} onChange={set(field)} type="datetime-local" width={240} />
          </Field>
        ))}
      </Space>
      <Button htmlType="submit" loading={schedule.isPending} data-testid="schedule-submit">
        {t('desk.reviews.scheduleSubmit')}
      </Button>
    </Form>
  );
}

function HoldReviewForm(props: {
  agreementId: string;
  review: NonNullable<ReturnType<typeof useReviews>['data']>['items'][number];
  choices: NonNullable<ReturnType<typeof useReviews>['data']>['items'];
  onChoose: (reviewId: string) => void;
  context: Context;
}) {
  const { t } = useTranslation();
  const hold = useHoldReview();
  const refusal = useRefusal();
  const withActor = useActorCheck(props.context);
  const [heldAt, setHeldAt] = useState('');
  const [minutes, setMinutes] = useState('');
  const [attendee, setAttendee] = useState({ name: '', role: '', party: 'provider' });
  const [decisions, setDecisions] = useState<Decision[]>([newDecision(0)]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const setDecision = (index: number, change: Partial<Decision>) =>
    setDecisions((current) => current.map((decision, at) => (at === index ? { ...decision, ...change } : decision)));
  const fields = [
    'heldAt',
    'minutes',
    'attendees.0.name',
    'attendees.0.role',
    'attendees.0.party',
    ...decisions.flatMap((_, index) =>
      [
        'decisionId',
        'outcome',
        'rationale',
        'improvement.planId',
        'improvement.item',
        'improvement.requirement',
        'amendment.changeRequest',
        'amendment.effectiveFrom',
      ].map((field) => `decisions.${index}.${field}`),
    ),
  ];
  const run = () => {
    const body = {
      heldAt: instantFromLocal(heldAt),
      attendees: [attendee],
      minutes,
      decisions: decisions.map((decision) => decisionBody(props.agreementId, decision)),
    };
    const local = withActor(check(holdBody, body));
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    hold.mutate(
      {
        reviewId: props.review.reviewId,
        revision: reviewRevision(props.review),
        actor: props.context.actor,
        body: body as never,
        agreementId: props.agreementId,
        planIds: decisions
          .filter((decision) => decision.outcome === 'improvement-required')
          .map((decision) => decision.planId),
      },
      { onError: (error) => setErrors(refusal(error, fields)) },
    );
  };
  return (
    <Form layout="vertical" component="form" onFinish={run} aria-label={t('desk.reviews.hold')}>
      <h3 style={{ fontSize: 16 }}>{t('desk.reviews.hold')}</h3>
      <FormError errors={errors} testId="hold-error" />
      <Space wrap align="start" size="large">
        <Field form="hold" path="review" label={t('desk.reviews.review')} errors={errors}>
          <Select
            value={props.review.reviewId}
            onChange={props.onChoose}
            style={{ width: 260 }}
            options={props.choices.map((review) => ({ value: review.reviewId, label: review.reviewId }))}
          />
        </Field>
        <Field form="hold" path="heldAt" label={t('desk.reviews.heldAt')} errors={errors} help={t('desk.localTime')}>
          <TextInput value={heldAt} onChange={setHeldAt} type="datetime-local" width={240} />
        </Field>
      </Space>
      <Space wrap align="start" size="large">
        <Field form="hold" path="attendees.0.name" label={t('desk.reviews.attendeeName')} errors={errors}>
          <TextInput
            value={attendee.name}
            onChange={(name) => setAttendee((current) => ({ ...current, name }))}
            width={240}
          />
        </Field>
        <Field form="hold" path="attendees.0.role" label={t('desk.reviews.attendeeRole')} errors={errors}>
          <TextInput
            value={attendee.role}
            onChange={(role) => setAttendee((current) => ({ ...current, role }))}
            width={240}
          />
        </Field>
        <Field form="hold" path="attendees.0.party" label={t('desk.reviews.attendeeParty')} errors={errors}>
          <Select
            value={attendee.party}
            onChange={(party) => setAttendee((current) => ({ ...current, party }))}
            style={{ width: 200 }}
            options={['provider', 'customer', 'supplier', 'internal'].map((value) => ({
              value,
              label: t(`desk.attendeeParties.${value}`),
            }))}
          />
        </Field>
      </Space>
      <Field form="hold" path="minutes" label={t('desk.reviews.minutes')} errors={errors}>
        <Input.TextArea
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
          rows={3}
          style={{ maxWidth: 640 }}
        />
      </Field>
      {decisions.map((decision, index) => (
        <Card
          key={index}
          size="small"
          title={t('desk.reviews.decision', { number: index + 1 })}
          style={{ marginBottom: 12 }}
        >
          <Space wrap align="start" size="large">
            <Field
              form="hold"
              path={`decisions.${index}.decisionId`}
              label={t('desk.reviews.decisionId')}
              errors={errors}
            >
              <TextInput
                value={decision.decisionId}
                onChange={(decisionId) => setDecision(index, { decisionId })}
                width={200}
              />
            </Field>
            <Field form="hold" path={`decisions.${index}.outcome`} label={t('desk.reviews.outcome')} errors={errors}>
              <Select
                value={decision.outcome}
                onChange={(outcome) => setDecision(index, { outcome })}
                style={{ width: 280 }}
                options={(['accept', 'improvement-required', 'agreement-change-required'] as const).map((value) => ({
                  value,
                  label: t(`desk.outcomes.${value}`),
                }))}
              />
            </Field>
          </Space>
          <Field form="hold" path={`decisions.${index}.rationale`} label={t('desk.reviews.rationale')} errors={errors}>
            <TextInput
              value={decision.rationale}
              onChange={(rationale) => setDecision(index, { rationale })}
              width={560}
            />
          </Field>
          {decision.outcome === 'improvement-required' && (
            <Space wrap align="start" size="large">
              <Field
                form="hold"
                path={`decisions.${index}.improvement.planId`}
                label={t('desk.reviews.planId')}
                errors={errors}
              >
                <TextInput value={decision.planId} onChange={(planId) => setDecision(index, { planId })} width={200} />
              </Field>
              <Field
                form="hold"
                path={`decisions.${index}.improvement.item`}
                label={t('desk.reviews.item')}
                errors={errors}
              >
                <TextInput value={decision.item} onChange={(item) => setDecision(index, { item })} width={240} />
              </Field>
              <Field
                form="hold"
                path={`decisions.${index}.improvement.requirement`}
                label={t('desk.reviews.requirement')}
                errors={errors}
              >
                <TextInput
                  value={decision.requirement}
                  onChange={(requirement) => setDecision(index, { requirement })}
                  width={240}
                />
              </Field>
            </Space>
          )}
          {decision.outcome === 'agreement-change-required' && (
            <Space wrap align="start" size="large">
              <Field
                form="hold"
                path={`decisions.${index}.amendment.changeRequest`}
                label={t('desk.amend.changeRequest')}
                errors={errors}
              >
                <TextInput
                  value={decision.changeRequest}
                  onChange={(changeRequest) => setDecision(index, { changeRequest })}
                  width={240}
                />
              </Field>
              <Field
                form="hold"
                path={`decisions.${index}.amendment.effectiveFrom`}
                label={t('desk.amend.effectiveFrom')}
                errors={errors}
                help={t('desk.localTime')}
              >
                <TextInput
                  value={decision.effectiveFrom}
                  onChange={(effectiveFrom) => setDecision(index, { effectiveFrom })}
                  type="datetime-local"
                  width={240}
                />
              </Field>
            </Space>
          )}
          {decisions.length > 1 && (
            <Button onClick={() => setDecisions((current) => current.filter((_, at) => at !== index))}>
              {t('desk.reviews.removeDecision')}
            </Button>
          )}
        </Card>
      ))}
      <Space>
        <Button
          onClick={() => setDecisions((current) => [...current, newDecision(current.length)])}
          data-testid="add-decision"
        >
          {t('desk.reviews.addDecision')}
        </Button>
        <Button type="primary" htmlType="submit" loading={hold.isPending} data-testid="hold-submit">
          {t('desk.reviews.holdSubmit')}
        </Button>
      </Space>
    </Form>
  );
}

const PLAN_FIELDS: Record<PlanStep, readonly string[]> = {
  details: ['approach', 'owner', 'dueAt', 'resources'],
  approval: [],
  progress: ['note', 'percentComplete'],
  'effectiveness-review': ['effective', 'evidence'],
  closure: ['outcome'],
};
const PLAN_SCHEMAS = {
  details: detailBody,
  approval: approvalBody,
  progress: progressBody,
  'effectiveness-review': effectivenessBody,
  closure: closureBody,
} as const;

function Plans({ agreementId, context }: { agreementId: string; context: Context }) {
  const { t, i18n } = useTranslation();
  const plans = usePlans(agreementId);
  const [search, setSearch] = useSearchParams();
  const items = plans.data?.items ?? [];
  const open = items.filter((plan) => nextPlanStep(plan.phase) !== null);
  const selected = open.find((plan) => plan.planId === search.get('plan')) ?? open[0];
  return (
    <Section title={t('desk.plans.title')}>
      <Table
        rowKey="planId"
        size="small"
        loading={plans.isPending}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText text={t('desk.plans.empty')} /> }}
        scroll={{ x: true }}
        columns={[
          { title: t('desk.plans.item'), dataIndex: 'item' },
          {
            title: t('desk.plans.phase'),
            key: 'phase',
            render: (_, row) => <span data-testid={`plan-phase-${row.planId}`}>{t(`desk.phases.${row.phase}`)}</span>,
          },
          { title: t('desk.plans.owner'), key: 'owner', render: (_, row) => row.owner ?? t('desk.none') },
          {
            title: t('desk.plans.dueAt'),
            key: 'dueAt',
            render: (_, row) => (row.dueAt ? formatInstant(row.dueAt, i18n.language) : t('desk.none')),
          },
          {
            title: t('desk.plans.progress'),
            key: 'progress',
            render: (_, row) =>
              new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(row.percentComplete / 100),
          },
        ]}
      />
      {selected && context.permissions.change ? (
        <PlanStepForm
          key={`${selected.planId}-${selected.facts.length}`}
          plan={selected}
          choices={open}
          onChoose={(planId) => setSearch({ plan: planId })}
          context={context}
        />
      ) : (
        <></>
      )}
    </Section>
  );
}

function PlanStepForm(props: {
  plan: NonNullable<ReturnType<typeof usePlans>['data']>['items'][number];
  choices: NonNullable<ReturnType<typeof usePlans>['data']>['items'];
  onChoose: (planId: string) => void;
  context: Context;
}) {
  const { t } = useTranslation();
  const step = nextPlanStep(props.plan.phase)!;
  const [values, setValues] = useState<Record<string, string>>({ effective: 'true', percentComplete: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = usePlanStep();
  const refusal = useRefusal();
  const withActor = useActorCheck(props.context);
  const set = (field: string) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const run = () => {
    const body: Record<string, unknown> = {};
    for (const field of PLAN_FIELDS[step]) {
      const value = values[field] ?? '';
      if (field === 'percentComplete') body[field] = value === '' ? undefined : Number(value);
      else if (field === 'effective') body[field] = value === 'true';
      else if (field === 'dueAt') body[field] = instantFromLocal(value);
      else body[field] = value;
    }
    const local = withActor(check(PLAN_SCHEMAS[step], body));
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    mutation.mutate(
      { planId: props.plan.planId, step, revision: planRevision(props.plan), actor: props.context.actor, body },
      { onError: (error) => setErrors(refusal(error, PLAN_FIELDS[step])) },
    );
  };
  return (
    <Form layout="vertical" component="form" onFinish={run} aria-label={t('desk.plans.step')}>
      <h3 style={{ fontSize: 16 }}>{t('desk.plans.step')}</h3>
      <FormError errors={errors} testId="plan-error" />
      <Space wrap align="start" size="large">
        <Field form="plan" path="plan" label={t('desk.plans.plan')} errors={errors}>
          <Select
            value={props.plan.planId}
            onChange={props.onChoose}
            style={{ width: 320 }}
            options={props.choices.map((plan) => ({ value: plan.planId, label: plan.item }))}
          />
        </Field>
      </Space>
      <Typography.Paragraph data-testid="plan-next-step">{t(`desk.plans.steps.${step}`)}</Typography.Paragraph>
      {PLAN_FIELDS[step].map((field) => (
        <Field
          key={field}
          form="plan"
          path={field}
          label={t(`desk.plans.fields.${field}`)}
          errors={errors}
          help={field === 'dueAt' ? t('desk.localTime') : field === 'resources' ? t('desk.optional') : undefined}
        >
          {field === 'effective' ? (
            <Select
              value={values.effective}
              onChange={set('effective')}
              style={{ width: 200 }}
              options={[
                { value: 'true', label: t('desk.plans.effectiveYes') },
                { value: 'false', label: t('desk.plans.effectiveNo') },
              ]}
            />
          ) : field === 'percentComplete' ? (
            <InputNumber
              min={0}
              max={100}
              value={
                values.percentComplete === '' || values.percentComplete === undefined
                  ? null
                  : Number(values.percentComplete)
              }
              onChange={(value) => set('percentComplete')(value === null ? '' : String(value))}
            />
          ) : (
            <TextInput
              value={values[field] ?? ''}
              onChange={set(field)}
              type={field === 'dueAt' ? 'datetime-local' : undefined}
              width={field === 'dueAt' ? 240 : 480}
            />
          )}
        </Field>
      ))}
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="plan-submit">
        {t(`desk.plans.submit.${step}`)}
      </Button>
    </Form>
  );
}

/**
 * /agreement-actions/{agreementId}: what a service level manager does to one agreement. Submit, sign, amend; record
 * breach follow-up steps, reviews with their decisions and improvement plan steps. Each form checks its body with the
 * API's own schema first, then shows the API's refusal on the field it names.
 */
export function AgreementActionsPage() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const agreementId = decodeURIComponent(path.split('/')[2] ?? '');
  const agreement = useAgreement(agreementId);
  const permissions = usePermissions();
  const [actor, setActor] = useState('');
  const [conflicted, setConflicted] = useState(false);
  const context: Context = { permissions, actor: permissions.named ? actor.trim() || undefined : undefined };
  if (agreement.isPending) return <Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>;
  if (agreement.error)
    return <Alert type="error" showIcon message={t('app.loadFailed', { message: agreement.error.message })} />;
  if (!agreement.data) return <Alert type="warning" showIcon message={t('desk.actions.notFound', { agreementId })} />;
  const data = agreement.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {t('desk.actions.title', { title: data.title })}
        </Typography.Title>
        <Typography.Paragraph>
          {t('desk.actions.summary', {
            kind: t(`desk.kinds.${data.kind}`),
            status: t(`desk.statuses.${data.status}`),
            provider: (data.provider as { name?: string } | null)?.name ?? '—',
            counterparty: (data.counterparty as { name?: string } | null)?.name ?? '—',
          })}
        </Typography.Paragraph>
        <span data-testid="agreement-status" hidden>
          {data.status}
        </span>
        {permissions.named && (
          <Form layout="vertical" component="div">
            <Field form="actions" path="X-Actor" label={t('desk.actor')} errors={{}} help={t('desk.actorHelpSign')}>
              <TextInput value={actor} onChange={setActor} width={320} />
            </Field>
          </Form>
        )}
      </div>
      {conflicted && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          closable
          onClose={() => setConflicted(false)}
          data-testid="conflict"
          message={t('desk.conflict')}
        />
      )}
      <ConflictNotice.Provider value={() => setConflicted(true)}>
        <Negotiation agreement={data} context={context} />
        <FollowUps agreementId={agreementId} context={context} />
        <Reviews agreementId={agreementId} context={context} />
        <Plans agreementId={agreementId} context={context} />
      </ConflictNotice.Provider>
    </Space>
  );
}
