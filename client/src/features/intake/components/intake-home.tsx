// The student's intake: place yourself on each outcome's levels (and its indicators), answer the short task, tell who
// you are as a learner, submit; then the result as a picture with the goals and activities proposed for the route —
// proposals only: the student takes in what they choose. A teacher's review of the short task shows with the result; a
// teacher may reopen a submitted intake, and the student then sees the form again with when and why.
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { formatDate } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/en';
import type { ApiError } from '../../../lib/api-client';
import type { SessionView } from '../../../lib/session-api';
import { useIntakeQuery, useSaveIntake, useSubmitIntake, type Intake, type IntakeDraft, type Profile } from '../api/intake-api';
import { IntakePicture } from './intake-picture';
import { IntakeProposals } from './intake-proposals';
import { IntakeReviews, Review } from './intake-reviews';

export function IntakeHome(_props: { session: SessionView }) {
  const { t } = useI18n();
  const intake = useIntakeQuery();
  return (
    <section aria-labelledby="intake-title" className="intake">
      <h2 id="intake-title">{t('intake.title')}</h2>
      {intake.isPending ? <Loading /> : null}
      {intake.isError && intake.error.code === 'no_intake' ? <p>{t('intake.none')}</p> : null}
      {intake.isError && intake.error.code !== 'no_intake' ? <ErrorMessage error={intake.error} onRetry={() => void intake.refetch()} /> : null}
      {intake.isSuccess && intake.data.result ? <IntakeResultView intake={intake.data} /> : null}
      {intake.isSuccess && !intake.data.result ? <IntakeForm intake={intake.data} /> : null}
    </section>
  );
}

function IntakeResultView({ intake }: { intake: Intake }) {
  const { t } = useI18n();
  const result = intake.result;
  if (!result) return null;
  return (
    <>
      <h3>{t('intake.result.title')}</h3>
      <p className="muted">{t('intake.result.intro')}</p>
      <IntakePicture design={intake.design} points={result.points} />
      <IntakeReviews intake={intake} />
      <IntakeProposals design={intake.design} result={result} />
    </>
  );
}

const key = (outcomeId: string, indicatorId?: string) => `${outcomeId}/${indicatorId ?? ''}`;

