// A file as evidence: chosen, checked against the 20 MB limit, and uploaded with a visible progress bar.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../i18n/i18n-context';
import { uploadEvidenceFile } from '../api/upload-evidence-file';
import { StudentError } from './student-error';
import { toApiError } from './to-api-error';

const MAX_BYTES = 20 * 1024 * 1024;

export function FileUpload({ outcomeId, onUploaded }: { outcomeId: string; onUploaded: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const inputId = `file-${outcomeId}`;
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    if (!file) return;
    setError(null);
    setDone('');
    if (file.size > MAX_BYTES) {
      setError(new ApiError(413, 'file_too_large', 'file too large'));
      return;
    }
    setProgress(0);
    try {
      await uploadEvidenceFile(outcomeId, file, setProgress);
      setDone(t('student.evidence.uploaded', { name: file.name }));
      setFile(null);
      formElement.reset();
      onUploaded();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setProgress(null);
    }
  }
  return (
    <form className="stacked-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={inputId}>{t('student.evidence.file')}</label>
      <input id={inputId} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby={`${inputId}-hint`} />
      <p id={`${inputId}-hint`} className="muted">
        {t('student.evidence.fileHint')}
      </p>
      <button type="submit" disabled={!file || progress !== null}>
        {t('student.evidence.upload')}
      </button>
      {progress !== null ? (
        <div>
          <label htmlFor={`${inputId}-progress`}>{t('student.evidence.uploading', { percent: Math.round(progress * 100) })}</label>
          <progress id={`${inputId}-progress`} max={100} value={Math.round(progress * 100)} />
        </div>
      ) : null}
      <p role="status" className="muted">
        {done}
      </p>
      {error ? <StudentError error={error} /> : null}
    </form>
  );
}
