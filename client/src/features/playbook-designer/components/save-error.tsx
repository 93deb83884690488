// A refused save in words, next to the form that stays open: a conflict offers to reload, refusals list their reasons.
import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { ErrorMessage } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { useDesigner } from './designer-context';
import { useDomainText } from './domain-text';

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error));
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

/** `onConfirm` sends the same change again with the teacher's confirmation, for criteria students already saw. */
export function SaveError({ error, onConfirm }: { error: ApiError | null; onConfirm?: () => void }) {
  const { t } = useI18n();
  const { reload } = useDesigner();
  const say = useDomainText();
  const [reloaded, setReloaded] = useState(false);
  if (!error) return null;
  if (error.code === 'published_change_unconfirmed' && onConfirm) return <PublishedChangeQuestion error={error} onConfirm={onConfirm} />;
  if (error.code === 'version_conflict') {
    return (
      <div role="alert" className="error-box">
        <p>{t('designer.error.conflict')}</p>
        {reloaded ? (
          <p>{t('designer.error.conflictReloaded')}</p>
        ) : (
          <button type="button" onClick={() => void reload().then(() => setReloaded(true))}>
            {t('designer.error.reload')}
          </button>
        )}
      </div>
    );
  }
  const problems = listOf(error.details?.problems).filter((p): p is string => typeof p === 'string');
  const reasons = listOf(error.details?.reasons).filter((r): r is { key: string; params: Record<string, string> } => typeof r === 'object' && r !== null && 'key' in r);
  const issues = listOf(error.details?.issues).filter((i): i is { path: string; message: string } => typeof i === 'object' && i !== null && 'message' in i);
  const intro =
    error.code === 'outcome_incomplete'
      ? t('designer.error.outcomeIncomplete')
      : error.code === 'playbook_incomplete'
        ? t('designer.error.playbookIncomplete')
        : error.code === 'playbook_published'
          ? t('designer.error.importPublished')
          : error.code === 'validation_failed' || error.code === 'bad_request'
            ? t('designer.error.validation', { detail: error.message })
            : null;
  if (!intro) return <ErrorMessage error={error} />;
  return (
    <div role="alert" className="error-box">
      <p>{intro}</p>
      {problems.length + reasons.length + issues.length > 0 ? (
        <ul>
          {problems.map((p) => (
            <li key={p}>{say(p)}</li>
          ))}
          {reasons.map((r, i) => (
            <li key={`r${i}`}>{say(r)}</li>
          ))}
          {issues.map((issue, i) => (
            <li key={`i${i}`}>{issue.path ? `${issue.path}: ${issue.message}` : issue.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const PARTS = ['title', 'tuning', 'indicators', 'possibleEvidence', 'assessments', 'rubric'] as const;

/** The server refused a change to criteria students already saw until the teacher confirms it: ask, naming what changes. */
function PublishedChangeQuestion({ error, onConfirm }: { error: ApiError; onConfirm: () => void }) {
  const { t } = useI18n();
  const title = typeof error.details?.outcomeTitle === 'string' ? error.details.outcomeTitle : '';
  const changes = listOf(error.details?.changes).filter((c): c is (typeof PARTS)[number] => PARTS.includes(c as (typeof PARTS)[number]));
  return (
    <div role="alert" className="warning-box">
      <p>{changes.length > 0 ? t('designer.guard.changeQuestion', { title }) : t('designer.guard.deleteQuestion', { title })}</p>
      {changes.length > 0 ? (
        <ul>
          {changes.map((part) => (
            <li key={part}>{t(`designer.guard.part.${part}`)}</li>
          ))}
        </ul>
      ) : null}
      <p>{t('designer.guard.recorded')}</p>
      <button type="button" onClick={onConfirm}>
        {changes.length > 0 ? t('designer.guard.confirmChange') : t('designer.guard.confirmDelete')}
      </button>
    </div>
  );
}

/** The state of one form's save: running, the refusal, and a short confirmation. */
export function useSaving() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await action();
      setDone(true);
      return true;
    } catch (err) {
      setError(toApiError(err));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, done, run, clear: () => setDone(false) };
}
