// Placing Playroute in a course (deep linking) and opening a placed link: which playbook it shows.
import { Router } from 'express';
import { FINAL_GRADE_TAG } from '../grades/index';
import type { Lti } from '../../lti/index';
import { choosePlaybookForPlacement, deepLinkingOptions } from './use-cases/deep-linking-choices';
import { linkParameters } from './use-cases/link-reference';
import { playbookOfPlacement, setUpPlaybook } from './use-cases/open-placement';
import type { PlaybookRepository, PlaybookSummary, StoredPlaybook } from '../playbooks/index';
import { requireRole, sessionOf } from '../../http/auth';
import { validate } from '../../http/validate';
import { placementChoiceSchema, setUpPlaybookSchema, type PlacementChoiceBody, type SetUpPlaybookBody } from './schemas';

/** Final grades go out on the Dutch 1-10 scale unless the teacher picks another one later. */
const DEFAULT_SCORE_MAXIMUM = 10;

export function placementRoutes(deps: { lti: Lti; playbooks: PlaybookRepository }): Router {
  const router = Router();
  const useCaseDeps = { playbooks: deps.playbooks, records: deps.lti.records };

  router.get('/api/deep-linking/options', requireRole('teacher'), async (_req, res) => {
    const options = await deepLinkingOptions(useCaseDeps, { session: sessionOf(res) });
    res.json({ thisCourse: options.thisCourse.map(summaryView), otherCourses: options.otherCourses.map(summaryView) });
  });

  router.post('/api/deep-linking/response', requireRole('teacher'), validate(placementChoiceSchema), async (req, res) => {
    const session = sessionOf(res);
    const { choice } = req.body as PlacementChoiceBody;
    const chosen = await choosePlaybookForPlacement(useCaseDeps, { session, choice });
    const title = chosen.playbook.title;
    const answer = await deps.lti.respondToDeepLinking({
      session,
      item: {
        title,
        custom: await linkParameters(useCaseDeps, { session, playbookId: chosen.playbook.id }),
        lineItem: { label: title, scoreMaximum: DEFAULT_SCORE_MAXIMUM, resourceId: chosen.playbook.id, tag: FINAL_GRADE_TAG },
      },
    });
    res.json(answer);
  });

  router.get('/api/placement', async (_req, res) => {
    const stored = await playbookOfPlacement(useCaseDeps, { session: sessionOf(res) });
    res.json({ playbook: stored ? playbookView(stored) : null });
  });

  router.post('/api/placement/playbook', requireRole('teacher'), validate(setUpPlaybookSchema), async (req, res) => {
    const { title } = req.body as SetUpPlaybookBody;
    const stored = await setUpPlaybook(useCaseDeps, { session: sessionOf(res), title });
    res.status(201).json({ playbook: playbookView(stored) });
  });

  return router;
}

function playbookView(stored: StoredPlaybook) {
  return { id: stored.playbook.id, title: stored.playbook.title, status: stored.playbook.status, outcomeCount: stored.outcomes.length };
}

function summaryView(summary: PlaybookSummary) {
  return { id: summary.id, title: summary.title, status: summary.status, outcomeTitles: summary.outcomeTitles, updatedAt: summary.updatedAt };
}