function IntakeForm({ intake }: { intake: Intake }) {
  const { t, language } = useI18n();
  const saved = intake.response;
  const reopened = saved?.history.findLast((e) => e.kind === 'reopened');
  const [ranks, setRanks] = useState<Record<string, number>>(() => Object.fromEntries((saved?.placements ?? []).map((p) => [key(p.outcomeId, p.indicatorId), p.rank])));
  const [answers, setAnswers] = useState<Record<string, string>>(() => Object.fromEntries((saved?.diagnostics ?? []).map((d) => [d.outcomeId, d.answer])));
  const [profile, setProfile] = useState<Profile>(saved?.profile ?? {});
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const submit = useSubmitIntake();
  const save = useSaveIntake();

  const draft = (): IntakeDraft => ({
    version: saved?.version ?? 0,
    placements: Object.entries(ranks).map(([id, rank]) => {
      const [outcomeId = '', indicatorId = ''] = id.split('/');
      return indicatorId ? { outcomeId, indicatorId, rank } : { outcomeId, rank };
    }),
    diagnostics: Object.entries(answers)
      .filter(([, answer]) => answer.trim() !== '')
      .map(([outcomeId, answer]) => ({ outcomeId, answer })),
    profile,
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    submit.mutate(draft());
  };
  const text = (field: Exclude<keyof Profile, 'hoursPerWeek'>, label: MessageKey, multiline = false) => (
    <label className="field" style={{ display: 'grid', gap: '0.25rem' }}>
      {t(label)}
      {multiline ? (
        <textarea rows={2} value={profile[field] ?? ''} onChange={(e) => setProfile({ ...profile, [field]: e.target.value })} />
      ) : (
        <input value={profile[field] ?? ''} onChange={(e) => setProfile({ ...profile, [field]: e.target.value })} />
      )}
    </label>
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      {reopened ? (
        <div className="notice">
          <p style={{ margin: 0 }}>{t('intake.reopened', { date: formatDate(language, reopened.at, 'dateTime') })}</p>
          {reopened.reason ? <p style={{ margin: 0 }}>{t('intake.reopenedReason', { reason: reopened.reason })}</p> : null}
        </div>
      ) : null}
      <p>{t('intake.intro')}</p>
      {intake.design.outcomes.map((outcome) => (
        <div key={outcome.outcomeId} className="card">
          <h3 style={{ margin: 0, fontSize: '1.05rem' }}>{outcome.title}</h3>
          <LevelChoice
            legend={t('intake.placeOutcome', { title: outcome.title })}
            name={key(outcome.outcomeId)}
            levels={outcome.levels}
            target={outcome.targetRank}
            value={ranks[key(outcome.outcomeId)]}
            onChange={(rank) => setRanks({ ...ranks, [key(outcome.outcomeId)]: rank })}
          />
          {outcome.indicators.map((indicator) => (
            <LevelChoice
              key={indicator.id}
              legend={t('intake.placeIndicator', { text: indicator.text })}
              name={key(outcome.outcomeId, indicator.id)}
              levels={outcome.levels}
              target={outcome.targetRank}
              value={ranks[key(outcome.outcomeId, indicator.id)]}
              onChange={(rank) => setRanks({ ...ranks, [key(outcome.outcomeId, indicator.id)]: rank })}
            />
          ))}
          {outcome.diagnosticTask ? (
            <label className="field" style={{ display: 'grid', gap: '0.25rem' }}>
              {t('intake.task', { prompt: outcome.diagnosticTask.prompt })}
              <textarea rows={3} value={answers[outcome.outcomeId] ?? ''} onChange={(e) => setAnswers({ ...answers, [outcome.outcomeId]: e.target.value })} />
            </label>
          ) : null}
          <KeptReview intake={intake} outcomeId={outcome.outcomeId} current={answers[outcome.outcomeId]} />
        </div>
      ))}
      <fieldset className="card">
        <legend>{t('intake.profile.title')}</legend>
        {text('priorEducation', 'intake.profile.priorEducation')}
        {text('workExperience', 'intake.profile.workExperience')}
        <label className="field" style={{ display: 'grid', gap: '0.25rem' }}>
          {t('intake.profile.hoursPerWeek')}
          <input
            type="number"
            min={0}
            max={80}
            inputMode="numeric"
            value={profile.hoursPerWeek ?? ''}
            onChange={(e) => {
              const { hoursPerWeek: _dropped, ...rest } = profile;
              setProfile(e.target.value === '' ? rest : { ...rest, hoursPerWeek: Number(e.target.value) });
            }}
          />
        </label>
        {text('when', 'intake.profile.when')}
        {text('expectations', 'intake.profile.expectations', true)}
        {text('why', 'intake.profile.why', true)}
      </fieldset>
      <div aria-live="polite">
        {submit.isError ? <SubmitError error={submit.error} /> : null}
        {save.isError ? <SubmitError error={save.error} /> : null}
        {notice ? <p className="notice">{t(notice)}</p> : null}
      </div>
      <p style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        <button
          type="button"
          disabled={save.isPending || submit.isPending}
          onClick={() => {
            setNotice(null);
            save.mutate(draft(), { onSuccess: () => setNotice('intake.saved') });
          }}
        >
          {t('intake.save')}
        </button>
        <button type="submit" disabled={submit.isPending || save.isPending}>
          {t('intake.submit')}
        </button>
      </p>
    </form>
  );
}

/** A reopened intake keeps the review of an answer; once the student rewrites the answer the review no longer applies. */
function KeptReview({ intake, outcomeId, current }: { intake: Intake; outcomeId: string; current: string | undefined }) {
  const answer = intake.response?.diagnostics.find((d) => d.outcomeId === outcomeId && d.review);
  const levels = intake.design.outcomes.find((o) => o.outcomeId === outcomeId)?.levels ?? [];
  return answer && current === answer.answer ? <Review answer={answer} levels={levels} withAnswer={false} /> : null;
}

function LevelChoice(props: { legend: string; name: string; levels: { rank: number; label: string }[]; target: number | null; value: number | undefined; onChange: (rank: number) => void }) {
  const { t } = useI18n();
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: '0.25rem 0' }}>
      <legend>{props.legend}</legend>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>
        {props.levels.map((level) => (
          <label key={level.rank} style={{ display: 'inline-flex', gap: '0.25rem', alignItems: 'center' }}>
            <input type="radio" name={props.name} value={level.rank} checked={props.value === level.rank} onChange={() => props.onChange(level.rank)} />
            {level.label}
            {props.target === level.rank ? <span className="muted">{t('intake.asked')}</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function SubmitError({ error }: { error: ApiError }) {
  const { t } = useI18n();
  if (error.code === 'invalid_intake') {
    const issues = (error.details?.issues as { code?: string }[] | undefined) ?? [];
    return (
      <div role="alert" className="error-box">
        <p>{t('intake.error.incomplete')}</p>
        <ul>
          {issues.some((i) => i.code === 'placement_missing') ? <li>{t('intake.error.placementMissing')}</li> : null}
          {issues.some((i) => i.code === 'hours_missing') ? <li>{t('intake.error.hoursMissing')}</li> : null}
        </ul>
      </div>
    );
  }
  if (error.code === 'version_conflict' || error.code === 'intake_submitted') return <p role="alert" className="error-box">{t('intake.error.conflict')}</p>;
  return <ErrorMessage error={error} />;
}
