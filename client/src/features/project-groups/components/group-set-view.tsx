// One set of groups: each group with its members and the outcomes they are a peer on, the outcomes a group lacks a
// peer on, a "move to" per student, a lock per group, "lock all" and "form the rest again".
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/en';
import type { ApiError } from '../../../lib/api-client';
import { useLock, useMove, useOutcomeTitlesQuery, useReform, useSetQuery, type GroupSet } from '../api/groups-api';

export function GroupSetView({ setId, canEdit }: { setId: string; canEdit: boolean }) {
  const set = useSetQuery(setId);
  if (set.isPending) return <Loading />;
  if (set.isError) return <ErrorMessage error={set.error} onRetry={() => void set.refetch()} />;
  return <Loaded set={set.data} canEdit={canEdit} />;
}

function Loaded({ set, canEdit }: { set: GroupSet; canEdit: boolean }) {
  const { t } = useI18n();
  const titles = useOutcomeTitlesQuery();
  const move = useMove();
  const lock = useLock();
  const reform = useReform();
  // The key, not the sentence: a notice follows a change of language.
  const [notice, setNotice] = useState<{ key: MessageKey; params?: Record<string, string> } | null>(null);
  const outcomeTitle = (id: string) => titles.data?.outcomes.find((o) => o.outcomeId === id)?.title ?? id;
  const groupName = (index: number) => t('groups.group', { number: index + 1 });
  const error = move.error ?? lock.error ?? reform.error;
  const busy = move.isPending || lock.isPending || reform.isPending;
  const allLocked = set.groups.every((g) => g.locked);

  return (
    <div className="group-set">
      <h3 id="group-set-title">{set.title}</h3>
      <p className="muted">{t(set.mode === 'mixed' ? 'groups.mode.mixed' : 'groups.mode.similar')}</p>
      <div aria-live="polite">
        {error ? <WriteError error={error} /> : null}
        {notice ? <p className="notice">{t(notice.key, notice.params)}</p> : null}
      </div>
      {canEdit ? (
        <p style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
          <button
            type="button"
            disabled={busy || allLocked}
            onClick={() => lock.mutate({ set, groupIds: set.groups.map((g) => g.id), locked: true }, { onSuccess: () => setNotice({ key: 'groups.lockedAll' }) })}
          >
            {t('groups.lockAll')}
          </button>
          <button type="button" disabled={busy || allLocked} onClick={() => reform.mutate(set, { onSuccess: () => setNotice({ key: 'groups.reformed' }) })}>
            {t('groups.reform')}
          </button>
        </p>
      ) : null}
      {set.ungrouped.length > 0 ? <p>{t('groups.ungrouped', { count: set.ungrouped.length })}</p> : null}
      <div style={{ display: 'grid', gap: '0.75rem', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))' }}>
        {set.groups.map((group, index) => {
          const missing = set.missingPeers.filter((m) => m.groupId === group.id).map((m) => outcomeTitle(m.outcomeId));
          return (
            <section key={group.id} className="card" style={{ alignContent: 'start' }} aria-label={groupName(index)}>
              <h4 style={{ margin: 0 }}>
                {groupName(index)} {group.locked ? <span className="muted">{t('groups.locked')}</span> : null}
              </h4>
              <ul style={{ paddingInlineStart: '1.1rem', margin: 0 }}>
                {group.members.map((member) => {
                  const name = member.name ?? member.id;
                  return (
                    <li key={member.id}>
                      {name}
                      {member.peerOn.length > 0 ? <span className="muted"> {t('groups.peerOn', { outcomes: member.peerOn.map(outcomeTitle).join(', ') })}</span> : null}
                      {canEdit && set.groups.length > 1 ? (
                        <label style={{ display: 'block' }}>
                          <span className="muted">{t('groups.moveLabel', { name })} </span>
                          <select
                            value={group.id}
                            disabled={busy}
                            onChange={(e) =>
                              move.mutate({ set, studentId: member.id, toGroupId: e.target.value }, { onSuccess: () => setNotice({ key: 'groups.moved', params: { name } }) })
                            }
                          >
                            {set.groups.map((g, i) => (
                              <option key={g.id} value={g.id}>
                                {groupName(i)}
                              </option>
                            ))}
                          </select>
                        </label>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
              {missing.length > 0 ? <p style={{ margin: 0 }}>{t('groups.missingPeers', { outcomes: missing.join(', ') })}</p> : null}
              {canEdit ? (
                <p style={{ margin: 0 }}>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t(group.locked ? 'groups.unlockFor' : 'groups.lockFor', { group: groupName(index) })}
                    onClick={() => lock.mutate({ set, groupIds: [group.id], locked: !group.locked })}
                  >
                    {t(group.locked ? 'groups.unlock' : 'groups.lock')}
                  </button>
                </p>
              ) : null}
            </section>
          );
        })}
      </div>
    </div>
  );
}

function WriteError({ error }: { error: ApiError }) {
  const { t } = useI18n();
  if (error.code === 'version_conflict') return <p role="alert" className="error-box">{t('groups.conflict')}</p>;
  return <ErrorMessage error={error} />;
}
