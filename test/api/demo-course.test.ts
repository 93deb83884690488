// The demo course a newcomer finds after `npm start`: the real process with the demo LMS, read through real launches
// as the demo teacher and coach, the way they would see it on first launch.
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS } from '../../server/domain/activity-grid';
import { TUNING_PARTS } from '../../server/domain/outcome';
import { DEMO_COURSE_LINK } from '../../server/demo-platform';
import { DEMO_PLAYBOOK_TITLE } from '../../server/demo-course/playbook-content';
import { launchClient, type LaunchClient } from '../../server/demo-course/launch-client';
import { eventually } from '../support/eventually';
import { killPlayrouteProcesses, startPlayroute, type StartedPlayroute } from '../support/playroute-process';

const TEACHER = 'u-teacher-marieke';
const COACH = 'u-coach-samir';
const PRIYA = 'u-student-priya';
const DAAN = 'u-student-daan';
const LOTTE = 'u-student-lotte';
const MEI = 'u-student-mei';
const LINA = 'u-student-lina';
const DAY = 24 * 60 * 60 * 1000;
/** The students whose plan was graded (seed.ts STAGES), by id. */
const GRADED = ['aisha', 'daan', 'jesse', 'kwame', 'sanne', 'yusuf', 'zoe'].map((name) => `u-student-${name}`);

async function untilSeeded(playroute: StartedPlayroute, line: RegExp): Promise<void> {
  const output = await eventually(() => playroute.output(), (text) => line.test(text), 120_000);
  expect(output).toMatch(line);
}

