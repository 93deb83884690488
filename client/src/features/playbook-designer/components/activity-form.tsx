// Adding or editing one activity: its cell and type (with the type's playcard beside it), load, schedule, links and prerequisites.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { createActivity } from '../api/create-activity';
import { deleteActivity } from '../api/delete-activity';
import { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS, type ActivityView, type Environment, type LearningForm } from '../api/types';
import { updateActivity } from '../api/update-activity';
import { bodyOf, draftOf, problemsOf, type Draft } from './activity-draft';
import { FormFooter } from './form-footer';
import { useDesigner } from './designer-context';
import { PlaycardView } from './playcard-view';
import { useSaving } from './save-error';

export function ActivityForm({ activity, initial, onDone }: { activity?: ActivityView; initial?: { environment: Environment; form: LearningForm }; onDone: () => void }) {
  const { t } = useI18n();
  const { design, save } = useDesigner();
  const [draft, setDraft] = useState<Draft>(() => draftOf(activity, initial));
  const [tried, setTried] = useState(false);
  const saving = useSaving();
  const p = activity ? `act-${activity.id}` : 'act-new';
  const problems = problemsOf(draft);
  const shown = tried ? problems : {};
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const others = design.activities.filter((a) => a.id !== activity?.id);

  const fieldError = (name: string) => {
    const key = shown[name];
    return key ? (
      <p id={`${p}-${name}-error`} className="field-error">
        {t(key)}
      </p>
    ) : null;
  };
  const described = (name: string) => (shown[name] ? { 'aria-invalid': true, 'aria-describedby': `${p}-${name}-error` } : {});

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    const body = bodyOf(draft);
    void saving.run(async () => {
      await save((revision) => (activity ? updateActivity(revision, activity.id, body) : createActivity(revision, body)));
      onDone();
    });
  }

  function remove() {
    if (!activity || !window.confirm(t('designer.activity.confirmDelete', { title: activity.title }))) return;
    void saving.run(async () => {
      await save((revision) => deleteActivity(revision, activity.id));
      onDone();
    });
  }

  return (
    <div className="editor activity-editor" role="group" aria-labelledby={`${p}-heading`}>
      <h4 id={`${p}-heading`}>{activity ? t('designer.activity.editTitle', { title: activity.title }) : t('designer.activity.newTitle')}</h4>
      <div className="editor-columns">
        <form onSubmit={submit} className="form-grid" noValidate>
          <label htmlFor={`${p}-title`}>{t('designer.activity.title')}</label>
          <input id={`${p}-title`} value={draft.title} maxLength={200} onChange={(e) => set('title', e.target.value)} {...described('title')} />
          {fieldError('title')}
          <label htmlFor={`${p}-description`}>{t('designer.activity.description')}</label>
          <textarea id={`${p}-description`} rows={3} value={draft.description} maxLength={5000} onChange={(e) => set('description', e.target.value)} />
          <div className="row wrap">
            <div className="form-grid">
              <label htmlFor={`${p}-environment`}>{t('designer.activity.environment')}</label>
              <select id={`${p}-environment`} value={draft.environment} onChange={(e) => set('environment', ENVIRONMENTS.find((x) => x === e.target.value) ?? 'online')}>
                {ENVIRONMENTS.map((x) => (
                  <option key={x} value={x}>
                    {t(`designer.m.environment.${x}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-grid">
              <label htmlFor={`${p}-form`}>{t('designer.activity.form')}</label>
              <select id={`${p}-form`} value={draft.form} onChange={(e) => set('form', LEARNING_FORMS.find((x) => x === e.target.value) ?? 'self-study')}>
                {LEARNING_FORMS.map((x) => (
                  <option key={x} value={x}>
                    {t(`designer.m.form.${x}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-grid">
              <label htmlFor={`${p}-type`}>{t('designer.activity.type')}</label>
              <select id={`${p}-type`} value={draft.type} onChange={(e) => set('type', ACTIVITY_TYPES.find((x) => x === e.target.value) ?? 'activation')}>
                {ACTIVITY_TYPES.map((x) => (
                  <option key={x} value={x}>
                    {t(`designer.m.type.${x}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <label htmlFor={`${p}-hours`}>{t('designer.activity.hours')}</label>
          <input
            id={`${p}-hours`}
            className="narrow"
            type="number"
            min={0}
            max={1000}
            step={0.5}
            value={draft.studyLoadHours}
            onChange={(e) => set('studyLoadHours', e.target.value)}
            {...described('studyLoadHours')}
          />
          {fieldError('studyLoadHours')}

          <fieldset>
            <legend>{t('designer.activity.schedule')}</legend>
            <div className="choice">
              <input type="radio" id={`${p}-async`} name={`${p}-schedule`} checked={!draft.synchronous} onChange={() => set('synchronous', false)} />
              <label htmlFor={`${p}-async`}>{t('designer.activity.asynchronous')}</label>
            </div>
            <div className="choice">
              <input type="radio" id={`${p}-sync`} name={`${p}-schedule`} checked={draft.synchronous} onChange={() => set('synchronous', true)} />
              <label htmlFor={`${p}-sync`}>{t('designer.activity.synchronousChoice')}</label>
            </div>
            {draft.synchronous ? (
              <div className="form-grid">
                {draft.sessions.map((s, i) => (
                  <fieldset key={s.id ?? `s${i}`} className="sub-card">
                    <legend>{t('designer.activity.session', { n: i + 1 })}</legend>
                    <label htmlFor={`${p}-s${i}-start`}>{t('designer.activity.sessionStart')}</label>
                    <input
                      id={`${p}-s${i}-start`}
                      type="datetime-local"
                      value={s.startsAt}
                      onChange={(e) => set('sessions', draft.sessions.map((x, j) => (j === i ? { ...x, startsAt: e.target.value } : x)))}
                      {...described(`session-${i}-startsAt`)}
                    />
                    {fieldError(`session-${i}-startsAt`)}
                    <label htmlFor={`${p}-s${i}-place`}>{t('designer.activity.sessionPlace')}</label>
                    <input
                      id={`${p}-s${i}-place`}
                      value={s.place}
                      maxLength={200}
                      onChange={(e) => set('sessions', draft.sessions.map((x, j) => (j === i ? { ...x, place: e.target.value } : x)))}
                    />
                    <label htmlFor={`${p}-s${i}-capacity`}>{t('designer.activity.sessionCapacity')}</label>
                    <input
                      id={`${p}-s${i}-capacity`}
                      type="number"
                      min={1}
                      className="narrow"
                      value={s.capacity}
                      onChange={(e) => set('sessions', draft.sessions.map((x, j) => (j === i ? { ...x, capacity: e.target.value } : x)))}
                      {...described(`session-${i}-capacity`)}
                    />
                    {fieldError(`session-${i}-capacity`)}
                    <button type="button" className="secondary small" onClick={() => set('sessions', draft.sessions.filter((_, j) => j !== i))}>
                      {t('designer.activity.removeSession', { n: i + 1 })}
                    </button>
                  </fieldset>
                ))}
                {fieldError('sessions')}
                <button type="button" className="secondary" onClick={() => set('sessions', [...draft.sessions, { startsAt: '', place: '', capacity: '20' }])}>
                  {t('designer.activity.addSession')}
                </button>
              </div>
            ) : null}
          </fieldset>

          <fieldset>
            <legend>{t('designer.activity.links')}</legend>
            {draft.links.map((l, i) => (
              <div key={i} className="row wrap">
                <div className="form-grid">
                  <label htmlFor={`${p}-l${i}-title`}>{t('designer.activity.linkTitle', { n: i + 1 })}</label>
                  <input id={`${p}-l${i}-title`} value={l.title} onChange={(e) => set('links', draft.links.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} />
                </div>
                <div className="form-grid">
                  <label htmlFor={`${p}-l${i}-url`}>{t('designer.activity.linkUrl', { n: i + 1 })}</label>
                  <input
                    id={`${p}-l${i}-url`}
                    type="url"
                    value={l.url}
                    onChange={(e) => set('links', draft.links.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)))}
                    {...described(`link-${i}`)}
                  />
                  {fieldError(`link-${i}`)}
                </div>
                <button type="button" className="secondary small" onClick={() => set('links', draft.links.filter((_, j) => j !== i))}>
                  {t('designer.activity.removeLink', { n: i + 1 })}
                </button>
              </div>
            ))}
            <button type="button" className="secondary" onClick={() => set('links', [...draft.links, { title: '', url: 'https://' }])}>
              {t('designer.activity.addLink')}
            </button>
          </fieldset>

          {others.length > 0 ? (
            <fieldset>
              <legend>{t('designer.activity.prerequisites')}</legend>
              <p className="hint">{t('designer.activity.prerequisitesHint')}</p>
              {others.map((a) => (
                <div key={a.id} className="choice">
                  <input
                    type="checkbox"
                    id={`${p}-pre-${a.id}`}
                    checked={draft.prerequisiteIds.includes(a.id)}
                    onChange={(e) => set('prerequisiteIds', e.target.checked ? [...draft.prerequisiteIds, a.id] : draft.prerequisiteIds.filter((x) => x !== a.id))}
                  />
                  <label htmlFor={`${p}-pre-${a.id}`}>{a.title}</label>
                </div>
              ))}
            </fieldset>
          ) : null}

          <FormFooter
            saving={saving}
            showFixHint={tried && Object.keys(problems).length > 0}
            saveLabel="designer.activity.save"
            onClose={onDone}
            {...(activity ? { onDelete: remove } : {})}
            deleteLabel="designer.activity.delete"
          />
        </form>
        <PlaycardView type={draft.type} />
      </div>
    </div>
  );
}
