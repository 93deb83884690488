// Sharing a playbook: download it as a file, or replace this draft by a file exported elsewhere.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api-client';
import { ErrorMessage } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { exportPlaybook } from '../api/export-playbook';
import { importPlaybook } from '../api/import-playbook';
import { useDesigner } from './designer-context';
import { SaveError, toApiError, useSaving } from './save-error';
import { SavedNote } from './saved-note';

function fileNameOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'playbook'}.playroute.json`;
}

export function ImportExport() {
  const { t } = useI18n();
  const { design, save } = useDesigner();
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const importing = useSaving();

  async function download() {
    setExportError(null);
    try {
      const data = await exportPlaybook();
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileNameOf(design.title);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (err) {
      setExportError(toApiError(err));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || !confirmed) return;
    setReadError(false);
    let content: unknown;
    try {
      content = JSON.parse(await file.text()) as unknown;
    } catch {
      setReadError(true);
      return;
    }
    const ok = await importing.run(() => save((revision) => importPlaybook(revision, content)));
    if (ok) setConfirmed(false);
  }

  return (
    <section id="designer-exchange" className="card" aria-labelledby="designer-exchange-title">
      <h3 id="designer-exchange-title">{t('designer.exchange.title')}</h3>
      <p className="hint">{t('designer.exchange.exportHint')}</p>
      <button type="button" className="secondary" onClick={() => void download()}>
        {t('designer.exchange.export')}
      </button>
      {exportError ? <ErrorMessage error={exportError} /> : null}
      <form onSubmit={(e) => void submit(e)} className="form-grid" noValidate>
        <h4>{t('designer.exchange.importTitle')}</h4>
        {design.status === 'published' ? (
          <p>{t('designer.exchange.publishedNoImport')}</p>
        ) : (
          <>
            <label htmlFor="import-file">{t('designer.exchange.file')}</label>
            <input id="import-file" type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            <div className="choice">
              <input type="checkbox" id="import-confirm" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              <label htmlFor="import-confirm">{t('designer.exchange.confirm')}</label>
            </div>
            <button type="submit" disabled={!file || !confirmed || importing.busy}>
              {t('designer.exchange.import')}
            </button>
            {readError ? (
              <p role="alert" className="error-box">
                {t('designer.exchange.unreadable')}
              </p>
            ) : null}
            <SaveError error={importing.error} />
            <SavedNote shown={importing.done} />
          </>
        )}
      </form>
    </section>
  );
}
