// The application shell: header with language choice, and the view for this launch (or the way to launch).
import { useEffect } from 'react';
import { BackToCourse } from '../components/back-to-course';
import { LanguageSwitch } from '../components/language-switch';
import { ErrorMessage, Loading } from '../components/status';
import { DeepLinkingPicker } from '../features/deep-linking/components/deep-linking-picker';
import { PlacementHome } from '../features/placement/components/placement-home';
import { RoleView } from './role-view';
import { getSession } from '../lib/session-api';
import { useI18n } from '../i18n/i18n-context';
import { launchToken } from '../lib/launch-token';
import { useApi } from '../lib/use-api';

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
  const session = useApi(getSession);
  const { setLaunchLocale } = useI18n();
  const locale = session.status === 'ready' ? session.data.user.locale : null;
  // Only a suggestion: a language the person already picked stays (language-choice.ts).
  useEffect(() => {
    if (locale) setLaunchLocale(locale);
  }, [locale, setLaunchLocale]);
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'error') return <ErrorMessage error={session.error} onRetry={session.reload} />;
  const data = session.data;
  return (
    <>
      <BackToCourse url={data.returnUrl} />
      {data.deepLinking ? <DeepLinkingPicker /> : <PlacementHome session={data}>{() => <RoleView session={data} />}</PlacementHome>}
    </>
  );
}

function NotLaunched() {
  const { t } = useI18n();
  const config = useApi(() => fetch('/config.json').then((res) => res.json() as Promise<{ demoLms: boolean }>));
  return (
    <>
      <h1>{t('app.name')}</h1>
      <p className="lead">{t('app.tagline')}</p>
      <p>{t('home.notLaunched')}</p>
      <p>{t('home.askTeacher')}</p>
      {config.status === 'ready' && config.data.demoLms ? (
        <p>
          <a href="/demo-lms">{t('home.tryDemo')}</a>
        </p>
      ) : null}
    </>
  );
}
