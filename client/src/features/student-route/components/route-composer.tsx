// Composing the route: follow the recommended route in one click, or add, remove and reorder, with the rule check and balance beside it.
import { useState } from 'react';
import type { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../i18n/i18n-context';
import { checkRoute } from '../api/check-route';
import { getRoute } from '../api/get-route';
import { saveRoute } from '../api/save-route';
import { submitRoute } from '../api/submit-route';
import type { Message, PublishedPlaybook, RouteView } from '../api/types';
import { withdrawRoute } from '../api/withdraw-route';
import { BalanceGrid } from './balance-grid';
import { RouteApproval } from './route-approval';
import { RouteList } from './route-list';
import { checkDraft, type Choosable } from './route-rules';
import { RuleCheck } from './rule-check';
import { StudentError } from './student-error';
import { toApiError } from './to-api-error';
import type { RouteDraft } from './use-route-draft';

interface RouteComposerProps {
  playbook: PublishedPlaybook;
  view: RouteView;
  onView: (view: RouteView) => void;
  draft: RouteDraft;
  catalogue: Map<string, Choosable>;
}

export function RouteComposer({ playbook, view, onView, draft, catalogue }: RouteComposerProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [serverViolations, setServerViolations] = useState<Message[] | null>(null);
  const [notice, setNotice] = useState('');
  const titleOf = (id: string) => catalogue.get(id)?.title ?? id;
  const statusOf = (id: string) => view.route.entries.find((e) => e.activityId === id)?.status ?? 'planned';
  const violations = checkDraft(playbook, catalogue, draft.ids, statusOf);
  const editable = view.level.may.composeRoute && view.route.status !== 'submitted';
  const conflict = error?.code === 'version_conflict';

  async function run(action: () => Promise<RouteView>, done: string): Promise<RouteView | null> {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      const next = await action();
      onView(next);
      setNotice(done);
      return next;
    } catch (err) {
      setError(toApiError(err));
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function save(ids: string[] = draft.ids) {
    const next = await run(() => saveRoute(view.route.version, ids), t('student.route.saved'));
    if (next) draft.replace(next.route.entries.map((e) => e.activityId));
    return next;
  }

  function followRecommended() {
    const ids = playbook.recommendedRoute.filter((id) => catalogue.has(id));
    draft.replace(ids);
    void save(ids);
  }

  async function submit() {
    setServerViolations(null);
    const current = draft.dirty ? await save() : view;
    if (!current) return;
    const next = await run(() => submitRoute(current.route.version), t('student.approval.submitted'));
    if (!next) setServerViolations(await checkRoute().then((c) => c.violations, () => null));
  }

  /** After a conflict: take the latest saved version, and keep the student's list in memory to save over it. */
  async function loadLatest(keepMine: boolean) {
    const latest = await run(getRoute, t(keepMine ? 'student.route.reloaded' : 'student.route.discarded'));
    if (latest && !keepMine) draft.replace(latest.route.entries.map((e) => e.activityId));
  }

  return (
    <section aria-labelledby="route-title" className="student-section">
      <h2 id="route-title">{t('student.route.title')}</h2>
      {!view.level.may.composeRoute ? <p>{t('student.route.guided')}</p> : null}
      {view.level.may.composeRoute ? (
        <div className="button-row">
          <button type="button" onClick={followRecommended} disabled={busy || !editable}>
            {t('student.route.followRecommended')}
          </button>
        </div>
      ) : null}
      <div className="route-layout">
        <div>
          <h3>{t('student.route.yourActivities', { count: draft.ids.length })}</h3>
          <RouteList ids={draft.ids} catalogue={catalogue} editable={editable} onMove={draft.move} onMoveTo={draft.moveTo} onRemove={draft.remove} />
          {editable ? (
            <div className="button-row">
              <button type="button" onClick={() => void save()} disabled={busy || !draft.dirty}>
                {t('student.route.save')}
              </button>
              {draft.dirty ? <span className="unsaved">{t('student.route.unsaved')}</span> : null}
            </div>
          ) : null}
          {conflict ? (
            <div role="alert" className="error-box">
              <p>{t('student.error.version_conflict')}</p>
              <div className="button-row">
                <button type="button" onClick={() => void loadLatest(true)} disabled={busy}>
                  {t('student.route.loadLatestKeep')}
                </button>
                <button type="button" className="secondary" onClick={() => void loadLatest(false)} disabled={busy}>
                  {t('student.route.discardMine')}
                </button>
              </div>
            </div>
          ) : null}
          {error && !conflict ? <StudentError error={error} /> : null}
          <p role="status" className="muted">
            {notice}
          </p>
          <RouteApproval view={view} busy={busy} canSubmit={violations.length === 0} onSubmit={() => void submit()} onWithdraw={() => void run(() => withdrawRoute(view.route.version), t('student.approval.withdrawn'))} />
          {serverViolations && serverViolations.length > 0 ? <RuleCheck id="server-check" violations={serverViolations} titleOf={titleOf} /> : null}
        </div>
        <aside className="route-aside" aria-label={t('student.check.aside')}>
          <RuleCheck id="live-check" violations={violations} titleOf={titleOf} />
          <BalanceGrid items={draft.ids.flatMap((id) => catalogue.get(id) ?? []).filter((item) => statusOf(item.id) !== 'skipped')} />
        </aside>
      </div>
    </section>
  );
}
