// Seeds the demo course through Playroute's own HTTP API, with sessions from real launches by the demo LMS: the teacher
// imports and publishes the sample playbook and adds an intake; twenty-five students reach every stage a class goes
// through (intake, route draft, submitted, returned, approved, evidence handed in, graded and sent to the gradebook),
// juniors are paired with peers and the teacher forms project groups. Steps that happened weeks or days ago (students
// who went quiet, sign-ups for a lecture that has taken place) go through the same use cases on the demo's own clock
// (demo-clock.ts); the coach marks who came to that lecture. Nothing is written around the use cases.
import type { Member } from '../demo-lms/index';
import type { DemoClock } from './demo-clock';
import { DEMO_PLAYBOOK_TITLE, demoPlaybookFile, LECTURE, TEAM_PROJECT } from './playbook-content';
import { launchClient, type LaunchClient } from './launch-client';

/** Where each student stands; the order of the class list decides who gets which stage. */
export type DemoStage = 'not-started' | 'intake' | 'submitted' | 'returned' | 'approved' | 'stalled' | 'handed-in' | 'graded';

/**
 * Daan (the first student, "Launch as student") has a graded route; the coach's mentees include every stage that needs
 * them. The three stalled students chose their route two to three weeks ago and have done nothing since.
 */
const STAGES: DemoStage[] = [
  'graded', 'handed-in', 'submitted', 'returned', 'intake',
  'graded', 'approved', 'stalled', 'graded', 'not-started',
  'handed-in', 'graded', 'approved', 'stalled', 'submitted',
  'handed-in', 'graded', 'stalled', 'intake', 'graded',
  'handed-in', 'approved', 'graded', 'not-started', 'handed-in',
];

export function stageOf(index: number): DemoStage {
  return STAGES[index % STAGES.length] ?? 'not-started';
}

interface OutcomeView {
  id: string;
  title: string;
  indicators: { id: string; text: string }[];
  rubric: { criteria: { id: string; levels: { id: string; points: number }[]; passLevelId?: string }[] };
}
interface DesignView {
  revision: number;
  status: string;
  outcomes: OutcomeView[];
  recommendedRoute: string[];
  activities: { id: string; title: string; schedule: { kind: 'asynchronous' } | { kind: 'synchronous'; sessions: { id: string; startsAt: string }[] } }[];
}

export interface SeedProps {
  /** The app's own base URL; the demo LMS is at /demo-lms under it. */
  baseUrl: string;
  resourceLinkId: string;
  teacher: Member;
  coach: Member;
  students: Member[];
  /** The learning routes' use cases on a clock set back, for what happened before today. */
  clock: DemoClock;
}

export interface SeedReport {
  seeded: boolean;
  students: number;
  milliseconds: number;
}

/**
 * Seeds once: a placement whose playbook is already published is left as it is (a restart does not seed twice).
 * `again` (after a reset erased the people) takes the published playbook back to a draft and builds it all up anew.
 */
