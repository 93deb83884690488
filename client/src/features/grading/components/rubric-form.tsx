// The rubric as a form: one level per criterion, the student's own choice beside it, comments per criterion and overall.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../i18n/i18n-context';
import type { CriterionComparison, RubricCriterion } from '../api/get-attempt';
import { gradeAttempt } from '../api/grade-attempt';
import type { GradeDraft } from './grade-draft';
import { SaveFailure } from './save-failure';

interface Props {
  attemptId: string;
  criteria: RubricCriterion[];
  selfAssessment: CriterionComparison[];
  draft: GradeDraft;
  onDraft: (draft: GradeDraft) => void;
  onSaved: () => void;
}

export function RubricForm({ attemptId, criteria, selfAssessment, draft, onDraft, onSaved }: Props) {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const chosen = criteria.filter((c) => draft.levels[c.id]).length;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const open = criteria.filter((c) => !draft.levels[c.id]).map((c) => c.title);
    setMissing(open);
    if (open.length > 0) return;
    setSaving(true);
    setError(null);
    try {
      await gradeAttempt(attemptId, {
        judgements: criteria.map((c) => {
          const comment = draft.comments[c.id]?.trim();
          return { criterionId: c.id, levelId: draft.levels[c.id] ?? '', ...(comment ? { comment } : {}) };
        }),
        ...(draft.overall.trim() ? { comment: draft.overall.trim() } : {}),
      });
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
      setSaving(false);
    }
  }

  return (
    <form className="rubric-form" onSubmit={(e) => void submit(e)} noValidate>
      <h4>{t('grading.rubric.title')}</h4>
      {criteria.map((criterion) => (
        <CriterionField
          key={criterion.id}
          criterion={criterion}
          comparison={selfAssessment.find((s) => s.criterionId === criterion.id)}
          levelId={draft.levels[criterion.id]}
          comment={draft.comments[criterion.id] ?? ''}
          onLevel={(levelId) => onDraft({ ...draft, levels: { ...draft.levels, [criterion.id]: levelId } })}
          onComment={(comment) => onDraft({ ...draft, comments: { ...draft.comments, [criterion.id]: comment } })}
        />
      ))}
      <div className="field">
        <label htmlFor={`overall-${attemptId}`}>{t('grading.rubric.overall')}</label>
        <textarea id={`overall-${attemptId}`} rows={4} maxLength={10_000} value={draft.overall} onChange={(e) => onDraft({ ...draft, overall: e.target.value })} />
      </div>
      <p className="muted" aria-live="polite">
        {t('grading.rubric.chosen', { count: chosen, total: criteria.length })}
      </p>
      {missing.length > 0 ? (
        <p role="alert" className="error-box">
          {t('grading.rubric.missing', { criteria: missing.join(', ') })}
        </p>
      ) : null}
      <SaveFailure error={error} />
      <button type="submit" disabled={saving}>
        {saving ? t('grading.rubric.saving') : t('grading.rubric.save')}
      </button>
    </form>
  );
}

interface CriterionProps {
  criterion: RubricCriterion;
  comparison: CriterionComparison | undefined;
  levelId: string | undefined;
  comment: string;
  onLevel: (levelId: string) => void;
  onComment: (comment: string) => void;
}

function CriterionField({ criterion, comparison, levelId, comment, onLevel, onComment }: CriterionProps) {
  const { t } = useI18n();
  const studentLevel = criterion.levels.find((l) => l.id === comparison?.studentLevelId);
  const position = (id: string | undefined) => criterion.levels.findIndex((l) => l.id === id);
  const agreement = studentLevel && levelId ? Math.sign(position(studentLevel.id) - position(levelId)) : null;
  const base = `crit-${criterion.id}`;
  return (
    <fieldset className="criterion">
      <legend>{criterion.title}</legend>
      {criterion.description ? <p className="muted">{criterion.description}</p> : null}
      <p className="self-assessment">
        {studentLevel ? t('grading.rubric.self', { level: studentLevel.label }) : t('grading.rubric.noSelf')}
        {agreement === 0 ? ` ${t('grading.rubric.same')}` : null}
        {agreement === 1 ? ` ${t('grading.rubric.studentHigher')}` : null}
        {agreement === -1 ? ` ${t('grading.rubric.studentLower')}` : null}
      </p>
      <div className="levels">
        {criterion.levels.map((level) => (
          <label key={level.id} className={levelId === level.id ? 'level chosen' : 'level'} htmlFor={`${base}-${level.id}`}>
            <input type="radio" id={`${base}-${level.id}`} name={base} value={level.id} checked={levelId === level.id} onChange={() => onLevel(level.id)} />
            <span>
              {t('grading.rubric.levelOption', { label: level.label, points: level.points })}
              {criterion.passLevelId === level.id ? <span className="tag">{t('grading.rubric.passLevel')}</span> : null}
              {studentLevel?.id === level.id ? <span className="tag student">{t('grading.rubric.studentChoice')}</span> : null}
              {level.description ? <span className="level-description">{level.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <label htmlFor={`${base}-comment`}>{t('grading.rubric.criterionComment', { criterion: criterion.title })}</label>
      <textarea id={`${base}-comment`} rows={2} maxLength={5000} value={comment} onChange={(e) => onComment(e.target.value)} />
    </fieldset>
  );
}
