// Entry point of the client: takes the launch token, picks the language and renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { captureLaunchToken } from './app/launch-token';
import { I18nProvider } from './i18n/i18n-context';
import { languageFromLocale } from './i18n/translate';
import './styles.css';

captureLaunchToken();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider initialLanguage={languageFromLocale(navigator.language)}>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
}
