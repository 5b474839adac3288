import { Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftBody } from '@sla/agreements-feature/bodies';
import { addPageDictionary } from '../i18n/page-dictionary';
import { deskDictionary } from './desk.i18n';
import { navigate } from '../shell/location';
import { useCatalogue, useDraftAgreement, useDraftingAgreements } from './desk.queries';
import { apiErrors, schemaErrors, type FieldErrors } from './field-errors';
import { Field, FormError, instantFromLocal, usePermissions } from './form-field';

addPageDictionary(deskDictionary);

const FORM = 'draft';
const FIELDS = [
  'X-Actor',
  'agreementId',
  'kind',
  'provider.name',
  'counterparty.name',
  'template.title',
  'template.services',
  'template.tier',
  'template.calendars.roundTheClock',
  'template.calendars.businessHours',
  'template.effectiveFrom',
  'template.expiresAt',
] as const;
type Values = Record<(typeof FIELDS)[number], string> & { services: string[] };
const EMPTY: Values = Object.assign(Object.fromEntries(FIELDS.map((field) => [field, ''])) as unknown as Values, {
  kind: 'SLA',
  'template.tier': 'standard',
  services: [],
});

const actionsHref = (agreementId: string) => `/agreement-actions/${encodeURIComponent(agreementId)}`;

/** The draft the API is sent: the shipped template's inputs, never full content (POST /agreements, `template`). */
function draftRequest(values: Values) {
  return {
    agreementId: values.agreementId.trim(),
    kind: values.kind,
    provider: { name: values['provider.name'], contacts: [] },
    counterparty: { name: values['counterparty.name'], contacts: [] },
    template: {
      title: values['template.title'],
      services: values.services,
      tier: values['template.tier'],
      calendars: {
        roundTheClock: values['template.calendars.roundTheClock'],
        businessHours: values['template.calendars.businessHours'],
      },
      effectiveFrom: instantFromLocal(values['template.effectiveFrom']),
      ...(values['template.expiresAt'] ? { expiresAt: instantFromLocal(values['template.expiresAt']) } : {}),
    },
  };
}

