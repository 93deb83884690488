// Small builders for domain tests: each returns a sound default that a test overrides where its story differs.

import type { Activity } from './activity';
import type { LearningOutcome } from './outcome';
import type { Playbook } from './playbook';
import type { Rubric } from './rubric';
import type { Actor, Route } from './route';
import { emptyStudyPlan } from './route';

export const T0 = new Date('2025-09-01T09:00:00Z');

export function daysAfter(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 24 * 60 * 60 * 1000);
}

export function buildActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 'act',
    title: 'An activity',
    description: '',
    environment: 'online',
    form: 'self-study',
    type: 'application',
    links: [],
    studyLoadHours: 2,
    schedule: { kind: 'asynchronous' },
    prerequisiteIds: [],
    ...overrides,
  };
}

/** A catalogue with every type once on the recommended route, plus alternatives. */
export function buildCatalogue(): Activity[] {
  return [
    buildActivity({ id: 'activate', title: 'Prior-knowledge quiz', type: 'activation', studyLoadHours: 2 }),
    buildActivity({ id: 'lecture', title: 'Lecture', type: 'instruction', environment: 'campus', form: 'expert', studyLoadHours: 4 }),
    buildActivity({ id: 'practice', title: 'Practice assignment', type: 'application', environment: 'workplace', studyLoadHours: 8, prerequisiteIds: ['lecture'] }),
    buildActivity({ id: 'peer-review', title: 'Peer review', type: 'feedback', environment: 'campus', form: 'collaborative', studyLoadHours: 2 }),
    buildActivity({ id: 'logbook', title: 'Logbook', type: 'reflection', environment: 'workplace', studyLoadHours: 2 }),
    buildActivity({ id: 'clip', title: 'Knowledge clip', type: 'instruction', form: 'expert', studyLoadHours: 3 }),
    buildActivity({ id: 'simulation', title: 'Simulation', type: 'application', form: 'collaborative', studyLoadHours: 6 }),
    buildActivity({ id: 'coach-talk', title: 'Coach talk', type: 'reflection', environment: 'campus', form: 'expert', studyLoadHours: 1 }),
  ];
}

export function buildPlaybook(overrides: Partial<Playbook> = {}): Playbook {
  return {
    id: 'pb-1',
    placementId: 'placement-1',
    title: 'Project management',
    description: '',
    outcomeIds: ['lo-1'],
    activities: buildCatalogue(),
    recommendedRoute: ['activate', 'lecture', 'practice', 'peer-review', 'logbook'],
    rules: {
      minPerType: { activation: 1, instruction: 1, application: 1, feedback: 1, reflection: 1 },
      minStudyLoadHours: 15,
      maxStudyLoadHours: 40,
      requiredActivityIds: ['peer-review'],
      requiredEnvironments: ['workplace'],
    },
    selfDirectionLevel: 2,
    assessmentWindows: [{ id: 'w1', from: daysAfter(T0, 50), until: daysAfter(T0, 60) }],
    status: 'published',
    publishedAt: daysAfter(T0, -14),
    courseStartDate: T0,
    ...overrides,
  };
}

export function buildRubric(overrides: Partial<Rubric> = {}): Rubric {
  return {
    criteria: [
      {
        id: 'c1',
        title: 'Plans the project',
        weight: 1,
        levels: [
          { id: 'l1', label: 'insufficient', description: '', points: 0 },
          { id: 'l2', label: 'sufficient', description: '', points: 1 },
        ],
        passLevelId: 'l2',
      },
    ],
    ...overrides,
  };
}

export function buildOutcome(overrides: Partial<LearningOutcome> = {}): LearningOutcome {
  return {
    id: 'lo-1',
    title: 'Project plan',
    tuning: {
      verb: 'draws up',
      competence: 'managing',
      subject: 'a project plan',
      standard: 'PRINCE2',
      context: 'for a client in the workplace',
    },
    indicators: [{ id: 'i1', text: 'The plan has milestones' }],
    possibleEvidence: [
      { id: 'e1', form: 'work_product', description: 'A project plan' },
      { id: 'e2', form: 'prior_learning', description: 'A plan made at work' },
    ],
    assessments: [{ id: 'as1', title: 'Criterion-based interview', description: '', integrated: true }],
    rubric: buildRubric(),
    status: 'published',
    publishedAt: daysAfter(T0, -14),
    ...overrides,
  };
}

export const student: Actor = { id: 'stu-1', role: 'student' };
export const otherStudent: Actor = { id: 'stu-2', role: 'student' };
export const coach: Actor = { id: 'coach-1', role: 'coach' };

export function buildRoute(overrides: Partial<Route> = {}): Route {
  return {
    id: 'route-1',
    playbookId: 'pb-1',
    studentId: student.id,
    status: 'draft',
    entries: ['activate', 'lecture', 'practice', 'peer-review', 'logbook'].map((activityId) => ({ activityId, status: 'planned' })),
    ownActivities: [],
    learningGoals: [],
    studyPlan: emptyStudyPlan(),
    version: 1,
    history: [],
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function entriesOf(...ids: string[]): { activityId: string }[] {
  return ids.map((activityId) => ({ activityId }));
}
