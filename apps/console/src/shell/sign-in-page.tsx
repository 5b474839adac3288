import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from './location';
import { useSession, useSignIn } from './session.queries';

/** Why the provider's sign-in did not complete: the codes the API sends back (never the provider's own words). */
const SIGN_IN_FAILURES = [
  'sign_in_not_started',
  'provider_unavailable',
  'provider_refused',
  'access_denied',
  'token_refused',
] as const;

/**
 * Sign-in at the organisation's OpenID provider (when the API has a console client), or with an API key or access
 * token. Either way the browser ends up holding only an HttpOnly session cookie: the provider's tokens stay in the
 * API, and a pasted key goes to the API once; nothing is kept in local storage or a cookie the page can read.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const session = useSession();
  const { path, search } = useLocation();
  const query = new URLSearchParams(search);
  const failure = query.get('signInError');
  query.delete('signInError');
  const here = `${path}${query.size > 0 ? `?${query}` : ''}`;
  const provider = session.data?.openIdSignIn?.provider;
  const onSignedIn = () => {
    if (failure) window.history.replaceState(null, '', here);
  };
  return (
    <Card style={{ maxWidth: 520, margin: '48px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 28 }}>
        {t('session.title')}
      </Typography.Title>
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="provider-sign-in-error"
          message={t(
            `session.providerFailures.${(SIGN_IN_FAILURES as readonly string[]).includes(failure) ? failure : 'other'}`,
            { code: failure },
          )}
          style={{ marginBottom: 16 }}
        />
      )}
      {provider && (
        <>
          <Typography.Paragraph>{t('session.introProvider')}</Typography.Paragraph>
          <Button type="primary" size="large" href={`/session/oidc/start?returnTo=${encodeURIComponent(here)}`}>
            {t('session.signInWith', { provider })}
          </Button>
          <Divider plain>{t('session.orWithKey')}</Divider>
        </>
      )}
      <Typography.Paragraph>{t('session.intro')}</Typography.Paragraph>
      <Form
        layout="vertical"
        onFinish={(values: { credential: string }) => signIn.mutate(values.credential, { onSuccess: onSignedIn })}
      >
        <Form.Item
          label={t('session.credential')}
          name="credential"
          rules={[{ required: true, whitespace: true, message: t('session.credentialRequired') }]}
        >
          <Input.Password id="credential" autoComplete="off" autoFocus={!provider} />
        </Form.Item>
        {signIn.error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="sign-in-error"
            message={t('session.refused', { message: signIn.error.message })}
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type={provider ? 'default' : 'primary'} htmlType="submit" loading={signIn.isPending}>
          {t('session.signIn')}
        </Button>
      </Form>
    </Card>
  );
}
