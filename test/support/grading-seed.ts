// Grading test support: the LTI harness plus an app instance with a recording GradePublisher, and published playbooks to grade against.
import { decodeJwt } from 'jose';
import type {
  ActivityProgressPublication,
  FinalGradePublication,
  GradePublisher,
  OutcomeResultPublication,
} from '../../server/features/assessment/grade-publisher';
import type { Member } from '../../server/demo-lms/index';
import type { LearningOutcome } from '../../server/domain/outcome';
import { emptyRules, type AssessmentWindow } from '../../server/domain/playbook';
import type { Rubric } from '../../server/domain/rubric';
import type { SelfDirectionLevel } from '../../server/domain/self-direction';
import { Role } from '../../server/lti/claims';
import { createPlaybookRepository, type PlacementKey } from '../../server/features/playbooks/data/playbook-repository';
import { launchInOtherCourse, startLtiHarness, type LtiHarness } from './lti-harness';

export interface RecordingPublisher extends GradePublisher {
  outcomeResults: OutcomeResultPublication[];
  finalGrades: FinalGradePublication[];
  progress: ActivityProgressPublication[];
}

export function recordingPublisher(): RecordingPublisher {
  const recorder: RecordingPublisher = {
    outcomeResults: [],
    finalGrades: [],
    progress: [],
    publishOutcomeResult: async (p) => void recorder.outcomeResults.push(p),
    publishFinalGrade: async (p) => void recorder.finalGrades.push(p),
    publishActivityProgress: async (p) => void recorder.progress.push(p),
  };
  return recorder;
}

