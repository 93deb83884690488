// The study plan: ambition, and when and how the student will show the outcome; the typed text stays when saving fails.
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../i18n/i18n-context';
import { saveStudyPlan } from '../api/save-study-plan';
import { EVIDENCE_FORMS, type EvidenceForm, type RouteView } from '../api/types';
import { StudentError } from './student-error';
import { toApiError } from './to-api-error';

export function StudyPlanForm({ view, onView }: { view: RouteView; onView: (v: RouteView) => void }) {
  const { t } = useI18n();
  const plan = view.route.studyPlan;
  const [ambition, setAmbition] = useState(plan.ambition);
  const [date, setDate] = useState(plan.demonstration.plannedDate?.slice(0, 10) ?? '');
  const [form, setForm] = useState<EvidenceForm | ''>(plan.demonstration.evidenceForm ?? '');
  const [description, setDescription] = useState(plan.demonstration.description);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const demonstration = { description, ...(date ? { plannedDate: date } : {}), ...(form ? { evidenceForm: form } : {}) };
      onView(await saveStudyPlan(view.route.version, { ambition, demonstration, ...(plan.coachId ? { coachId: plan.coachId } : {}) }));
      setSaved(true);
    } catch (err) {
      setError(toApiError(err));
    }
  }
  return (
    <section aria-labelledby="plan-title" className="student-section">
      <h2 id="plan-title">{t('student.plan.title')}</h2>
      <form className="card stacked-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor="plan-ambition">{t('student.plan.ambition')}</label>
        <textarea id="plan-ambition" value={ambition} maxLength={2000} rows={3} onChange={(e) => setAmbition(e.target.value)} />
        <label htmlFor="plan-date">{t('student.plan.date')}</label>
        <input id="plan-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <label htmlFor="plan-form">{t('student.plan.form')}</label>
        <select id="plan-form" value={form} onChange={(e) => setForm(e.target.value as EvidenceForm | '')}>
          <option value="">{t('student.plan.formNone')}</option>
          {EVIDENCE_FORMS.map((f) => (
            <option key={f} value={f}>
              {t(`student.evidenceForm.${f}`)}
            </option>
          ))}
        </select>
        <label htmlFor="plan-description">{t('student.plan.description')}</label>
        <textarea id="plan-description" value={description} maxLength={2000} rows={3} onChange={(e) => setDescription(e.target.value)} />
        {error ? <StudentError error={error} /> : null}
        <button type="submit">{t('student.plan.save')}</button>
        <p role="status" className="muted">
          {saved ? t('student.plan.saved') : ''}
        </p>
      </form>
    </section>
  );
}
