// The self-direction level of one student: the playbook's, or a level the coach chooses for them.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api-client';
import { ErrorMessage } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { Level, LevelView } from '../api/get-students';
import { setStudentLevel } from '../api/set-level';
import type { Notice } from '../../../components/notice';

interface Props {
  studentId: string;
  name: string;
  version: number;
  level: LevelView;
  onFailed: (error: ApiError) => void;
  onChanged: (message: Notice) => void;
}

const LEVELS: readonly Level[] = [1, 2, 3, 4];

export function LevelForm({ studentId, name, version, level, onFailed, onChanged }: Props) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<string>(level.override === null ? '' : String(level.override));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await setStudentLevel(studentId, version, choice === '' ? null : (Number(choice) as Level));
      onChanged({ key: 'coach.level.saved', params: { name } });
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err));
      setError(apiError);
      onFailed(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="coach-box" onSubmit={(e) => void save(e)}>
      <h4>{t('coach.level.title')}</h4>
      <div className="field">
        <label htmlFor="student-level">{t('coach.level.label')}</label>
        <select id="student-level" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t('coach.level.default', { level: level.playbook })}</option>
          {LEVELS.map((l) => (
            <option key={l} value={String(l)}>
              {t(`coach.level.${l}`)}
            </option>
          ))}
        </select>
      </div>
      {error && error.status !== 409 ? <ErrorMessage error={error} /> : null}
      <button type="submit" disabled={busy}>
        {t('coach.level.save')}
      </button>
    </form>
  );
}