/** A port of our own for both runs: the demo LMS's issuer names the port, and a restart must find the same platform. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function stop(playroute: StartedPlayroute): Promise<void> {
  playroute.child.kill('SIGTERM');
  await playroute.exited;
}

describe('the demo course on first launch', () => {
  let dataDir: string;
  let playroute: StartedPlayroute;
  let client: LaunchClient;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroute-demo-course-'));
    // Like `npm start`: the embedded store under DATA_DIR and the demo LMS, nothing else configured.
    env = { DATA_DIR: dataDir, NODE_ENV: 'development', PORT: String(await freePort()) };
    playroute = await startPlayroute(env);
    await untilSeeded(playroute, /"seeded":true[^\n]*the demo course is seeded/);
    client = launchClient(playroute.url);
  }, 180_000);

  afterAll(() => {
    killPlayrouteProcesses();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const json = async <T>(token: string, pathname: string): Promise<T> => {
    const res = await client.api(token, pathname);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };

  it('the main "Launch as teacher" button of the demo LMS page opens the demo course', async () => {
    const page = await (await fetch(`${playroute.url}/demo-lms/?lang=en`)).text();
    // The main buttons name no link: the LMS launches the course's first one.
    expect(page).toMatch(/<a class="button" href="\/demo-lms\/launch\?user=u-teacher-marieke&amp;lang=en">Launch as teacher<\/a>/);
    const teacher = await client.launch(TEACHER);
    const { playbook } = await json<{ playbook: { title: string; status: string } | null }>(teacher, '/api/placement');
    expect(playbook).toMatchObject({ title: DEMO_PLAYBOOK_TITLE, status: 'published' });
  });

  it('the teacher finds the sample playbook published, with Tuning outcomes, a rubric and an activity in all 45 cells', async () => {
    const teacher = await client.launch(TEACHER, DEMO_COURSE_LINK);
    const design = await json<{
      status: string;
      outcomes: { status: string; tuning: Record<string, string>; rubric: { criteria: unknown[] } }[];
      activities: { environment: string; form: string; type: string; schedule: { kind: string } }[];
      rules: { requiredActivityIds: string[] };
    }>(teacher, '/api/playbook');
    expect(design.status).toBe('published');
    expect(design.outcomes).toHaveLength(3);
    for (const outcome of design.outcomes) {
      expect(outcome.status).toBe('published');
      for (const part of TUNING_PARTS) expect(outcome.tuning[part]?.length, part).toBeGreaterThan(0);
      expect(outcome.rubric.criteria.length).toBeGreaterThan(0);
    }
    const cells = new Set(design.activities.map((a) => `${a.environment}/${a.form}/${a.type}`));
    for (const environment of ENVIRONMENTS) for (const form of LEARNING_FORMS) for (const type of ACTIVITY_TYPES) expect(cells).toContain(`${environment}/${form}/${type}`);
    expect(design.activities.some((a) => a.schedule.kind === 'synchronous')).toBe(true);
    expect(design.rules.requiredActivityIds.length).toBeGreaterThan(0);
  });

  it('the class overview shows about 25 students at every stage, the queue has work and grades went to the gradebook', async () => {
    const teacher = await client.launch(TEACHER, DEMO_COURSE_LINK);
    const overview = await json<{ students: { routeStatus: string | null }[] }>(teacher, '/api/class/overview');
    expect(overview.students).toHaveLength(25);
    const statuses = new Set(overview.students.map((s) => s.routeStatus));
    for (const status of [null, 'draft', 'submitted', 'returned', 'approved']) expect(statuses, String(status)).toContain(status);

    const intake = await json<{ students: { status?: string }[] }>(teacher, '/api/intake/students');
    expect(intake.students.length).toBeGreaterThan(20);

    const queue = await json<{ items: unknown[] }>(teacher, '/api/assessment/queue');
    expect(queue.items.length).toBeGreaterThan(0);

    // The grade outbox delivers in the background; every graded attempt ends "sent" to the demo LMS.
    await expect
      .poll(async () => (await json<{ deliveries: { state: string }[] }>(teacher, '/api/grades/deliveries?state=sent')).deliveries.length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    // And the demo LMS's gradebook holds them: Playroute reads each graded student's cell back (AGS results) and it agrees.
    type GradebookRow = { userId: string; check: string; lms?: { resultScore?: number } };
    await expect
      .poll(async () => {
        const { rows } = await json<{ rows: GradebookRow[] }>(teacher, '/api/grades/gradebook');
        return [...new Set(rows.filter((r) => r.check === 'agrees' && r.lms?.resultScore !== undefined).map((r) => r.userId))].sort();
      }, { timeout: 30_000 })
      .toEqual(GRADED);

    const groups = await json<{ sets: { groups: number }[] }>(teacher, '/api/project-groups');
    expect(groups.sets[0]?.groups).toBeGreaterThanOrEqual(4);
  });

  it('three students stalled: routes chosen two to three weeks ago, approved or still submitted, and nothing since', async () => {
    const teacher = await client.launch(TEACHER, DEMO_COURSE_LINK);
    type Row = { id: string; routeStatus: string | null; lastProgressAt: string | null; stalled: boolean };
    const overview = await json<{ stalled: string[]; students: Row[] }>(teacher, '/api/class/overview?stalledDays=14');
    expect([...overview.stalled].sort()).toEqual([LINA, LOTTE, MEI]);
    const row = (id: string) => overview.students.find((s) => s.id === id);
    expect(row(LOTTE)?.routeStatus).toBe('approved');
    expect(row(MEI)?.routeStatus).toBe('approved');
    expect(row(LINA)?.routeStatus).toBe('submitted');
    // Mei did one activity, sixteen days ago; the other two never started.
    const days = (iso: string | null | undefined) => (Date.now() - Date.parse(iso ?? '')) / DAY;
    expect(days(row(MEI)?.lastProgressAt)).toBeGreaterThan(15.9);
    expect(days(row(MEI)?.lastProgressAt)).toBeLessThan(16.1);
    expect(row(LOTTE)?.lastProgressAt).toBeNull();
    // Her route's history says when: composed, submitted and approved about three weeks ago.
    const { history } = await json<{ history: { at: string }[] }>(teacher, `/api/coach/routes/${LOTTE}/history`);
    expect(history.length).toBeGreaterThan(0);
    for (const entry of history) expect(days(entry.at)).toBeGreaterThan(18.9);
    // The rest of the class chose their route today: at a week nobody else has stalled.
    const week = await json<{ stalled: string[] }>(teacher, '/api/class/overview?stalledDays=7');
    expect([...week.stalled].sort()).toEqual([LINA, LOTTE, MEI]);
  });

  it("the lecture met three days ago: the class signed up, and the coach and teacher marked who came; Daan's list shows his sessions", async () => {
    const coach = await client.launch(COACH, DEMO_COURSE_LINK);
    type Attendance = { sessions: { title: string; startsAt: string; started: boolean; attendees: { studentId: string; attended: boolean | null; markedBy?: string }[] }[] };
    const { sessions } = await json<Attendance>(coach, '/api/coach/sessions');
    const lecture = sessions.find((s) => s.started && s.attendees.length > 0);
    expect(lecture?.title).toMatch(/^College projectmatig werken/);
    const marks = lecture?.attendees.map((a) => a.attended) ?? [];
    expect(marks).toContain(true);
    expect(marks).toContain(false);
    expect(marks).toContain(null);
    expect(lecture?.attendees.filter((a) => a.attended !== null).every((a) => a.markedBy === COACH)).toBe(true);
    // The teacher sees the whole class there, also those the teacher marked.
    const teacher = await client.launch(TEACHER, DEMO_COURSE_LINK);
    const all = (await json<Attendance>(teacher, '/api/coach/sessions')).sessions.find((s) => s.started && s.attendees.length > 0);
    expect(all?.attendees.length).toBeGreaterThan(15);
    expect(all?.attendees.some((a) => a.markedBy === TEACHER && a.attended === true)).toBe(true);
    // Sessions ahead have sign-ups too.
    expect(sessions.some((s) => !s.started && s.attendees.length > 0)).toBe(true);

    const daan = await client.launch(DAAN, DEMO_COURSE_LINK);
    const offers = await json<{ sessions: { title: string; signedUp: boolean }[] }>(daan, '/api/route/sessions');
    expect(offers.sessions.filter((s) => s.signedUp).map((s) => s.title.split(' (')[0]).sort()).toEqual(['College projectmatig werken', 'Teamproject Eigen bedrijf']);
  });

  it("the coach sees their students and the junior/peer pairs, accepted and pending", async () => {
    const coach = await client.launch(COACH, DEMO_COURSE_LINK);
    const mine = await json<{ students: unknown[] }>(coach, '/api/coach/students');
    expect(mine.students.length).toBeGreaterThan(0);
    const teacher = await client.launch(TEACHER, DEMO_COURSE_LINK);
    const { pairs } = await json<{ pairs: { status: string }[] }>(teacher, '/api/peers/pairs');
    expect(pairs.filter((p) => p.status === 'accepted').length).toBeGreaterThan(0);
    expect(pairs.some((p) => p.status === 'pending')).toBe(true);
    const coachPairs = await json<{ pairs: unknown[] }>(coach, '/api/peers/pairs');
    expect(coachPairs.pairs.length).toBeGreaterThan(0);
  });

  it('"Reset the demo" on the LMS page, in either language, takes a changed course back to its starting state', async () => {
    const teacher = await client.launch(TEACHER, DEMO_COURSE_LINK);
    const statuses = async (token: string) =>
      Object.fromEntries((await json<{ students: { id: string; routeStatus: string | null }[] }>(token, '/api/class/overview')).students.map((s) => [s.id, s.routeStatus]));
    const start = await statuses(teacher);
    expect(start[PRIYA]).toBe('submitted');
    const { route } = await json<{ route: { version: number } }>(teacher, `/api/coach/routes/${PRIYA}`);
    const approved = await client.api(teacher, `/api/coach/routes/${PRIYA}/approve`, { method: 'POST', body: { version: route.version } });
    expect(approved.status).toBe(200);
    expect((await statuses(teacher))[PRIYA]).toBe('approved');

    const dutch = await (await fetch(`${playroute.url}/demo-lms/?lang=nl`)).text();
    expect(dutch).toContain('>Demo herstellen</button>');
    const english = await (await fetch(`${playroute.url}/demo-lms/?lang=en`)).text();
    const action = /<form method="post" action="([^"]+)"><button type="submit">Reset the demo<\/button>/.exec(english)?.[1];
    expect(action).toBeDefined();
    const reset = await fetch(new URL((action ?? '').replace(/&amp;/g, '&'), playroute.url), { method: 'POST', redirect: 'manual' });
    expect(reset.status).toBe(303);
    const back = await (await fetch(new URL(reset.headers.get('location') ?? '', playroute.url))).text();
    expect(back).toContain('The demo course is back at its starting point.');

    const again = await client.launch(TEACHER, DEMO_COURSE_LINK);
    expect(await statuses(again)).toEqual(start);
    const design = await json<{ status: string; activities: unknown[] }>(again, '/api/playbook');
    expect(design.status).toBe('published');
    expect(design.activities).toHaveLength(45);
    const { pairs } = await json<{ pairs: { status: string }[] }>(again, '/api/peers/pairs');
    expect(pairs.some((p) => p.status === 'accepted')).toBe(true);
    const groups = await json<{ sets: unknown[] }>(again, '/api/project-groups');
    expect(groups.sets).toHaveLength(1);
  }, 120_000);

  it('a restart does not seed twice', async () => {
    const teacher = await client.launch(TEACHER, DEMO_COURSE_LINK);
    const before = await json<{ items: unknown[] }>(teacher, '/api/assessment/queue');
    await stop(playroute);
    playroute = await startPlayroute(env);
    await untilSeeded(playroute, /the demo course (is|was) seeded/);
    expect(playroute.output()).toContain('the demo course was seeded before');
    client = launchClient(playroute.url);
    const again = await client.launch(TEACHER, DEMO_COURSE_LINK);
    expect((await json<{ items: unknown[] }>(again, '/api/assessment/queue')).items).toHaveLength(before.items.length);
    expect((await json<{ students: unknown[] }>(again, '/api/class/overview')).students).toHaveLength(25);
  }, 120_000);
});
