// The peer endpoints (see README.md in this folder for each request and answer).
import { Router } from 'express';
import { STAFF } from '../../lti/roles';
import { requireRole, sessionOf } from '../../http/auth';
import { validate } from '../../http/validate';
import type { PeerDeps } from './deps';
import {
  askSchema,
  offerSchema,
  pairParamsSchema,
  proposalsQuerySchema,
  requestParamsSchema,
  settingsSchema,
  type AskBody,
  type OfferBody,
  type PairParams,
  type ProposalsQuery,
  type RequestParams,
  type SettingsBody,
} from './schemas';
import { endOwnPair, endPairAsTeacher } from './use-cases/end-pair';
import { askPeer, decide, offerHelp, ownPeers, proposalsFor } from './use-cases/own-peers';
import { pairsInScope, readSettings, saveSettings } from './use-cases/staff-peers';
import { ownPeersView, pairsView, proposalsView } from './views';

export function peerRoutes(deps: PeerDeps): Router {
  const router = Router();
  const student = requireRole('student');
  const staff = requireRole(...STAFF);
  const teacher = requireRole('teacher');
  const refOf = (p: { outcomeId: string; indicatorId?: string | undefined }) => (p.indicatorId ? { outcomeId: p.outcomeId, indicatorId: p.indicatorId } : { outcomeId: p.outcomeId });

  router.get('/api/peers/me', student, async (_req, res) => {
    res.json(ownPeersView(await ownPeers(deps, { session: sessionOf(res) })));
  });

  router.put('/api/peers/offer', student, validate(offerSchema), async (req, res) => {
    const { points } = req.body as OfferBody;
    res.json(ownPeersView(await offerHelp(deps, { session: sessionOf(res), points: points.map(refOf) })));
  });

  router.get('/api/peers/proposals', student, validate(proposalsQuerySchema, 'query'), async (req, res) => {
    const query = req.query as unknown as ProposalsQuery;
    res.json(proposalsView(await proposalsFor(deps, { session: sessionOf(res), point: refOf(query) })));
  });

  router.post('/api/peers/requests', student, validate(askSchema), async (req, res) => {
    const body = req.body as AskBody;
    res.status(201).json(ownPeersView(await askPeer(deps, { session: sessionOf(res), point: refOf(body), peerId: body.peerId })));
  });

  router.post('/api/peers/requests/:requestId/:decision', student, validate(requestParamsSchema, 'params'), async (req, res) => {
    const { requestId, decision } = req.params as unknown as RequestParams;
    const session = sessionOf(res);
    res.json(ownPeersView(decision === 'end' ? await endOwnPair(deps, { session, requestId }) : await decide(deps, { session, requestId, decision })));
  });

  router.get('/api/peers/settings', staff, async (_req, res) => {
    res.json(await readSettings(deps, { session: sessionOf(res) }));
  });

  router.put('/api/peers/settings', teacher, validate(settingsSchema), async (req, res) => {
    const { version, maxJuniorsPerPeer, minimumPeerRank } = req.body as SettingsBody;
    res.json(await saveSettings(deps, { session: sessionOf(res), version, settings: { maxJuniorsPerPeer, minimumPeerRank } }));
  });

  router.get('/api/peers/pairs', staff, async (_req, res) => {
    const session = sessionOf(res);
    res.json(pairsView(await pairsInScope(deps, { session }), session.roles.includes('teacher')));
  });

  router.post('/api/peers/pairs/:requestId/end', teacher, validate(pairParamsSchema, 'params'), async (req, res) => {
    const { requestId } = req.params as unknown as PairParams;
    res.json(pairsView(await endPairAsTeacher(deps, { session: sessionOf(res), requestId }), true));
  });

  return router;
}
