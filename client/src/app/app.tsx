// The application shell: header with language choice, and the page for the current launch.
import { useEffect } from 'react';
import { LanguageSwitch } from '../components/language-switch';
import { useI18n } from '../i18n/i18n-context';

export function App() {
  const { t, language } = useI18n();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="shell-main">
        <h1>{t('app.name')}</h1>
        <p className="lead">{t('app.tagline')}</p>
        <p>{t('home.notLaunched')}</p>
        <p>{t('home.askTeacher')}</p>
      </main>
    </div>
  );
}
