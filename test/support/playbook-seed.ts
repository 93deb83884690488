// Seeds a published playbook for a placement of the harness's LMS through the real repository (the teacher's design API is not what these tests are about).
import type { Activity } from '../../server/domain/activity';
import type { Playbook } from '../../server/domain/playbook';
import { buildActivity, buildCatalogue, buildOutcome, daysAfter } from '../../server/domain/test-factories';
import { createPlaybookRepository } from '../../server/features/playbooks/data/playbook-repository';
import { DEPLOYMENT_ID, type LtiHarness } from './lti-harness';

export const WORKSHOP = 'workshop';
/** A session of five seats, for the sign-up race. */
export const SMALL_SESSION = 'small';
export const LARGE_SESSION = 'large';

export interface SeededPlaybook {
  playbook: Playbook;
  /** The LMS resource link to launch: `h.browser().launch({ user, placement })`. */
  placement: string;
}

/** A synchronous workshop with a small and a large session, a month from now (the harness runs on the real clock). */
export function workshop(): Activity {
  const inAMonth = daysAfter(new Date(), 30);
  return buildActivity({
    id: WORKSHOP,
    title: 'Planning workshop',
    environment: 'campus',
    form: 'collaborative',
    type: 'application',
    studyLoadHours: 3,
    schedule: {
      kind: 'synchronous',
      sessions: [
        { id: SMALL_SESSION, startsAt: inAMonth, place: 'Room 1.23', capacity: 5 },
        { id: LARGE_SESSION, startsAt: daysAfter(inAMonth, 7), place: 'Aula', capacity: 30 },
      ],
    },
  });
}

/**
 * Every test story gets a placement of its own (a new link in the LMS course), so stories never share routes.
 * The catalogue fills several grid cells; rules ask for every type, 15-40 hours, the peer review and a workplace activity.
 */
export async function seedPlaybook(h: LtiHarness, overrides: Partial<Omit<Playbook, 'id' | 'placementId'>> = {}): Promise<SeededPlaybook> {
  const link = h.lms.addPlacement({ title: overrides.title ?? 'Project management' });
  const placement = { platformId: h.platform.id, deploymentId: DEPLOYMENT_ID, contextId: h.lms.course.id, resourceLinkId: link.resourceLinkId };
  const stored = await createPlaybookRepository(h.database.connection).create({
    placement,
    playbook: {
      title: 'Project management',
      description: 'Draw up a project plan for a client.',
      outcomeIds: ['lo-1'],
      activities: [...buildCatalogue(), workshop()],
      recommendedRoute: ['activate', 'lecture', 'practice', 'peer-review', 'logbook', WORKSHOP],
      rules: {
        minPerType: { activation: 1, instruction: 1, application: 1, feedback: 1, reflection: 1 },
        minStudyLoadHours: 15,
        maxStudyLoadHours: 40,
        requiredActivityIds: ['peer-review'],
        requiredEnvironments: ['workplace'],
      },
      selfDirectionLevel: 2,
      assessmentWindows: [],
      status: 'published',
      publishedAt: new Date(),
      ...overrides,
    },
    outcomes: [buildOutcome()],
  });
  return { playbook: stored.playbook, placement: link.resourceLinkId };
}
