// The coach's (and teacher's) view of junior/peer pairs among their students: who helps whom on which point, pending or
// accepted, and per point how many peers and juniors there are (counts only). A teacher may end a pair.
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { SessionView } from '../../../lib/session-api';
import { pointTitle, useEndPair, usePairsQuery, useStaffTitlesQuery } from '../api/peers-api';
import { Contact } from './contact';
import { EndPairButton } from './end-pair-button';

export function PeerPairs({ session }: { session: SessionView }) {
  const { t } = useI18n();
  const pairs = usePairsQuery();
  const titles = useStaffTitlesQuery();
  const end = useEndPair();
  // The server allows a teacher only (POST /api/peers/pairs/:id/end); a coach or assistant reads the list.
  const canEnd = session.roles.includes('teacher');
  return (
    <section aria-labelledby="pairs-title" className="peer-pairs">
      <h2 id="pairs-title">{t('pairs.title')}</h2>
      {pairs.isPending ? <Loading /> : null}
      {pairs.isError ? <ErrorMessage error={pairs.error} onRetry={() => void pairs.refetch()} /> : null}
      <div aria-live="polite">
        {end.isError && (end.error.code === 'peer_request_closed' || end.error.code === 'invalid_transition') ? <p role="alert" className="error-box">{t('peers.error.closed')}</p> : null}
        {end.isError && end.error.code !== 'peer_request_closed' && end.error.code !== 'invalid_transition' ? <ErrorMessage error={end.error} /> : null}
      </div>
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
              {canEnd ? <th scope="col">{t('pairs.end')}</th> : null}
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
                {canEnd ? (
                  <td>
                    {pair.status === 'accepted' ? (
                      <EndPairButton
                        label={t('pairs.endFor', { junior: pair.junior.name ?? pair.junior.id, peer: pair.peer.name ?? pair.peer.id })}
                        disabled={end.isPending}
                        onEnd={() => end.mutate(pair.id)}
                      />
                    ) : null}
                  </td>
                ) : null}
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
