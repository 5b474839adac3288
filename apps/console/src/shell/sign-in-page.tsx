import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignIn } from './session.queries';

/**
 * Sign-in with an API key or access token. The credential goes to the API once and is exchanged for an HttpOnly
 * session cookie: the page never stores it (no local storage, no cookie it can read).
 */
export function SignInPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  return (
    <Card style={{ maxWidth: 520, margin: '48px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 28 }}>
        {t('session.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('session.intro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={(values: { credential: string }) => signIn.mutate(values.credential)}>
        <Form.Item
          label={t('session.credential')}
          name="credential"
          rules={[{ required: true, whitespace: true, message: t('session.credentialRequired') }]}
        >
          <Input.Password id="credential" autoComplete="off" autoFocus />
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
        <Button type="primary" htmlType="submit" loading={signIn.isPending}>
          {t('session.signIn')}
        </Button>
      </Form>
    </Card>
  );
}
