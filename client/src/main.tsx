// Entry point of the client: takes the launch token, picks the language and renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { captureLaunchToken } from './lib/launch-token';
import { I18nProvider } from './i18n/i18n-context';
import './styles.css';

captureLaunchToken();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider browserLocale={navigator.language}>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
}
