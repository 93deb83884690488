// Writing one learning outcome with the Tuning parts (live sentence), indicators, possible evidence and the assessment; then its rubric and publishing.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { formatDate } from '../../../i18n/format-date';
import { createOutcome } from '../api/create-outcome';
import { deleteOutcome } from '../api/delete-outcome';
import { publishOutcome } from '../api/publish-outcome';
import { EVIDENCE_FORMS, TUNING_PARTS, type OutcomeInput, type OutcomeView } from '../api/types';
import { updateOutcome } from '../api/update-outcome';
import { useDesigner } from './designer-context';
import { FormFooter } from './form-footer';
import { useDomainText } from './domain-text';
import { composeSentence } from './outcome-sentence';
import { RubricEditor } from './rubric-editor';
import { SaveError, useSaving } from './save-error';

const EMPTY: OutcomeInput = {
  title: '',
  tuning: { verb: '', competence: '', subject: '', standard: '', context: '' },
  indicators: [],
  possibleEvidence: [],
  assessments: [{ title: '', description: '', integrated: true }],
};

function inputOf(outcome: OutcomeView | undefined): OutcomeInput {
  if (!outcome) return EMPTY;
  const { title, tuning, indicators, possibleEvidence, assessments } = outcome;
  return { title, tuning, indicators, possibleEvidence, assessments };
}

