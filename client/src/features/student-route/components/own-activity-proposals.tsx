// A student's own activities with the coach's decision, and (at level 4) a form to propose one; typed input stays when sending fails.
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../i18n/i18n-context';
import { proposeActivity } from '../api/propose-activity';
import { ACTIVITY_TYPES, ENVIRONMENTS, FORMS, type ActivityType, type Environment, type LearningForm, type RouteView } from '../api/types';
import { StudentError } from './student-error';
import { toApiError } from './to-api-error';

export function OwnActivityProposals({ view, onView }: { view: RouteView; onView: (v: RouteView) => void }) {
  const { t } = useI18n();
  const own = view.route.ownActivities;
  return (
    <section aria-labelledby="proposals-title" className="student-section">
      <h2 id="proposals-title">{t('student.proposals.title')}</h2>
      {view.level.may.proposeActivities ? <p className="muted">{t('student.proposals.intro')}</p> : null}
      {own.length === 0 ? <p className="muted">{t('student.proposals.none')}</p> : null}
      {own.length > 0 ? (
        <ul className="plain-list proposal-list">
          {own.map((a) => (
            <li key={a.id} className="card">
              <span>
                <strong>{a.title}</strong>
                {a.reviewComment ? <span className="proposal-comment">{t('student.proposals.comment', { comment: a.reviewComment })}</span> : null}
              </span>
              <span className={`badge badge-proposal-${a.status}`}>{t(`student.proposals.status.${a.status}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {view.level.may.proposeActivities ? <ProposalForm view={view} onView={onView} /> : null}
    </section>
  );
}

function ProposalForm({ view, onView }: { view: RouteView; onView: (v: RouteView) => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [environment, setEnvironment] = useState<Environment>(ENVIRONMENTS[0]);
  const [form, setForm] = useState<LearningForm>(FORMS[0]);
  const [type, setType] = useState<ActivityType>(ACTIVITY_TYPES[0]);
  const [hours, setHours] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const studyLoadHours = Number(hours.replace(',', '.'));
  const titleMissing = !title.trim();
  const hoursInvalid = hours.trim() === '' || !Number.isFinite(studyLoadHours) || studyLoadHours < 0 || studyLoadHours > 1000;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setSent(false);
    if (titleMissing || hoursInvalid) return;
    setBusy(true);
    setError(null);
    try {
      const text = description.trim();
      onView(await proposeActivity(view.route.version, { title: title.trim(), ...(text ? { description: text } : {}), environment, form, type, studyLoadHours }));
      setTitle('');
      setDescription('');
      setHours('');
      setChecked(false);
      setSent(true);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const showTitleError = checked && titleMissing;
  const showHoursError = checked && hoursInvalid;
  return (
    <form className="card stacked-form" aria-labelledby="proposal-form-title" onSubmit={(e) => void submit(e)} noValidate>
      <h3 id="proposal-form-title">{t('student.proposals.formTitle')}</h3>
      <label htmlFor="proposal-title">{t('student.proposals.activityTitle')}</label>
      <input
        id="proposal-title"
        value={title}
        maxLength={200}
        required
        aria-invalid={showTitleError}
        aria-describedby={showTitleError ? 'proposal-title-error' : undefined}
        onChange={(e) => setTitle(e.target.value)}
      />
      {showTitleError ? (
        <p id="proposal-title-error" className="field-error">
          {t('student.proposals.titleRequired')}
        </p>
      ) : null}
      <label htmlFor="proposal-description">{t('student.proposals.description')}</label>
      <textarea id="proposal-description" value={description} maxLength={4000} rows={3} onChange={(e) => setDescription(e.target.value)} />
      <label htmlFor="proposal-type">{t('student.proposals.type')}</label>
      <select id="proposal-type" value={type} onChange={(e) => setType(e.target.value as ActivityType)}>
        {ACTIVITY_TYPES.map((v) => (
          <option key={v} value={v}>
            {t(`student.type.${v}`)}
          </option>
        ))}
      </select>
      <label htmlFor="proposal-environment">{t('student.proposals.environment')}</label>
      <select id="proposal-environment" value={environment} onChange={(e) => setEnvironment(e.target.value as Environment)}>
        {ENVIRONMENTS.map((v) => (
          <option key={v} value={v}>
            {t(`student.environment.${v}`)}
          </option>
        ))}
      </select>
      <label htmlFor="proposal-form">{t('student.proposals.form')}</label>
      <select id="proposal-form" value={form} onChange={(e) => setForm(e.target.value as LearningForm)}>
        {FORMS.map((v) => (
          <option key={v} value={v}>
            {t(`student.form.${v}`)}
          </option>
        ))}
      </select>
      <label htmlFor="proposal-hours">{t('student.proposals.hours')}</label>
      <input
        id="proposal-hours"
        type="number"
        inputMode="decimal"
        min={0}
        max={1000}
        step="any"
        value={hours}
        required
        aria-invalid={showHoursError}
        aria-describedby={showHoursError ? 'proposal-hours-error' : undefined}
        onChange={(e) => setHours(e.target.value)}
      />
      {showHoursError ? (
        <p id="proposal-hours-error" className="field-error">
          {t('student.proposals.hoursInvalid')}
        </p>
      ) : null}
      {error ? <StudentError error={error} /> : null}
      <button type="submit" disabled={busy}>
        {t('student.proposals.submit')}
      </button>
      <p role="status" className="muted">
        {sent ? t('student.proposals.sent') : ''}
      </p>
    </form>
  );
}
