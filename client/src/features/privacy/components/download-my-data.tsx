// "Download my data": the student's own copy of everything Playroute holds about them (GET /api/privacy/export), one
// zip. The API needs the launch token in a header, so the file is fetched and handed to the browser as a blob.
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { launchToken } from '../../../lib/launch-token';
import { renewIfDue } from '../../../lib/session-renewal';

function filenameOf(disposition: string | null): string {
  const match = /filename="?([^";]+)"?/.exec(disposition ?? '');
  return match?.[1] ?? 'playroute-my-data.zip';
}

export function DownloadMyData() {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');

  async function download() {
    setState('busy');
    try {
      await renewIfDue();
      const token = launchToken();
      const res = await fetch('/api/privacy/export', { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!res.ok) throw new Error(String(res.status));
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = filenameOf(res.headers.get('content-disposition'));
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has taken the file once the click is handled; the URL is freed after that turn.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setState('idle');
    } catch {
      setState('failed');
    }
  }

  return (
    <section aria-labelledby="my-data-title" className="my-data">
      <h2 id="my-data-title">{t('privacy.title')}</h2>
      <p>
        {t('privacy.explain')}{' '}
        <a href="/privacy" target="_blank" rel="noreferrer">
          {t('privacy.inventoryLink')}
        </a>
      </p>
      <button type="button" onClick={() => void download()} disabled={state === 'busy'}>
        {state === 'busy' ? t('privacy.downloading') : t('privacy.download')}
      </button>
      {state === 'failed' ? (
        <p role="alert" className="error-box">
          {t('privacy.failed')}
        </p>
      ) : null}
    </section>
  );
}
