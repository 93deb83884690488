// The teacher chooses a coach (a teacher or assistant of the class list) and assigns them to the selected students, or takes them off.
import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useApi } from '../../../lib/use-api';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { assignCoach, unassignCoach } from '../api/assign-coach';
import { getCoaching, type Coaching, type CoachingPerson } from '../api/get-coaching';

export function CoachAssignments() {
  const { t } = useI18n();
  const coaching = useApi(getCoaching);
  // Kept apart from the read, so a save shows its answer without a loading flash and the selection survives a failure.
  const [saved, setSaved] = useState<Coaching | null>(null);
  const data = saved ?? (coaching.status === 'ready' ? coaching.data : null);
  return (
    <section className="card" aria-labelledby="coaches-title">
      <h3 id="coaches-title">{t('coaching.assign.title')}</h3>
      <p className="muted">{t('coaching.assign.intro')}</p>
      {coaching.status === 'loading' ? <Loading /> : null}
      {coaching.status === 'error' ? <ErrorMessage error={coaching.error} onRetry={coaching.reload} /> : null}
      {data ? <AssignmentForm data={data} onSaved={setSaved} /> : null}
    </section>
  );
}

function AssignmentForm({ data, onSaved }: { data: Coaching; onSaved: (data: Coaching) => void }) {
  const { t } = useI18n();
  const [coachId, setCoachId] = useState(data.staff[0]?.id ?? '');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const nameOf = (person: CoachingPerson) => person.name ?? t('classOverview.unnamed', { id: person.id });
  const coach = data.staff.find((s) => s.id === coachId);

  async function save(kind: 'assign' | 'unassign') {
    if (!coach) return;
    if (selected.size === 0) {
      setMessage(t('coaching.assign.pickStudents'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const studentIds = [...selected];
      onSaved(await (kind === 'assign' ? assignCoach : unassignCoach)({ coachId: coach.id, studentIds }));
      setMessage(t(kind === 'assign' ? 'coaching.assign.assigned' : 'coaching.assign.unassigned', { coach: nameOf(coach), count: studentIds.length }));
      setSelected(new Set());
    } catch (err) {
      setMessage(null);
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    } finally {
      setBusy(false);
    }
  }

  if (data.staff.length === 0) return <p>{t('coaching.assign.noStaff')}</p>;
  const toggle = (id: string) =>
    setSelected((all) => {
      const next = new Set(all);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <div className="coach-assignments">
      <div className="field inline">
        <label htmlFor="coach-choice">{t('coaching.assign.coach')}</label>
        <select id="coach-choice" value={coachId} onChange={(e) => setCoachId(e.target.value)}>
          {data.staff.map((person) => (
            <option key={person.id} value={person.id}>
              {nameOf(person)} ({person.roles.map((role) => t(role === 'assistant' ? 'role.assistant' : 'role.teacher')).join(', ')})
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t('coaching.assign.students')}</legend>
        <ul className="plain-list">
          {data.students.map((student) => {
            const coaches = data.assignments
              .filter((a) => a.studentId === student.id)
              .map((a) => data.staff.find((s) => s.id === a.coachId))
              .filter((s): s is Coaching['staff'][number] => s !== undefined);
            return (
              <li key={student.id}>
                <label>
                  <input type="checkbox" checked={selected.has(student.id)} onChange={() => toggle(student.id)} aria-label={t('coaching.assign.select', { name: nameOf(student) })} />{' '}
                  {nameOf(student)}
                </label>
                <span className="muted">
                  {t('coaching.assign.coachesOf')}: {coaches.length > 0 ? coaches.map(nameOf).join(', ') : t('coaching.assign.noCoach')}
                </span>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div aria-live="polite">{message ? <p className="notice">{message}</p> : null}</div>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="button" disabled={busy} onClick={() => void save('assign')}>
        {t('coaching.assign.assign')}
      </button>{' '}
      <button type="button" className="secondary" disabled={busy} onClick={() => void save('unassign')}>
        {t('coaching.assign.unassign')}
      </button>
    </div>
  );
}
