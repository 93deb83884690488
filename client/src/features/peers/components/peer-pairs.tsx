// The coach's (and teacher's) view of junior/peer pairs among their students: who helps whom on which point, pending or
// accepted, and per point how many peers and juniors there are (counts only).
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { SessionView } from '../../../lib/session-api';
import { pointTitle, usePairsQuery, useStaffTitlesQuery } from '../api/peers-api';
import { Contact } from './contact';

export function PeerPairs(_props: { session: SessionView }) {
  const { t } = useI18n();
  const pairs = usePairsQuery();
  const titles = useStaffTitlesQuery();
  return (
    <section aria-labelledby="pairs-title" className="peer-pairs">
      <h2 id="pairs-title">{t('pairs.title')}</h2>
      {pairs.isPending ? <Loading /> : null}
      {pairs.isError ? <ErrorMessage error={pairs.error} onRetry={() => void pairs.refetch()} /> : null}
      {pairs.isSuccess && pairs.data.pairs.length === 0 ? <p>{t('pairs.none')}</p> : null}
      {pairs.isSuccess && pairs.data.pairs.length > 0 ? (
        <table>
          <caption className="muted" style={{ textAlign: 'start' }}>{t('pairs.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pairs.junior')}</th>
              <th scope="col">{t('pairs.peer')}</th>
              <th scope="col">{t('pairs.point')}</th>
              <th scope="col">{t('pairs.status')}</th>
            </tr>
          </thead>
          <tbody>
            {pairs.data.pairs.map((pair) => (
              <tr key={pair.id}>
                <td>
                  {pair.junior.name ?? pair.junior.id}
                  {pair.junior.email ? <Contact person={pair.junior} /> : null}
                </td>
                <td>
                  {pair.peer.name ?? pair.peer.id}
                  {pair.peer.email ? <Contact person={pair.peer} /> : null}
                </td>
                <td>{pointTitle(titles.data, pair.point)}</td>
                <td>{t(pair.status === 'accepted' ? 'pairs.accepted' : 'pairs.pending')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pairs.isSuccess && pairs.data.points.length > 0 ? (
        <>
          <h3>{t('pairs.points.title')}</h3>
          <ul>
            {pairs.data.points.map((p) => (
              <li key={`${p.point.outcomeId}/${p.point.indicatorId ?? ''}`}>{t('pairs.points.item', { point: pointTitle(titles.data, p.point), peers: p.peers, juniors: p.juniors })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