export function OutcomeEditor({ outcome, onSaved, onClose }: { outcome?: OutcomeView; onSaved: (id: string) => void; onClose: () => void }) {
  const { t, language } = useI18n();
  const { save } = useDesigner();
  const say = useDomainText();
  const [form, setForm] = useState<OutcomeInput>(() => inputOf(outcome));
  const [tried, setTried] = useState(false);
  const saving = useSaving();
  const publishing = useSaving();
  const prefix = outcome ? `oc-${outcome.id}` : 'oc-new';
  const titleMissing = form.title.trim() === '';
  const emptyIndicator = form.indicators.some((i) => i.text.trim() === '');
  const emptyAssessment = form.assessments.some((a) => a.title.trim() === '');
  const invalid = titleMissing || emptyIndicator || emptyAssessment;
  const sentence = composeSentence(language, form.tuning, (part) => `[${t(`designer.tuning.${part}`)}]`);

  const set = <K extends keyof OutcomeInput>(key: K, value: OutcomeInput[K]) => setForm((f) => ({ ...f, [key]: value }));

  // What the confirmation of a guarded change sends again: the save or the delete that was refused.
  const [lastAction, setLastAction] = useState<'save' | 'delete'>('save');

  function submit(event: FormEvent) {
    event.preventDefault();
    send(false);
  }

  /** `confirm` once the teacher agreed to change an outcome students already saw. */
  function send(confirm: boolean) {
    setTried(true);
    setLastAction('save');
    if (invalid) return;
    const body: OutcomeInput = { ...form, title: form.title.trim() };
    void saving.run(async () => {
      const answer = await save((revision) => (outcome ? updateOutcome(revision, outcome.id, body, confirm) : createOutcome(revision, body)));
      if (!outcome) onSaved(answer.outcome.id);
    });
  }

  function remove(confirm = false) {
    if (!outcome || (!confirm && !window.confirm(t('designer.outcomes.confirmDelete', { title: outcome.title })))) return;
    setLastAction('delete');
    void saving.run(async () => {
      await save((revision) => deleteOutcome(revision, outcome.id, confirm));
      onClose();
    });
  }

  return (
    <div className="editor" role="group" aria-labelledby={`${prefix}-heading`}>
      <h4 id={`${prefix}-heading`}>{outcome ? t('designer.outcomes.editing', { title: outcome.title }) : t('designer.outcomes.new')}</h4>
      <form onSubmit={submit} className="form-grid" noValidate>
        <label htmlFor={`${prefix}-title`}>{t('designer.outcomes.name')}</label>
        <input
          id={`${prefix}-title`}
          value={form.title}
          maxLength={200}
          onChange={(e) => set('title', e.target.value)}
          aria-invalid={tried && titleMissing}
          aria-describedby={tried && titleMissing ? `${prefix}-title-error` : undefined}
        />
        {tried && titleMissing ? (
          <p id={`${prefix}-title-error`} className="field-error">
            {t('designer.validation.required')}
          </p>
        ) : null}
        <fieldset>
          <legend>{t('designer.tuning.legend')}</legend>
          <p className="hint">{t('designer.tuning.intro')}</p>
          {TUNING_PARTS.map((part) => (
            <div key={part} className="form-grid">
              <label htmlFor={`${prefix}-${part}`}>{t(`designer.tuning.${part}`)}</label>
              <input
                id={`${prefix}-${part}`}
                value={form.tuning[part]}
                maxLength={500}
                onChange={(e) => set('tuning', { ...form.tuning, [part]: e.target.value })}
                aria-describedby={`${prefix}-${part}-hint`}
              />
              <p id={`${prefix}-${part}-hint`} className="hint">
                {t(`designer.tuning.${part}.hint`)}
              </p>
            </div>
          ))}
        </fieldset>
        <div className="sentence-preview" aria-live="polite">
          <p className="hint">{t('designer.tuning.preview')}</p>
          <p data-testid="outcome-sentence" className="sentence">
            {sentence.map((piece, i) =>
              piece.part ? (
                <span key={i} className={piece.missing ? 'part missing' : 'part'}>
                  {piece.text}
                </span>
              ) : (
                <span key={i}>{piece.text}</span>
              ),
            )}
          </p>
        </div>

        <fieldset>
          <legend>{t('designer.indicators.legend')}</legend>
          <p className="hint">{t('designer.indicators.hint')}</p>
          {form.indicators.map((indicator, index) => (
            <div key={indicator.id ?? `i${index}`} className="row">
              <label htmlFor={`${prefix}-ind-${index}`} className="visually-hidden">
                {t('designer.indicators.item', { n: index + 1 })}
              </label>
              <input
                id={`${prefix}-ind-${index}`}
                value={indicator.text}
                maxLength={1000}
                aria-invalid={tried && indicator.text.trim() === ''}
                onChange={(e) => set('indicators', form.indicators.map((x, j) => (j === index ? { ...x, text: e.target.value } : x)))}
              />
              <button type="button" className="secondary" onClick={() => set('indicators', form.indicators.filter((_, j) => j !== index))}>
                {t('designer.remove')}
                <span className="visually-hidden"> {t('designer.indicators.item', { n: index + 1 })}</span>
              </button>
            </div>
          ))}
          {tried && emptyIndicator ? <p className="field-error">{t('designer.indicators.empty')}</p> : null}
          <button type="button" className="secondary" onClick={() => set('indicators', [...form.indicators, { text: '' }])}>
            {t('designer.indicators.add')}
          </button>
        </fieldset>

        <fieldset>
          <legend>{t('designer.evidence.legend')}</legend>
          <p className="hint">{t('designer.evidence.hint')}</p>
          {form.possibleEvidence.map((evidence, index) => (
            <div key={evidence.id ?? `e${index}`} className="row">
              <label htmlFor={`${prefix}-evf-${index}`} className="visually-hidden">
                {t('designer.evidence.form', { n: index + 1 })}
              </label>
              <select
                id={`${prefix}-evf-${index}`}
                value={evidence.form}
                onChange={(e) => {
                  const value = EVIDENCE_FORMS.find((f) => f === e.target.value) ?? 'other';
                  set('possibleEvidence', form.possibleEvidence.map((x, j) => (j === index ? { ...x, form: value } : x)));
                }}
              >
                {EVIDENCE_FORMS.map((f) => (
                  <option key={f} value={f}>
                    {t(`designer.evidenceForm.${f}`)}
                  </option>
                ))}
              </select>
              <label htmlFor={`${prefix}-evd-${index}`} className="visually-hidden">
                {t('designer.evidence.description', { n: index + 1 })}
              </label>
              <input
                id={`${prefix}-evd-${index}`}
                value={evidence.description}
                maxLength={5000}
                placeholder={t('designer.evidence.placeholder')}
                onChange={(e) => set('possibleEvidence', form.possibleEvidence.map((x, j) => (j === index ? { ...x, description: e.target.value } : x)))}
              />
              <button type="button" className="secondary" onClick={() => set('possibleEvidence', form.possibleEvidence.filter((_, j) => j !== index))}>
                {t('designer.remove')}
                <span className="visually-hidden"> {t('designer.evidence.form', { n: index + 1 })}</span>
              </button>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => set('possibleEvidence', [...form.possibleEvidence, { form: 'work_product', description: '' }])}>
            {t('designer.evidence.add')}
          </button>
        </fieldset>

        <fieldset>
          <legend>{t('designer.assessment.legend')}</legend>
          <p className="hint">{t('designer.assessment.hint')}</p>
          {form.assessments.map((assessment, index) => (
            <div key={assessment.id ?? `a${index}`} className="form-grid sub-card">
              <label htmlFor={`${prefix}-as-${index}`}>{t('designer.assessment.name', { n: index + 1 })}</label>
              <input
                id={`${prefix}-as-${index}`}
                value={assessment.title}
                maxLength={200}
                aria-invalid={tried && assessment.title.trim() === ''}
                onChange={(e) => set('assessments', form.assessments.map((x, j) => (j === index ? { ...x, title: e.target.value } : x)))}
              />
              <label htmlFor={`${prefix}-asd-${index}`}>{t('designer.assessment.description')}</label>
              <textarea
                id={`${prefix}-asd-${index}`}
                value={assessment.description}
                rows={2}
                onChange={(e) => set('assessments', form.assessments.map((x, j) => (j === index ? { ...x, description: e.target.value } : x)))}
              />
              <div className="choice">
                <input
                  type="checkbox"
                  id={`${prefix}-asi-${index}`}
                  checked={assessment.integrated}
                  onChange={(e) => set('assessments', form.assessments.map((x, j) => (j === index ? { ...x, integrated: e.target.checked } : x)))}
                />
                <label htmlFor={`${prefix}-asi-${index}`}>{t('designer.assessment.integrated')}</label>
              </div>
              <button type="button" className="secondary" onClick={() => set('assessments', form.assessments.filter((_, j) => j !== index))}>
                {t('designer.assessment.remove', { n: index + 1 })}
              </button>
            </div>
          ))}
          {tried && emptyAssessment ? <p className="field-error">{t('designer.assessment.empty')}</p> : null}
          <button type="button" className="secondary" onClick={() => set('assessments', [...form.assessments, { title: '', description: '', integrated: true }])}>
            {t('designer.assessment.add')}
          </button>
        </fieldset>

        <FormFooter
          saving={saving}
          showFixHint={tried && invalid}
          saveLabel="designer.outcomes.save"
          onClose={onClose}
          {...(outcome ? { onDelete: () => remove() } : {})}
          deleteLabel="designer.outcomes.delete"
          onConfirm={() => (lastAction === 'delete' ? remove(true) : send(true))}
        />
      </form>

      {outcome ? (
        <>
          <RubricEditor outcome={outcome} />
          <div className="sub-card">
            <h5>{t('designer.outcomes.publishTitle')}</h5>
            {outcome.status === 'published' ? (
              <p>{t('designer.outcomes.isPublished', { date: formatDate(language, outcome.publishedAt, 'long') })}</p>
            ) : (
              <>
                <p className="hint">{t('designer.outcomes.publishHint')}</p>
                {outcome.publishProblems.length > 0 ? (
                  <>
                    <p>{t('designer.outcomes.stillMissing')}</p>
                    <ul>
                      {outcome.publishProblems.map((p) => (
                        <li key={p}>{say(p)}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
                <button type="button" disabled={publishing.busy} onClick={() => void publishing.run(() => save((revision) => publishOutcome(revision, outcome.id)))}>
                  {t('designer.outcomes.publish')}
                </button>
              </>
            )}
            <SaveError error={publishing.error} />
          </div>
        </>
      ) : (
        <p className="hint">{t('designer.outcomes.rubricAfterSave')}</p>
      )}
    </div>
  );
}
