// The teacher chooses a coach (a teacher or assistant of the class list) and assigns them to the selected students, or takes them off.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { useCoachAssignmentMutation } from '../api/assign-coach';
import { useCoachingQuery, type Coaching, type CoachingPerson } from '../api/get-coaching';

export function CoachAssignments() {
  const { t } = useI18n();
  // A save puts its answer in the cache (useCoachAssignmentMutation): no loading flash, and the selection survives a failure.
  const coaching = useCoachingQuery();
  return (
    <section className="card" aria-labelledby="coaches-title">
      <h3 id="coaches-title">{t('coaching.assign.title')}</h3>
      <p className="muted">{t('coaching.assign.intro')}</p>
      {coaching.isPending ? <Loading /> : null}
      {coaching.isError ? <ErrorMessage error={coaching.error} onRetry={() => void coaching.refetch()} /> : null}
      {coaching.data ? <AssignmentForm data={coaching.data} /> : null}
    </section>
  );
}

function AssignmentForm({ data }: { data: Coaching }) {
  const { t } = useI18n();
  const [coachId, setCoachId] = useState(data.staff[0]?.id ?? '');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const saving = useCoachAssignmentMutation();
  const [message, setMessage] = useState<string | null>(null);
  const nameOf = (person: CoachingPerson) => person.name ?? t('classOverview.unnamed', { id: person.id });
  const coach = data.staff.find((s) => s.id === coachId);

  function save(kind: 'assign' | 'unassign') {
    if (!coach) return;
    if (selected.size === 0) {
      setMessage(t('coaching.assign.pickStudents'));
      return;
    }
    const studentIds = [...selected];
    setMessage(null);
    saving.mutate(
      { kind, choice: { coachId: coach.id, studentIds } },
      {
        onSuccess: () => {
          setMessage(t(kind === 'assign' ? 'coaching.assign.assigned' : 'coaching.assign.unassigned', { coach: nameOf(coach), count: studentIds.length }));
          setSelected(new Set());
        },
      },
    );
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
      {saving.error ? <ErrorMessage error={saving.error} /> : null}
      <button type="button" disabled={saving.isPending} onClick={() => save('assign')}>
        {t('coaching.assign.assign')}
      </button>{' '}
      <button type="button" className="secondary" disabled={saving.isPending} onClick={() => save('unassign')}>
        {t('coaching.assign.unassign')}
      </button>
    </div>
  );
}
