// The application shell: header with language choice, and the view for this launch (or the way to launch).
import { lazy, Suspense, useEffect } from 'react';
import { BackToCourse } from '../components/back-to-course';
import { LanguageSwitch } from '../components/language-switch';
import { ErrorMessage, Loading } from '../components/status';
import { PlacementHome } from '../features/placement/components/placement-home';
import { RoleView } from './role-view';
import { useSessionQuery } from '../lib/session-api';
import { useI18n } from '../i18n/i18n-context';
import { launchToken } from '../lib/launch-token';
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../lib/api-client';

// Only a teacher choosing content in the LMS sees the picker: its own chunk.
const DeepLinkingPicker = lazy(() => import('../features/deep-linking/components/deep-linking-picker').then((m) => ({ default: m.DeepLinkingPicker })));

export function App() {
  const { t, language } = useI18n();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <header className="shell-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="shell-main">
        {launchToken() ? <LaunchedView /> : <NotLaunched />}
      </main>
    </div>
  );
}

function LaunchedView() {
  const session = useSessionQuery();
  const { setLaunchLocale } = useI18n();
  const locale = session.data?.user.locale ?? null;
  // Only a suggestion: a language the person already picked stays (language-choice.ts).
  useEffect(() => {
    if (locale) setLaunchLocale(locale);
  }, [locale, setLaunchLocale]);
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorMessage error={session.error} onRetry={() => void session.refetch()} />;
  const data = session.data;
  return (
    <>
      <BackToCourse url={data.returnUrl} />
      {data.deepLinking ? (
        <Suspense fallback={<Loading />}>
          <DeepLinkingPicker />
        </Suspense>
      ) : <PlacementHome session={data}>{() => <RoleView session={data} />}</PlacementHome>}
    </>
  );
}

function NotLaunched() {
  const { t } = useI18n();
  // Public and without a session: whether this server also runs the simulated LMS to try Playroute in.
  const config = useQuery({ queryKey: ['config'], queryFn: () => apiRequest('/config.json', configSchema) });
  return (
    <>
      <h1>{t('app.name')}</h1>
      <p className="lead">{t('app.tagline')}</p>
      <p>{t('home.notLaunched')}</p>
      <p>{t('home.askTeacher')}</p>
      {config.data?.demoLms ? (
        <p>
          <a href="/demo-lms">{t('home.tryDemo')}</a>
        </p>
      ) : null}
    </>
  );
}

const configSchema = z.object({ demoLms: z.boolean() });