export interface GradingHarness {
  h: LtiHarness;
  publisher: RecordingPublisher;
  /** Calls the API of the app that has the recording publisher; JSON unless init says otherwise. */
  api(token: string, path: string, init?: RequestInit): Promise<Response>;
  json<T>(token: string, path: string, init?: RequestInit): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** The LTI harness with a recording GradePublisher: what grading would send to the LMS, kept for the test to read. */
export async function startGradingHarness(options: { passback?: boolean; serveClient?: boolean } = {}): Promise<GradingHarness> {
  const publisher = recordingPublisher();
  // With real passback the outbox publisher is used and the recorder stays empty.
  const h = await startLtiHarness({ ...(options.passback ? { passback: true } : { gradePublisher: publisher }), serveClient: options.serveClient ?? false });
  return {
    h,
    publisher,
    api: h.api,
    async json<T>(token: string, path: string, init?: RequestInit) {
      const res = await h.api(token, path, init);
      return { status: res.status, body: (await res.json()) as T };
    },
    close: () => h.close(),
  };
}

/** Two criteria, three levels worth 0, 1 and 2, pass level "sufficient": all sufficient is exactly half the points. */
export function buildRubric(): Rubric {
  const levels = [
    { id: 'insufficient', label: 'Insufficient', description: '', points: 0 },
    { id: 'sufficient', label: 'Sufficient', description: '', points: 1 },
    { id: 'good', label: 'Good', description: '', points: 2 },
  ];
  return {
    criteria: [
      { id: 'analysis', title: 'Analysis', weight: 1, levels, passLevelId: 'sufficient' },
      { id: 'design', title: 'Design', weight: 1, levels, passLevelId: 'sufficient' },
    ],
  };
}

export function buildOutcome(overrides: Partial<LearningOutcome> = {}): LearningOutcome {
  return {
    id: 'lo-plan',
    title: 'Plans a project',
    tuning: { verb: 'plans', competence: 'project work', subject: 'a project', standard: 'PRINCE2', context: 'an internship' },
    indicators: [],
    possibleEvidence: [],
    assessments: [{ id: 'a1', title: 'Project plan', description: 'One integrated assessment', integrated: true }],
    rubric: buildRubric(),
    status: 'published',
    publishedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

/** Judges every criterion at `levelId` unless `levels` names another. */
export function judgement(levelId: string, levels: Record<string, string> = {}, comment?: string) {
  return {
    judgements: buildRubric().criteria.map((c) => ({ criterionId: c.id, levelId: levels[c.id] ?? levelId, comment: `${c.title} at ${levels[c.id] ?? levelId}` })),
    ...(comment ? { comment } : {}),
  };
}

export interface SeededPlacement {
  resourceLinkId: string;
  playbookId: string;
  placement: PlacementKey;
  /** A session token for a course member launching this placement. */
  launch(userId: string): Promise<string>;
}

export interface SeedOptions {
  level?: SelfDirectionLevel;
  windows?: AssessmentWindow[];
  outcomes?: LearningOutcome[];
}

/** A new link in the demo course with a published playbook of its own, stored through the real repository. */
export async function seedPlacement(g: GradingHarness, options: SeedOptions = {}): Promise<SeededPlacement> {
  const { resourceLinkId } = g.h.lms.addPlacement({ title: `Assessment ${Math.random().toString(36).slice(2, 8)}` });
  const launch = async (userId: string) => {
    const outcome = await g.h.browser().launch({ user: userId, placement: resourceLinkId });
    if (!outcome.sessionToken) throw new Error(`launch of ${userId} failed: ${outcome.status}`);
    return outcome.sessionToken;
  };
  const placement = placementOf(await launch(g.h.lms.member('teacher').userId));
  const playbookId = await storePlaybook(g, placement, options);
  return { resourceLinkId, playbookId, placement, launch };
}

/** The student writes a text and hands it in on the seeded outcome; the attempt's id, or a thrown error naming the refusal. */
export async function handInText(g: GradingHarness, student: string, text: string): Promise<string> {
  const added = await g.api(student, '/api/evidence/outcomes/lo-plan/items', { method: 'POST', body: JSON.stringify({ kind: 'text', text }) });
  if (added.status !== 201) throw new Error(`adding evidence failed: ${added.status} ${await added.text()}`);
  const { attempt } = (await added.json()) as { attempt: { id: string } };
  const submitted = await g.api(student, `/api/evidence/attempts/${attempt.id}/submit`, { method: 'POST' });
  if (submitted.status !== 200) throw new Error(`handing in failed: ${submitted.status} ${await submitted.text()}`);
  return attempt.id;
}

/** A teacher's launch in another course of the same LMS, with a published playbook there too. */
export async function seedOtherCourse(g: GradingHarness, contextId = 'course-elsewhere'): Promise<{ teacher: string; playbookId: string }> {
  const teacher = await launchInOtherCourse(g.h, contextId, [Role.instructor], 'teacher-elsewhere');
  const playbookId = await storePlaybook(g, placementOf(teacher), {});
  return { teacher, playbookId };
}

/** Enrols another member in the demo course, e.g. a second teacher for four-eyes. */
export function enrol(g: GradingHarness, userId: string, role: Member['role']): string {
  g.h.lms.addMember({ userId, givenName: userId, familyName: 'Test', email: `${userId}@example.edu`, locale: 'en-GB', role });
  return userId;
}

function placementOf(token: string): PlacementKey {
  const session = decodeJwt(token) as { platformId: string; deploymentId: string; contextId: string; resourceLinkId: string };
  return { platformId: session.platformId, deploymentId: session.deploymentId, contextId: session.contextId, resourceLinkId: session.resourceLinkId };
}

async function storePlaybook(g: GradingHarness, placement: PlacementKey, options: SeedOptions): Promise<string> {
  const outcomes = options.outcomes ?? [buildOutcome()];
  const stored = await createPlaybookRepository(g.h.database.connection).create({
    placement,
    playbook: {
      title: 'Projectmatig werken',
      description: '',
      outcomeIds: outcomes.map((o) => o.id),
      activities: [],
      recommendedRoute: [],
      rules: emptyRules(),
      selfDirectionLevel: options.level ?? 2,
      assessmentWindows: options.windows ?? [],
      status: 'published',
      publishedAt: new Date('2026-01-01T00:00:00Z'),
    },
    outcomes,
  });
  return stored.playbook.id;
}
