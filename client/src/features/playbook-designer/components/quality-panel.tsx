// The quality checks of path-independent assessment in words, what still blocks publishing, and the publish button.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { useQualityQuery } from '../api/get-quality';
import { publishPlaybook } from '../api/publish-playbook';
import type { QualityCheck } from '../api/types';
import { useDesigner } from './designer-context';
import { useDomainText } from './domain-text';
import { PlaybookHistory } from './playbook-history';
import { SaveError, useSaving } from './save-error';
import { UnpublishControl } from './unpublish-control';

export function QualityPanel() {
  const { t } = useI18n();
  const { design, save } = useDesigner();
  const say = useDomainText();
  // The report follows the design: every save gives a new revision.
  const quality = useQualityQuery(design.revision);
  const report = quality.data;
  const error = quality.isError ? quality.error : null;
  const [warnings, setWarnings] = useState<QualityCheck[] | null>(null);
  const publishing = useSaving();

  const outcomeTitle = (id: string | undefined) => design.outcomes.find((o) => o.id === id)?.title;

  function publish() {
    void publishing.run(async () => {
      const answer = await save((revision) => publishPlaybook(revision));
      setWarnings(answer.warnings);
    });
  }

  return (
    <section id="designer-quality" className="card" aria-labelledby="designer-quality-title">
      <h3 id="designer-quality-title">{t('designer.quality.title')}</h3>
      <p className="hint">{t('designer.quality.intro')}</p>
      {error ? <ErrorMessage error={error} onRetry={() => void quality.refetch()} /> : null}
      {!report && !error ? <Loading /> : null}
      {report ? (
        <>
          <ul className="quality-list">
            {report.checks.map((c, i) => {
              const title = outcomeTitle(c.outcomeId);
              return (
                <li key={`${c.check}-${c.outcomeId ?? ''}-${i}`} className={c.ok ? 'check ok' : 'check not-ok'}>
                  <span aria-hidden="true" className="check-icon">
                    {c.ok ? '✓' : '!'}
                  </span>
                  <span>
                    <span className="visually-hidden">{c.ok ? t('designer.quality.passed') : t('designer.quality.attention')} </span>
                    {title ? <strong>{title}: </strong> : null}
                    {say(c.message)}
                  </span>
                </li>
              );
            })}
          </ul>
          <h4>{t('designer.publish.title')}</h4>
          {design.status === 'published' ? (
            <>
              <p className="ok-note">{t('designer.publish.done')}</p>
              <p className="hint">{t('designer.guard.hint')}</p>
              <UnpublishControl />
            </>
          ) : report.publishable ? (
            <p>{t('designer.publish.ready')}</p>
          ) : (
            <div className="warning-box">
              <p>{t('designer.publish.blocked')}</p>
              <ul>
                {report.blocking.map((b, i) => (
                  <li key={i}>{say(b)}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      ) : null}
      {design.status !== 'published' ? (
        <button type="button" onClick={publish} disabled={publishing.busy}>
          {t('designer.publish.button')}
        </button>
      ) : null}
      <SaveError error={publishing.error} />
      {publishing.done ? (
        <div role="status">
          <p className="ok-note">{t('designer.publish.success')}</p>
          {warnings && warnings.length > 0 ? (
            <>
              <p>{t('designer.publish.warnings')}</p>
              <ul>
                {warnings.map((w, i) => (
                  <li key={i}>{say(w.message)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <PlaybookHistory />
    </section>
  );
}