function DraftForm() {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const { services, calendars } = useCatalogue();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const draft = useDraftAgreement();
  const set = (field: keyof Values) => (value: string | string[]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const text = (field: (typeof FIELDS)[number], extra: Record<string, unknown> = {}) => (
    <Input value={values[field]} onChange={(event) => set(field)(event.target.value)} autoComplete="off" {...extra} />
  );
  const calendarOptions = (calendars.data?.items ?? []).map((calendar) => ({
    value: calendar.calendarId,
    label: `${calendar.name} (${calendar.calendarId})`,
  }));

  const submit = () => {
    const request = draftRequest(values);
    // The API's own schema, in the browser: the same refusals, before anything is sent.
    const checked = draftBody.safeParse(request);
    const local = checked.success ? {} : schemaErrors(checked.error);
    if (permissions.named && !values['X-Actor'].trim()) local['X-Actor'] = t('desk.actorRequired');
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    draft.mutate(
      { actor: permissions.named ? values['X-Actor'].trim() : undefined, body: request as never },
      {
        onSuccess: () => navigate(actionsHref(request.agreementId)),
        onError: (error) => setErrors(apiErrors(error, [...FIELDS, 'template.services'])),
      },
    );
  };

  if (!permissions.ready) return null;
  if (!permissions.change) return <Typography.Paragraph>{t('desk.notAllowed')}</Typography.Paragraph>;
  return (
    <Form layout="vertical" component="form" onFinish={submit} aria-label={t('desk.draft.title')} noValidate>
      <FormError errors={errors} testId="draft-error" />
      {permissions.named && (
        <Field form={FORM} path="X-Actor" label={t('desk.actor')} errors={errors} help={t('desk.actorHelp')}>
          {text('X-Actor', { style: { maxWidth: 320 } })}
        </Field>
      )}
      <Space wrap align="start" size="large">
        <Field
          form={FORM}
          path="agreementId"
          label={t('desk.draft.agreementId')}
          errors={errors}
          help={t('desk.draft.agreementIdHelp')}
        >
          {text('agreementId', { style: { width: 280 } })}
        </Field>
        <Field form={FORM} path="kind" label={t('desk.draft.kind')} errors={errors}>
          <Select
            value={values.kind}
            onChange={set('kind')}
            style={{ width: 320 }}
            options={(['SLA', 'OLA', 'UC'] as const).map((kind) => ({ value: kind, label: t(`desk.kinds.${kind}`) }))}
          />
        </Field>
      </Space>
      <Space wrap align="start" size="large">
        <Field form={FORM} path="provider.name" label={t('desk.draft.provider')} errors={errors}>
          {text('provider.name', { style: { width: 280 } })}
        </Field>
        <Field form={FORM} path="counterparty.name" label={t('desk.draft.counterparty')} errors={errors}>
          {text('counterparty.name', { style: { width: 280 } })}
        </Field>
      </Space>
      <Field form={FORM} path="template.title" label={t('desk.draft.title_')} errors={errors}>
        {text('template.title', { style: { maxWidth: 580 } })}
      </Field>
      <Field form={FORM} path="template.services" label={t('desk.draft.services')} errors={errors}>
        <Select
          mode="multiple"
          value={values.services}
          onChange={set('services')}
          style={{ maxWidth: 580 }}
          loading={services.isPending}
          options={(services.data?.items ?? [])
            .filter((service) => service.status !== 'retired')
            .map((service) => ({ value: service.serviceId, label: `${service.name} (${service.serviceId})` }))}
        />
      </Field>
      <Space wrap align="start" size="large">
        <Field form={FORM} path="template.tier" label={t('desk.draft.tier')} errors={errors}>
          <Select
            value={values['template.tier']}
            onChange={set('template.tier')}
            style={{ width: 240 }}
            options={(['basic', 'standard', 'advanced', 'exceptional'] as const).map((tier) => ({
              value: tier,
              label: t(`desk.tiers.${tier}`),
            }))}
          />
        </Field>
        <Field
          form={FORM}
          path="template.calendars.roundTheClock"
          label={t('desk.draft.roundTheClock')}
          errors={errors}
        >
          <Select
            value={values['template.calendars.roundTheClock'] || undefined}
            onChange={set('template.calendars.roundTheClock')}
            style={{ width: 420 }}
            options={calendarOptions}
          />
        </Field>
        <Field
          form={FORM}
          path="template.calendars.businessHours"
          label={t('desk.draft.businessHours')}
          errors={errors}
        >
          <Select
            value={values['template.calendars.businessHours'] || undefined}
            onChange={set('template.calendars.businessHours')}
            style={{ width: 420 }}
            options={calendarOptions}
          />
        </Field>
      </Space>
      <Space wrap align="start" size="large">
        <Field
          form={FORM}
          path="template.effectiveFrom"
          label={t('desk.draft.effectiveFrom')}
          errors={errors}
          help={t('desk.localTime')}
        >
          {text('template.effectiveFrom', { type: 'datetime-local', style: { width: 240 } })}
        </Field>
        <Field
          form={FORM}
          path="template.expiresAt"
          label={t('desk.draft.expiresAt')}
          errors={errors}
          help={t('desk.optional')}
        >
          {text('template.expiresAt', { type: 'datetime-local', style: { width: 240 } })}
        </Field>
      </Space>
      <Button type="primary" htmlType="submit" loading={draft.isPending} data-testid="draft-submit">
        {t('desk.draft.submit')}
      </Button>
    </Form>
  );
}

/** /agreements-desk: the service level manager's desk, drafting an agreement from a template and the list to act on. */
export function DeskPage() {
  const { t } = useTranslation();
  const agreements = useDraftingAgreements();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {t('desk.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('desk.intro')}</Typography.Paragraph>
      </div>
      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('desk.draft.title')}</h2>}>
        <Typography.Paragraph>{t('desk.draft.intro')}</Typography.Paragraph>
        <DraftForm />
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('desk.list.title')}</h2>}>
        <Table
          rowKey="agreementId"
          size="small"
          loading={agreements.isPending}
          dataSource={agreements.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{t('desk.list.empty')}</span> }}
          scroll={{ x: true }}
          columns={[
            {
              title: t('desk.list.agreement'),
              key: 'title',
              render: (_, row) => (
                <a
                  href={actionsHref(row.agreementId)}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(actionsHref(row.agreementId));
                  }}
                >
                  {row.title}
                </a>
              ),
            },
            { title: t('desk.list.kind'), key: 'kind', render: (_, row) => t(`desk.kinds.${row.kind}`) },
            { title: t('desk.list.status'), key: 'status', render: (_, row) => t(`desk.statuses.${row.status}`) },
            {
              title: t('desk.list.counterparty'),
              key: 'counterparty',
              render: (_, row) => (row.counterparty as { name?: string } | null)?.name ?? '—',
            },
            { title: t('desk.list.latestVersion'), dataIndex: 'latestVersion' },
          ]}
        />
      </Card>
    </Space>
  );
}
