import { Alert, Form } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import { cloneElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccessControl } from '../shell/health.queries';
import { useSession } from '../shell/session.queries';
import type { FieldErrors } from './field-errors';

/** The element id of a form's field: stable, so the label, the error and the browser test find it. */
export const fieldId = (form: string, path: string) => `${form}-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

/**
 * One labelled field with its error in place: the message of the schema (in the browser) or of the API (after a
 * refusal) under the control, tied to it by aria-describedby so a screen reader reads it with the field.
 */
export function Field(props: {
  form: string;
  path: string;
  label: ReactNode;
  errors: FieldErrors;
  help?: ReactNode;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = fieldId(props.form, props.path);
  const error = props.errors[props.path];
  const described = error !== undefined || props.help !== undefined ? `${id}-help` : undefined;
  return (
    <Form.Item
      label={props.label}
      htmlFor={id}
      validateStatus={error ? 'error' : undefined}
      help={
        error || props.help ? (
          <span id={`${id}-help`} data-testid={error ? `${id}-error` : undefined}>
            {error ?? props.help}
          </span>
        ) : undefined
      }
      style={{ marginBottom: 12 }}
    >
      {cloneElement(props.children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described,
      })}
    </Form.Item>
  );
}

/** What the API said that names no field of the form. */
export function FormError({ errors, testId }: { errors: FieldErrors; testId: string }) {
  const { t } = useTranslation();
  if (!errors['']) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      message={t('desk.refused')}
      description={errors['']}
      style={{ marginBottom: 12 }}
    />
  );
}

export type Permissions = { ready: boolean; named: boolean; change: boolean; sign: boolean };

/**
 * Which writes the API allows the principal (libs/access-control/src/access-policy.ts: change = slm, admin; signature
 * = slm, customer, admin), and whether the actor must be named (access control off: X-Actor).
 */
export function usePermissions(): Permissions {
  const accessControl = useAccessControl();
  const session = useSession();
  if (accessControl.data === undefined || session.data === undefined)
    return { ready: false, named: false, change: false, sign: false };
  if (accessControl.data === 'off') return { ready: true, named: true, change: true, sign: true };
  const role = session.data.session?.role;
  return {
    ready: true,
    named: false,
    change: role === 'slm' || role === 'admin',
    sign: role === 'slm' || role === 'admin' || role === 'customer',
  };
}

/** A datetime-local value (the browser's zone) as the instant with offset the API's instantSchema wants. */
export function instantFromLocal(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
