// The teacher's project groups: form groups for a collaborative activity from the intake, look at each group (who is a
// peer on what, which outcome has no peer), move a student, lock groups and form the rest again around them.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { SessionView } from '../../../lib/session-api';
import { useSetsQuery } from '../api/groups-api';
import { GroupSetView } from './group-set-view';
import { NewGroupsForm } from './new-groups-form';

export function GroupsHome({ session }: { session: SessionView }) {
  const { t } = useI18n();
  const sets = useSetsQuery();
  const [open, setOpen] = useState<string | null>(null);
  const canEdit = session.roles.includes('teacher');
  return (
    <section aria-labelledby="groups-title" className="project-groups">
      <h2 id="groups-title">{t('groups.title')}</h2>
      <p className="muted">{t('groups.intro')}</p>
      {sets.isPending ? <Loading /> : null}
      {sets.isError ? <ErrorMessage error={sets.error} onRetry={() => void sets.refetch()} /> : null}
      {sets.isSuccess && sets.data.sets.length > 0 ? (
        <>
          <h3>{t('groups.sets')}</h3>
          <ul>
            {sets.data.sets.map((set) => (
              <li key={set.id}>
                <button type="button" aria-pressed={open === set.id} onClick={() => setOpen(set.id)}>
                  {t('groups.openSet', { title: set.title, count: set.groups })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {open ? <GroupSetView key={open} setId={open} canEdit={canEdit} /> : null}
      {canEdit ? <NewGroupsForm onFormed={setOpen} /> : null}
    </section>
  );
}
