// The student's "learning from each other": where they are a junior they ask a proposed peer; where they stand at the
// target they may offer to help and answer the requests that come in. Another student shows as a name and "peer on X";
// the contact (as the LMS shared it) only while a pair is accepted; either of the two may end the pair.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/en';
import type { ApiError } from '../../../lib/api-client';
import type { SessionView } from '../../../lib/session-api';
import { pointTitle, samePoint, useAnswer, useAsk, useOffer, usePeersMeQuery, useProposalsQuery, useStudentTitlesQuery, type PeersMe, type Point, type Titles } from '../api/peers-api';
import { Contact } from './contact';
import { EndPairButton } from './end-pair-button';

const STATUS_KEYS: Record<PeersMe['asked'][number]['status'], MessageKey> = {
  pending: 'peers.status.pending',
  accepted: 'peers.status.accepted',
  declined: 'peers.status.declined',
  withdrawn: 'peers.status.withdrawn',
  ended: 'peers.status.ended',
};

const ERROR_KEYS: Record<string, MessageKey> = {
  peer_full: 'peers.error.peer_full',
  peer_not_available: 'peers.error.peer_not_available',
  already_asked: 'peers.error.already_asked',
  peer_request_closed: 'peers.error.closed',
  invalid_transition: 'peers.error.closed',
  not_eligible_as_peer: 'peers.error.not_eligible',
};

/** Who ended a pair, in words: the other student by name, or the teacher; nothing when the reader ended it. */
function EndedBy({ request, me, other }: { request: PeersMe['asked'][number] | PeersMe['incoming'][number]; me: 'junior' | 'peer'; other: string }) {
  const { t } = useI18n();
  if (request.status !== 'ended' || !request.endedBy || request.endedBy === me) return null;
  return <> {request.endedBy === 'teacher' ? t('peers.endedBy.teacher') : t('peers.endedBy.other', { name: other })}</>;
}

