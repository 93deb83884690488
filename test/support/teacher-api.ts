// Small steps for playbook API tests: a placed link with its teacher, student and coach, revision-carrying calls, and body builders.
import { Role } from '../../server/lti/claims';
import type { LtiHarness } from './lti-harness';
import { launchInOtherCourse as launchElsewhere } from './lti-harness';

export type Member = 'teacher' | 'student' | 'coach';

/** One link in the demo course with a playbook set up, and a launch session for each kind of member. */
export interface PlacedLink {
  link: string;
  teacher: string;
  student: string;
  coach: string;
}

export interface ErrorAnswer {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export interface OutcomeView {
  id: string;
  title: string;
  status: string;
  publishedAt?: string;
  tuning: Record<string, string>;
  indicators: { id: string; text: string }[];
  possibleEvidence: { id: string; form: string; description: string }[];
  assessments: { id: string; title: string; integrated: boolean }[];
  rubric: { criteria: { id: string; title: string; weight: number; passLevelId?: string; levels: { id: string; label: string; points: number }[] }[] };
  statement: { parts: { part: string; text: string }[]; sentence: { key: string; params: Record<string, string> }; missing: string[] };
  publishProblems: string[];
}

export interface ActivityView {
  id: string;
  title: string;
  environment: string;
  form: string;
  type: string;
  studyLoadHours: number;
  prerequisiteIds: string[];
  schedule: { kind: string; sessions?: { id: string; startsAt: string; place: string; capacity: number }[] };
}

export interface DesignView {
  id: string;
  revision: number;
  title: string;
  description: string;
  status: string;
  courseStartDate: string | null;
  selfDirectionLevel: number;
  outcomes: OutcomeView[];
  activities: ActivityView[];
  recommendedRoute: string[];
  rules: { minPerType: Record<string, number>; minStudyLoadHours?: number; maxStudyLoadHours?: number; requiredActivityIds: string[]; requiredEnvironments: string[] };
  assessmentWindows: { id: string; from: string; until: string }[];
  coverage: { count: number; cells: { environment: string; form: string; count: number }[] };
  playcards: { alignmentKey: string; cards: { type: string; titleKey: string; tools: string[] }[] };
}

export async function launchAs(h: LtiHarness, member: Member, link: string): Promise<string> {
  const outcome = await h.browser().launch({ user: h.lms.member(member).userId, placement: link });
  if (!outcome.sessionToken) throw new Error(`${member} launch failed: ${outcome.status}`);
  return outcome.sessionToken;
}

/** A fresh link in the demo course, so each story starts from its own empty playbook. */
export async function placeNewPlaybook(h: LtiHarness, title = 'Projectmatig werken'): Promise<PlacedLink> {
  const { resourceLinkId: link } = h.lms.addPlacement({ title });
  const [teacher, student, coach] = await Promise.all([launchAs(h, 'teacher', link), launchAs(h, 'student', link), launchAs(h, 'coach', link)]);
  const setUp = await h.api(teacher, '/api/placement/playbook', { method: 'POST', body: JSON.stringify({ title }) });
  if (setUp.status !== 201) throw new Error(`setting up the playbook failed: ${setUp.status}`);
  return { link, teacher, student, coach };
}

/** A teacher of another course of the same LMS (signed by the LMS). */
export function launchInOtherCourse(h: LtiHarness, contextId: string, roles: string[] = [Role.instructor], sub = 'teacher-of-another-course'): Promise<string> {
  return launchElsewhere(h, contextId, roles, sub);
}

export async function readDesign(h: LtiHarness, token: string): Promise<DesignView> {
  const res = await h.api(token, '/api/playbook');
  if (res.status !== 200) throw new Error(`reading the design failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as DesignView;
}

/** A write as the designer sends it: the body as JSON and the revision it read as If-Match. */
export function write(h: LtiHarness, token: string, method: string, path: string, revision: number | undefined, body?: unknown): Promise<Response> {
  return h.api(token, path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    headers: revision === undefined ? {} : { 'if-match': `"${revision}"` },
  });
}

/** Writes at the current revision and fails loudly unless the answer is a success. */
export async function writeOk<T = Record<string, unknown>>(h: LtiHarness, token: string, method: string, path: string, body?: unknown): Promise<T & { revision: number }> {
  const { revision } = await readDesign(h, token);
  const res = await write(h, token, method, path, revision, body);
  if (res.status >= 300) throw new Error(`${method} ${path} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T & { revision: number };
}

export async function errorOf(res: Response): Promise<ErrorAnswer['error']> {
  return ((await res.json()) as ErrorAnswer).error;
}

export function buildOutcome(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Projectplan',
    tuning: {
      verb: 'stelt op',
      competence: 'projectmatig werken',
      subject: 'een projectplan',
      standard: 'volgens PRINCE2',
      context: 'voor een opdrachtgever in de beroepspraktijk',
    },
    indicators: [{ text: 'Het plan heeft mijlpalen' }],
    possibleEvidence: [
      { form: 'work_product', description: 'Een projectplan' },
      { form: 'prior_learning', description: 'Een plan gemaakt op het werk' },
    ],
    assessments: [{ title: 'Criteriumgericht interview', description: '', integrated: true }],
    ...overrides,
  };
}

export function buildRubric(overrides: Record<string, unknown> = {}) {
  return {
    criteria: [
      {
        id: 'plans',
        title: 'Plant het project',
        levels: [
          { id: 'insufficient', label: 'onvoldoende', description: '', points: 0 },
          { id: 'sufficient', label: 'voldoende', description: '', points: 1 },
          { id: 'good', label: 'goed', description: '', points: 2 },
        ],
        passLevelId: 'sufficient',
      },
    ],
    ...overrides,
  };
}

export function buildActivity(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Kennisclip',
    description: 'Een korte uitleg',
    environment: 'online',
    form: 'expert',
    type: 'instruction',
    links: [{ title: 'Clip', url: 'https://video.example.edu/clip-1' }],
    studyLoadHours: 2,
    schedule: { kind: 'asynchronous' },
    prerequisiteIds: [],
    ...overrides,
  };
}

