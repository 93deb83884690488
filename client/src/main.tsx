// Entry point of the client: takes the launch token, picks the language and renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { captureLaunchToken } from './lib/launch-token';
import { AppProviders } from './app/providers';
import './styles.css';

captureLaunchToken();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppProviders browserLocale={navigator.language}>
        <App />
      </AppProviders>
    </StrictMode>,
  );
}