function ActionError({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const key = ERROR_KEYS[error.code];
  return key ? <p role="alert" className="error-box">{t(key)}</p> : <ErrorMessage error={error} />;
}

export function PeersHome(_props: { session: SessionView }) {
  const { t } = useI18n();
  const me = usePeersMeQuery();
  const titles = useStudentTitlesQuery();
  return (
    <section aria-labelledby="peers-title" className="peers">
      <h2 id="peers-title">{t('peers.title')}</h2>
      <p className="muted">{t('peers.intro')}</p>
      {me.isPending ? <Loading /> : null}
      {me.isError ? <ErrorMessage error={me.error} onRetry={() => void me.refetch()} /> : null}
      {me.isSuccess ? <PeersLoaded me={me.data} titles={titles.data} /> : null}
    </section>
  );
}

function PeersLoaded({ me, titles }: { me: PeersMe; titles: Titles | undefined }) {
  const { t } = useI18n();
  const answer = useAnswer();
  const open = (point: Point) => me.asked.find((r) => samePoint(r.point, point) && (r.status === 'pending' || r.status === 'accepted'));
  return (
    <>
      <h3>{t('peers.junior.title')}</h3>
      {me.junior.length === 0 ? <p>{t('peers.junior.none')}</p> : null}
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {me.junior.map((point) => {
          const request = open(point);
          return (
            <li key={`${point.outcomeId}/${point.indicatorId ?? ''}`} className="card">
              <strong>{pointTitle(titles, point)}</strong>
              {request ? <p style={{ margin: 0 }}>{t('peers.junior.asked', { name: request.peer.name ?? request.peer.id, status: t(STATUS_KEYS[request.status]) })}</p> : <FindPeer point={point} titles={titles} />}
            </li>
          );
        })}
      </ul>

      <h3>{t('peers.asked.title')}</h3>
      {me.asked.length === 0 ? <p>{t('peers.asked.none')}</p> : null}
      <div aria-live="polite">{answer.isError ? <ActionError error={answer.error} /> : null}</div>
      <ul>
        {me.asked.map((request) => (
          <li key={request.id}>
            {t('peers.asked.item', { name: request.peer.name ?? request.peer.id, point: pointTitle(titles, request.point), status: t(STATUS_KEYS[request.status]) })}
            <EndedBy request={request} me="junior" other={request.peer.name ?? request.peer.id} />
            {request.status === 'accepted' ? <Contact person={request.peer} /> : null}
            {request.status === 'pending' ? (
              <>
                {' '}
                <button type="button" disabled={answer.isPending} onClick={() => answer.mutate({ requestId: request.id, answer: 'withdraw' })}>
                  {t('peers.withdraw')}
                </button>
              </>
            ) : null}
            {request.status === 'accepted' ? (
              <>
                {' '}
                <EndPairButton
                  label={t('peers.endWith', { name: request.peer.name ?? request.peer.id })}
                  disabled={answer.isPending}
                  onEnd={() => answer.mutate({ requestId: request.id, answer: 'end' })}
                />
              </>
            ) : null}
          </li>
        ))}
      </ul>

      <OfferForm me={me} titles={titles} />

      <h3>{t('peers.incoming.title')}</h3>
      <p className="muted">{t('peers.incoming.load', { count: me.juniors.count, max: me.juniors.max })}</p>
      {me.incoming.length === 0 ? <p>{t('peers.incoming.none')}</p> : null}
      <ul>
        {me.incoming.map((request) => {
          const name = request.junior.name ?? request.junior.id;
          return (
            <li key={request.id}>
              {t('peers.incoming.item', { name, point: pointTitle(titles, request.point), status: t(STATUS_KEYS[request.status]) })}
              <EndedBy request={request} me="peer" other={name} />
              {request.status === 'accepted' ? (
                <>
                  <Contact person={request.junior} />{' '}
                  <EndPairButton label={t('peers.endWith', { name })} disabled={answer.isPending} onEnd={() => answer.mutate({ requestId: request.id, answer: 'end' })} />
                </>
              ) : null}
              {request.status === 'pending' ? (
                <>
                  {' '}
                  <button type="button" aria-label={t('peers.acceptFor', { name })} disabled={answer.isPending} onClick={() => answer.mutate({ requestId: request.id, answer: 'accept' })}>
                    {t('peers.accept')}
                  </button>{' '}
                  <button type="button" aria-label={t('peers.declineFor', { name })} disabled={answer.isPending} onClick={() => answer.mutate({ requestId: request.id, answer: 'decline' })}>
                    {t('peers.decline')}
                  </button>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function FindPeer({ point, titles }: { point: Point; titles: Titles | undefined }) {
  const { t } = useI18n();
  const [looking, setLooking] = useState(false);
  const proposals = useProposalsQuery(looking ? point : null);
  const ask = useAsk();
  const title = pointTitle(titles, point);
  if (!looking) {
    return (
      <p style={{ margin: 0 }}>
        <button type="button" aria-label={t('peers.findFor', { point: title })} onClick={() => setLooking(true)}>
          {t('peers.find')}
        </button>
      </p>
    );
  }
  return (
    <div>
      {proposals.isPending ? <Loading /> : null}
      {proposals.isError ? <ErrorMessage error={proposals.error} onRetry={() => void proposals.refetch()} /> : null}
      {proposals.isSuccess && proposals.data.peers.length === 0 ? <p>{t('peers.proposals.none')}</p> : null}
      {proposals.isSuccess && proposals.data.peers.length > 0 ? (
        <ul aria-label={t('peers.proposals.for', { point: title })}>
          {proposals.data.peers.map((peer) => {
            const name = peer.name ?? peer.id;
            return (
              <li key={peer.id}>
                {name} <span className="muted">{t('peers.peerOn', { points: peer.peerOn.map((p) => pointTitle(titles, p)).join('; ') })}</span>{' '}
                <button type="button" aria-label={t('peers.askFor', { name })} disabled={ask.isPending} onClick={() => ask.mutate({ point, peerId: peer.id })}>
                  {t('peers.ask')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div aria-live="polite">{ask.isError ? <ActionError error={ask.error} /> : null}</div>
    </div>
  );
}

function OfferForm({ me, titles }: { me: PeersMe; titles: Titles | undefined }) {
  const { t } = useI18n();
  const offer = useOffer();
  const [chosen, setChosen] = useState<Point[]>(me.offered);
  const [saved, setSaved] = useState(false);
  if (me.canOffer.length === 0 && me.offered.length === 0) {
    return (
      <>
        <h3>{t('peers.offer.title')}</h3>
        <p>{t('peers.offer.none')}</p>
      </>
    );
  }
  const points = [...me.canOffer, ...me.offered.filter((o) => !me.canOffer.some((c) => samePoint(c, o)))];
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        offer.mutate(chosen, { onSuccess: () => setSaved(true) });
      }}
    >
      <fieldset>
        <legend>
          <strong>{t('peers.offer.title')}</strong>
        </legend>
        <p className="muted">{t('peers.offer.intro')}</p>
        {points.map((point) => {
          const checked = chosen.some((c) => samePoint(c, point));
          return (
            <label key={`${point.outcomeId}/${point.indicatorId ?? ''}`} style={{ display: 'block' }}>
              <input type="checkbox" checked={checked} onChange={() => setChosen(checked ? chosen.filter((c) => !samePoint(c, point)) : [...chosen, point])} /> {pointTitle(titles, point)}
            </label>
          );
        })}
        <button type="submit" disabled={offer.isPending}>
          {t('peers.offer.save')}
        </button>
      </fieldset>
      <div aria-live="polite">
        {offer.isError ? <ActionError error={offer.error} /> : null}
        {saved ? <p className="notice">{t('peers.offer.saved')}</p> : null}
      </div>
    </form>
  );
}