/** One activity of every type, the grid the rules of `publishablePlaybook` ask for. */
export const ONE_OF_EACH_TYPE = [
  buildActivity({ title: 'Voorkennistoets', type: 'activation', form: 'self-study' }),
  buildActivity({ title: 'College', type: 'instruction', environment: 'campus' }),
  buildActivity({ title: 'Praktijkopdracht', type: 'application', environment: 'workplace', form: 'self-study', studyLoadHours: 8 }),
  buildActivity({ title: 'Peerfeedback', type: 'feedback', environment: 'campus', form: 'collaborative' }),
  buildActivity({ title: 'Logboek', type: 'reflection', environment: 'workplace', form: 'self-study' }),
];

/**
 * Everything publishing asks for: a published outcome with its rubric, one activity of each type on the
 * recommended route, rules it satisfies, an assessment window and a course start. Returns the activity ids.
 */
export async function designPublishablePlaybook(h: LtiHarness, teacher: string): Promise<{ outcomeId: string; activityIds: string[] }> {
  const { outcome } = await writeOk<{ outcome: OutcomeView }>(h, teacher, 'POST', '/api/playbook/outcomes', buildOutcome());
  await writeOk(h, teacher, 'PUT', `/api/playbook/outcomes/${outcome.id}/rubric`, buildRubric());
  await writeOk(h, teacher, 'PATCH', '/api/playbook', { courseStartDate: '2030-09-01T08:00:00Z' });
  await writeOk(h, teacher, 'POST', `/api/playbook/outcomes/${outcome.id}/publish`);
  const activityIds: string[] = [];
  for (const body of ONE_OF_EACH_TYPE) {
    const { activity } = await writeOk<{ activity: ActivityView }>(h, teacher, 'POST', '/api/playbook/activities', body);
    activityIds.push(activity.id);
  }
  await writeOk(h, teacher, 'PUT', '/api/playbook/rules', {
    minPerType: { activation: 1, instruction: 1, application: 1, feedback: 1, reflection: 1 },
    minStudyLoadHours: 10,
    requiredEnvironments: ['workplace'],
  });
  await writeOk(h, teacher, 'PUT', '/api/playbook/recommended-route', { activityIds });
  await writeOk(h, teacher, 'PUT', '/api/playbook/assessment-windows', { windows: [{ from: '2030-10-20T08:00:00Z', until: '2030-10-31T17:00:00Z' }] });
  return { outcomeId: outcome.id, activityIds };
}
