import { Alert, Button, ConfigProvider, Empty, Layout, Segmented, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberLanguage, type Language } from '../i18n/i18n';
import { useAccessControl } from './health.queries';
import { navigate, useLocation } from './location';
import { lazyPage, ROUTES, routeFor } from './routes';
import { useSession, useSignOut } from './session.queries';

// Seen once per session, and antd's Form is heavy: not in the first chunk.
const SignInPage = lazyPage(() => import('./sign-in-page'), 'SignInPage');

const ANTD_LOCALES = { en: enUS, 'zh-CN': zhCNLocale } as const;

// Ant Design's default blue links, grey secondary text and placeholders fall short of WCAG AA contrast (4.5:1) on
// white; these shades reach it.
const THEME = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorError: '#cf1322',
  },
};

function Page({ path }: { path: string }) {
  const { t } = useTranslation();
  const route = routeFor(path);
  if (route) {
    const Route = route.page;
    return (
      <Suspense fallback={<Spin aria-label={t('app.loading')} />}>
        <Route />
      </Suspense>
    );
  }
  return (
    <Empty description={t('app.notFound')}>
      <a href="/portfolio">{t('app.backToPortfolio')}</a>
    </Empty>
  );
}

/** The frame every page shares: header with navigation and language, the access-control banner. */
export function App() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { path } = useLocation();
  const accessControl = useAccessControl();
  const session = useSession();
  const signOut = useSignOut();
  const signedIn = session.data?.session ?? null;
  // With access control on, nothing but the sign-in shows until there is a session.
  const mustSignIn = session.data?.accessControl === 'on' && signedIn === null;
  return (
    <ConfigProvider locale={ANTD_LOCALES[language]} theme={THEME}>
      <Layout style={{ minHeight: '100vh' }}>
        {accessControl.data === 'off' && (
          <Alert banner type="warning" message={t('app.accessControlOff')} data-testid="access-control-off" />
        )}
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#fff' }}>
          <Typography.Text strong style={{ fontSize: 18, whiteSpace: 'nowrap' }}>
            {t('app.title')}
          </Typography.Text>
          <nav aria-label={t('app.navigation')} style={{ flex: 1, display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            {ROUTES.flatMap((route) =>
              route.nav && !mustSignIn && (!signedIn || !route.nav.may || signedIn.may.includes(route.nav.may))
                ? [
                    <a
                      key={route.nav.href}
                      href={route.nav.href}
                      aria-current={route === routeFor(path) ? 'page' : undefined}
                      onClick={(event) => {
                        event.preventDefault();
                        navigate(route.nav!.href);
                      }}
                    >
                      {t(route.nav.key)}
                    </a>,
                  ]
                : [],
            )}
          </nav>
          <Space>
            {signedIn && (
              <>
                <span data-testid="signed-in-as">
                  {t('session.signedInAs', { actor: signedIn.actor, role: t(`session.roles.${signedIn.role}`) })}
                </span>
                <Button onClick={() => signOut.mutate()} loading={signOut.isPending}>
                  {t('session.signOut')}
                </Button>
              </>
            )}
            <span id="language-label">{t('app.language')}</span>
            <Segmented<Language>
              aria-labelledby="language-label"
              value={language}
              options={[
                { label: 'English', value: 'en' },
                { label: '中文', value: 'zh-CN' },
              ]}
              onChange={rememberLanguage}
            />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            {session.isPending ? (
              <Spin aria-label={t('app.loading')} />
            ) : mustSignIn ? (
              <Suspense fallback={<Spin aria-label={t('app.loading')} />}>
                <SignInPage />
              </Suspense>
            ) : (
              <Page path={path} />
            )}
          </main>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