export async function seedDemoCourse(props: SeedProps, options: { again?: boolean } = {}): Promise<SeedReport> {
  const started = Date.now();
  const client = launchClient(props.baseUrl);
  const call = caller(client);
  const teacher = await client.launch(props.teacher.userId, props.resourceLinkId);
  const { playbook } = await call<{ playbook: { status: string } | null }>(teacher, 'GET', '/api/placement');
  if (playbook?.status === 'published' && !options.again) return { seeded: false, students: props.students.length, milliseconds: Date.now() - started };

  const design = await publishPlaybook(call, teacher, playbook?.status ?? null);
  const [plan, team, pitch] = design.outcomes;
  if (!plan || !team || !pitch) throw new Error('the demo playbook lost its outcomes on import');
  const intakeDesign = await call<{ version: number }>(teacher, 'GET', '/api/intake/design');
  await call(teacher, 'PUT', '/api/intake/design', {
    version: intakeDesign.version,
    outcomes: [
      { outcomeId: plan.id, indicatorIds: plan.indicators.map((i) => i.id), diagnosticTask: { prompt: 'Beschrijf in vijf stappen hoe je een klein evenement zou plannen.' } },
      { outcomeId: team.id, indicatorIds: [] },
      { outcomeId: pitch.id, indicatorIds: [] },
    ],
  });
  const peerSettings = await call<{ version: number }>(teacher, 'GET', '/api/peers/settings');
  await call(teacher, 'PUT', '/api/peers/settings', { version: peerSettings.version, maxJuniorsPerPeer: 3, minimumPeerRank: null });

  const tokens = new Map<string, string>();
  await inBatches(props.students, 5, async (student) => tokens.set(student.userId, await client.launch(student.userId, props.resourceLinkId)));
  const staged = props.students.map((student, index) => ({ student, index, stage: stageOf(index), token: tokens.get(student.userId) ?? '' }));

  // Students: intake, route, evidence, each as far as their stage goes. Every route holds the recommended activities,
  // the lecture and the team project (both meet on campus at set times).
  const sessions = sessionsOf(design);
  const routeIds = [...design.recommendedRoute, sessions.lecture.activityId, sessions.teamProject.activityId];
  const attempts = new Map<string, { outcome: OutcomeView; attemptId: string }[]>();
  const stalled = staged.filter((s) => s.stage === 'stalled');
  await inBatches(staged, 5, async ({ student, index, stage, token }) => {
    if (stage === 'not-started') return;
    await submitIntake(call, token, design.outcomes, index);
    if (stage === 'stalled') return stall(props.clock, { token, teacher, studentId: student.userId, activityIds: routeIds, variant: stalled.findIndex((s) => s.index === index) });
    const { route } = await call<{ route: { version: number } }>(token, 'GET', '/api/route');
    const saved = await call<{ route: { version: number } }>(token, 'PUT', '/api/route', { version: route.version, entries: routeIds.map((activityId) => ({ activityId })) });
    // A week ago they signed up for the lecture, which met three days ago; every other one signed up for the team project ahead.
    await props.clock.signUp({ token, daysAgo: 6, ...sessions.lecture });
    if (index % 2 === 0) await call(token, 'POST', `/api/route/sessions/${sessions.teamProject.activityId}/${sessions.teamProject.sessionId}`);
    if (stage === 'intake') return;
    await call(token, 'POST', '/api/route/submit', { version: saved.route.version });
    // Work handed in: the project plan; whoever is graded handed in all three outcomes, so a final grade can follow.
    if (stage === 'handed-in' || stage === 'graded') {
      const handedIn = [];
      for (const outcome of stage === 'graded' ? design.outcomes : [plan]) {
        const added = await call<{ attempt: { id: string } }>(token, 'POST', `/api/evidence/outcomes/${outcome.id}/items`, { kind: 'text', text: evidenceText(outcome, plan, team, student) });
        await call(token, 'POST', `/api/evidence/attempts/${added.attempt.id}/submit`);
        handedIn.push({ outcome, attemptId: added.attempt.id });
      }
      attempts.set(student.userId, handedIn);
    }
  });

  // The teacher approves routes (one goes back with a comment) and grades most of the work handed in; grades go to the LMS.
  for (const { student, stage } of staged) {
    if (stage === 'not-started' || stage === 'intake' || stage === 'submitted' || stage === 'stalled') continue;
    const { route } = await call<{ route: { version: number } }>(teacher, 'GET', `/api/coach/routes/${student.userId}`);
    if (stage === 'returned') {
      await call(teacher, 'POST', `/api/coach/routes/${student.userId}/return`, { version: route.version, comment: 'Voeg een activiteit op de werkplek toe waarin je je plan aan je opdrachtgever voorlegt.' });
    } else {
      await call(teacher, 'POST', `/api/coach/routes/${student.userId}/approve`, { version: route.version });
    }
    if (stage !== 'graded') continue;
    // Every outcome graded: the final grade (with a score) goes to the LMS gradebook through the outbox.
    const good = student.givenName.length % 2 === 0;
    for (const { outcome, attemptId } of attempts.get(student.userId) ?? []) {
      await call(teacher, 'POST', `/api/assessment/attempts/${attemptId}/grade`, {
        judgements: outcome.rubric.criteria.map((c) => ({ criterionId: c.id, levelId: levelOf(c, good), comment: good ? 'Sterk uitgewerkt.' : 'Voldoet; werk dit nog verder uit.' })),
        comment: good ? 'Overtuigend.' : 'Degelijk.',
      });
    }
  }

  // Following their approved route (today): the further along, the more is done, so the overview shows progress.
  await inBatches(staged, 5, async ({ stage, token }) => {
    for (const [activityId, status] of progressOf(stage, routeIds)) await call(token, 'PUT', `/api/route/progress/${activityId}`, { status });
  });
  await markAttendance(call, props.coach.mentees ?? [], { coach: await client.launch(props.coach.userId, props.resourceLinkId), teacher }, staged, sessions.lecture);
  await pairJuniorsWithPeers(call, staged, plan.id);
  await formGroups(call, teacher, design);
  return { seeded: true, students: props.students.length, milliseconds: Date.now() - started };
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Stalled in three ways (the class overview counts from the last status change, or from the route's creation when
 * nothing changed): approved nineteen days ago and never started; started and one activity done sixteen days ago;
 * submitted fifteen days ago and still waiting for the teacher.
 */
async function stall(clock: DemoClock, props: { token: string; teacher: string; studentId: string; activityIds: string[]; variant: number }): Promise<void> {
  const { token, teacher, studentId, activityIds, variant } = props;
  const days = [20, 21, 15][variant] ?? 15;
  await clock.composeAndSubmit({ token, daysAgo: days, activityIds });
  if (variant === 2) return;
  await clock.approve({ token: teacher, daysAgo: days - 1, studentId });
  const first = activityIds[0];
  if (variant === 1 && first) await clock.markDone({ token, daysAgo: 16, activityId: first });
}

/** Approved: the first activity under way; handed in: two done, one under way; graded: all but the team project done. */
function progressOf(stage: DemoStage, activityIds: string[]): [string, 'done' | 'in_progress'][] {
  const done = stage === 'graded' ? activityIds.length - 1 : stage === 'handed-in' ? 2 : stage === 'approved' ? 0 : -1;
  if (done < 0) return [];
  return activityIds.slice(0, done + 1).map((id, i) => [id, i < done ? 'done' : 'in_progress']);
}

interface SessionKey {
  activityId: string;
  sessionId: string;
}

/** The lecture's session that has taken place, and the team project's first session ahead. */
function sessionsOf(design: DesignView): { lecture: SessionKey; teamProject: SessionKey } {
  const first = (fileId: string, past: boolean): SessionKey => {
    const activity = design.activities.find((a) => a.title === titleInFile(fileId));
    const now = Date.now();
    const slot = activity?.schedule.kind === 'synchronous' ? activity.schedule.sessions.find((s) => Date.parse(s.startsAt) < now === past) : undefined;
    if (!activity || !slot) throw new Error(`the demo playbook lost the sessions of ${fileId}`);
    return { activityId: activity.id, sessionId: slot.id };
  };
  return { lecture: first(LECTURE, true), teamProject: first(TEAM_PROJECT, false) };
}

/**
 * The coach marks who came to the lecture among their students (one was absent, one is not marked yet), the teacher
 * the rest of the class (every fifth was absent).
 */
async function markAttendance(
  call: Call,
  mentees: string[],
  staff: { coach: string; teacher: string },
  staged: { student: Member; stage: DemoStage }[],
  lecture: SessionKey,
): Promise<void> {
  const came = staged.filter((s) => s.stage !== 'not-started' && s.stage !== 'stalled');
  const mine = came.filter((s) => mentees.includes(s.student.userId));
  for (const [n, { student }] of came.entries()) {
    const ofCoach = mine.findIndex((s) => s.student.userId === student.userId);
    if (ofCoach === mine.length - 1) continue;
    const attended = ofCoach >= 0 ? ofCoach !== 1 : n % 5 !== 4;
    const path = `/api/coach/sessions/${lecture.activityId}/${lecture.sessionId}/attendance/${student.userId}`;
    await call(ofCoach >= 0 ? staff.coach : staff.teacher, 'PUT', path, { attended });
  }
}

type Call = <T = unknown>(token: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<T>;

function caller(client: LaunchClient): Call {
  return async <T>(token: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const res = await client.api(token, path, { method, ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) });
    if (res.status >= 300) throw new Error(`demo course: ${method} ${path} answered ${res.status} ${(await res.text()).slice(0, 300)}`);
    return (await res.json()) as T;
  };
}

const GROUPS_TITLE = 'Teamproject Eigen bedrijf';

/** Mixed groups of five for the team project; after a reset the same set is formed again rather than a second one. */
async function formGroups(call: Call, teacher: string, design: DesignView): Promise<void> {
  const { sets } = await call<{ sets: { id: string; title: string; version: number }[] }>(teacher, 'GET', '/api/project-groups');
  const existing = sets.find((set) => set.title === GROUPS_TITLE);
  if (existing) {
    await call(teacher, 'POST', `/api/project-groups/${existing.id}/reform`, { version: existing.version, mode: 'mixed', target: { size: 5 }, fixedPartners: [] });
    return;
  }
  const teamProject = teamProjectId(design);
  await call(teacher, 'POST', '/api/project-groups', { title: GROUPS_TITLE, ...(teamProject ? { activityId: teamProject } : {}), mode: 'mixed', target: { size: 5 } });
}

/** The teacher's own steps: set up the playbook (or take it back to a draft), import the sample, publish each outcome, then the playbook. */
async function publishPlaybook(call: Call, teacher: string, status: string | null): Promise<DesignView> {
  if (status === null) await call(teacher, 'POST', '/api/placement/playbook', { title: DEMO_PLAYBOOK_TITLE });
  let design = await call<DesignView>(teacher, 'GET', '/api/playbook');
  const ifMatch = () => ({ 'if-match': `"${design.revision}"` });
  if (design.status === 'published') {
    const unpublished = await call<{ revision: number }>(teacher, 'POST', '/api/playbook/unpublish', undefined, ifMatch());
    design = { ...design, revision: unpublished.revision };
  }
  const imported = await call<{ revision: number }>(teacher, 'POST', '/api/playbook/import', demoPlaybookFile(new Date()), ifMatch());
  design = { ...design, revision: imported.revision };
  design = await call<DesignView>(teacher, 'GET', '/api/playbook');
  for (const outcome of design.outcomes) {
    const published = await call<{ revision: number }>(teacher, 'POST', `/api/playbook/outcomes/${outcome.id}/publish`, undefined, ifMatch());
    design = { ...design, revision: published.revision };
  }
  // The course started a week ago, so routes and study plans have a start to count from.
  const started = await call<{ revision: number }>(teacher, 'PATCH', '/api/playbook', { courseStartDate: new Date(Date.now() - 7 * DAY).toISOString() }, ifMatch());
  design = { ...design, revision: started.revision };
  await call(teacher, 'POST', '/api/playbook/publish', undefined, ifMatch());
  return call<DesignView>(teacher, 'GET', '/api/playbook');
}

function teamProjectId(design: DesignView): string | undefined {
  return design.activities.find((a) => a.title === titleInFile(TEAM_PROJECT))?.id;
}

/** The import gives activities new ids; the seeder finds them back by their title in the file. */
function titleInFile(fileId: string): string | undefined {
  return demoPlaybookFile(new Date()).playbook.activities.find((a) => a.id === fileId)?.title;
}

/** Ranks 1-3 on the three levels: a third of the class is a junior on planning, a third could be its peer. */
function ranksOf(index: number): number[] {
  return [[1, 2, 3], [3, 1, 2], [2, 3, 1]][index % 3] ?? [2, 2, 2];
}

async function submitIntake(call: Call, token: string, outcomes: OutcomeView[], index: number): Promise<void> {
  const ranks = ranksOf(index);
  const placements = outcomes.flatMap((o, i) => [
    { outcomeId: o.id, rank: ranks[i] ?? 2 },
    // The intake asks for planning's indicators only (see the design above).
    ...(i === 0 ? o.indicators.map((indicator) => ({ outcomeId: o.id, indicatorId: indicator.id, rank: ranks[i] ?? 2 })) : []),
  ]);
  const draft = await call<{ response: { version: number } }>(token, 'PUT', '/api/intake', {
    version: 0,
    placements,
    diagnostics: [{ outcomeId: outcomes[0]?.id ?? '', answer: 'Doel bepalen, budget, locatie boeken, uitnodigen, evalueren.' }],
    profile: {
      priorEducation: index % 2 === 0 ? 'MBO 4 Ondernemen' : 'Havo',
      workExperience: index % 3 === 0 ? 'Bijbaan in de horeca' : '',
      hoursPerWeek: 6 + (index % 4) * 2,
      when: index % 2 === 0 ? 'doordeweeks in de avond' : 'in het weekend',
      expectations: 'Een plan waarmee ik echt kan starten',
      why: 'Ik wil mijn eigen bedrijf beginnen',
    },
  });
  await call(token, 'POST', '/api/intake/submit', { version: draft.response.version });
}

function evidenceText(outcome: OutcomeView, plan: OutcomeView, team: OutcomeView, student: Member): string {
  if (outcome.id === plan.id) return `Projectplan van ${student.givenName}: doel, afbakening, fasen en mijlpalen voor de start van mijn eigen bedrijf.`;
  if (outcome.id === team.id) return `Reflectieverslag van ${student.givenName} over de rollen en afspraken in ons projectteam, met de feedback van teamgenoten.`;
  return `Pitch van ${student.givenName}: het bedrijfsidee en het verdienmodel in vijf minuten, voor het panel van ondernemers.`;
}

function levelOf(criterion: OutcomeView['rubric']['criteria'][number], good: boolean): string {
  const sorted = [...criterion.levels].sort((a, b) => a.points - b.points);
  const pass = criterion.passLevelId ?? sorted[1]?.id ?? '';
  return good ? (sorted[sorted.length - 1]?.id ?? pass) : pass;
}

interface Me {
  canOffer: { outcomeId: string }[];
  incoming: { id: string; status: string }[];
}

/** Students above the target on planning offer to be a peer; each junior asks the least-loaded one, who accepts (the last request waits). */
async function pairJuniorsWithPeers(call: Call, staged: { student: Member; index: number; stage: DemoStage; token: string }[], planId: string): Promise<void> {
  const started = staged.filter((s) => s.stage !== 'not-started');
  const peers = started.filter((s) => (ranksOf(s.index)[0] ?? 0) >= 3);
  const juniors = started.filter((s) => (ranksOf(s.index)[0] ?? 0) < 2);
  for (const peer of peers) await call(peer.token, 'PUT', '/api/peers/offer', { points: [{ outcomeId: planId }] });
  const peerToken = new Map(peers.map((p) => [p.student.userId, p.token]));
  for (const [n, junior] of juniors.entries()) {
    // A grade since the intake can lift a student past the target: they need no peer then.
    const me = await call<{ junior: { outcomeId: string; indicatorId?: string }[] }>(junior.token, 'GET', '/api/peers/me');
    if (!me.junior.some((p) => p.outcomeId === planId && !p.indicatorId)) continue;
    const proposals = await call<{ peers: { id: string }[] }>(junior.token, 'GET', `/api/peers/proposals?${new URLSearchParams({ outcomeId: planId })}`);
    const peerId = proposals.peers[0]?.id;
    const token = peerId ? peerToken.get(peerId) : undefined;
    if (!peerId || !token) continue;
    await call(junior.token, 'POST', '/api/peers/requests', { outcomeId: planId, peerId });
    if (n === juniors.length - 1) continue;
    const incoming = await call<Me>(token, 'GET', '/api/peers/me');
    for (const request of incoming.incoming.filter((r) => r.status === 'pending')) {
      await call(token, 'POST', `/api/peers/requests/${request.id}/accept`);
    }
  }
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
