// The student's project groups: for each grouping the teacher formed, who is in their group — names only.
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { SessionView } from '../../../lib/session-api';
import { useMyGroupsQuery } from '../api/groups-api';

export function MyGroups(_props: { session: SessionView }) {
  const { t } = useI18n();
  const groups = useMyGroupsQuery();
  return (
    <section aria-labelledby="my-groups-title" className="my-groups">
      <h2 id="my-groups-title">{t('myGroups.title')}</h2>
      {groups.isPending ? <Loading /> : null}
      {groups.isError ? <ErrorMessage error={groups.error} onRetry={() => void groups.refetch()} /> : null}
      {groups.isSuccess && groups.data.groups.length === 0 ? <p>{t('myGroups.none')}</p> : null}
      {groups.data?.groups.map((group) => (
        <div key={group.setId} className="card">
          <h3 style={{ margin: 0 }}>{group.title}</h3>
          <ul aria-label={t('myGroups.members', { title: group.title })}>
            {group.members.map((member) => (
              <li key={member.id}>{member.name ?? member.id}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
