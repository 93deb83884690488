// A student hands in links and text when ready: inside an assessment window, self-assessed first at level 3, one attempt at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgement, seedPlacement, startGradingHarness, type GradingHarness } from '../support/grading-seed';

interface AttemptView {
  id: string;
  number: number;
  status: string;
  items: Array<{ kind: string; url?: string; text?: string; claim?: string }>;
  selfAssessment: unknown;
}
interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const DAY = 24 * 60 * 60 * 1000;

describe('handing in evidence', () => {
  let g: GradingHarness;
  beforeAll(async () => {
    g = await startGradingHarness();
  });
  afterAll(async () => {
    await g.close();
  });

  const post = (token: string, path: string, body?: unknown) => g.api(token, path, { method: 'POST', ...(body ? { body: JSON.stringify(body) } : {}) });
  const student = () => g.h.lms.member('student').userId;

  it('when a student adds a link and a text, then both are in one draft attempt, which they then hand in', async () => {
    const seeded = await seedPlacement(g);
    const token = await seeded.launch(student());
    const first = await post(token, '/api/evidence/outcomes/lo-plan/items', { kind: 'link', url: 'https://video.example.edu/plan', title: 'Pitch' });
    expect(first.status).toBe(201);
    const text = await post(token, '/api/evidence/outcomes/lo-plan/items', { kind: 'text', text: 'My reflection on the plan.' });
    const { attempt } = (await text.json()) as { attempt: AttemptView };
    expect(attempt).toMatchObject({ number: 1, status: 'draft' });
    expect(attempt.items.map((i) => i.kind)).toEqual(['link', 'text']);

    const submitted = await post(token, `/api/evidence/attempts/${attempt.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(((await submitted.json()) as { attempt: AttemptView }).attempt.status).toBe('submitted');
    expect(g.publisher.progress.at(-1)).toMatchObject({ attemptId: attempt.id, activityProgress: 'Submitted', gradingProgress: 'PendingManual' });

    const list = (await (await g.api(token, '/api/evidence/attempts')).json()) as { attempts: AttemptView[] };
    expect(list.attempts.map((a) => a.id)).toEqual([attempt.id]);
  });

  it('when a link is not http(s), then it is refused naming the field', async () => {
    const seeded = await seedPlacement(g);
    const res = await post(await seeded.launch(student()), '/api/evidence/outcomes/lo-plan/items', { kind: 'link', url: 'javascript:alert(1)' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toBe('url: must be an http or https address');
  });

  it('when the outcome is not in the playbook, then there is nothing to hand in for', async () => {
    const seeded = await seedPlacement(g);
    const res = await post(await seeded.launch(student()), '/api/evidence/outcomes/lo-unknown/items', { kind: 'text', text: 'x' });
    expect(res.status).toBe(404);
  });

  it('when a student hands in outside every assessment window, then 409 names the next window; inside one it is accepted', async () => {
    const now = Date.now();
    const next = { id: 'w-next', from: new Date(now + 10 * DAY), until: new Date(now + 12 * DAY) };
    const closed = await seedPlacement(g, { windows: [{ id: 'w-past', from: new Date(now - 20 * DAY), until: new Date(now - 10 * DAY) }, next] });
    const token = await closed.launch(student());
    const { attempt } = (await (await post(token, '/api/evidence/outcomes/lo-plan/items', { kind: 'text', text: 'Ready early' })).json()) as { attempt: AttemptView };
    const refused = await post(token, `/api/evidence/attempts/${attempt.id}/submit`);
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe('outside_assessment_window');
    expect(body.error.details).toEqual({ nextWindow: { id: 'w-next', from: next.from.toISOString(), until: next.until.toISOString() } });

    const open = await seedPlacement(g, { windows: [{ id: 'w-now', from: new Date(now - DAY), until: new Date(now + DAY) }] });
    const inside = await open.launch(student());
    const draft = (await (await post(inside, '/api/evidence/outcomes/lo-plan/items', { kind: 'text', text: 'Now' })).json()) as { attempt: AttemptView };
    expect((await post(inside, `/api/evidence/attempts/${draft.attempt.id}/submit`)).status).toBe(200);
  });

  it('when a level-3 student hands in without assessing their own work, then they are asked to self-assess first', async () => {
    const seeded = await seedPlacement(g, { level: 3 });
    const token = await seeded.launch(student());
    const { attempt } = (await (await post(token, '/api/evidence/outcomes/lo-plan/items', { kind: 'text', text: 'Plan' })).json()) as { attempt: AttemptView };
    const refused = await post(token, `/api/evidence/attempts/${attempt.id}/submit`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ErrorBody).error.code).toBe('self_assessment_required');

    const incomplete = await g.api(token, `/api/evidence/attempts/${attempt.id}/self-assessment`, {
      method: 'PUT',
      body: JSON.stringify({ judgements: [{ criterionId: 'analysis', levelId: 'good' }] }),
    });
    expect(incomplete.status).toBe(422);
    expect(((await incomplete.json()) as ErrorBody).error.details).toEqual({ issues: [{ code: 'criterion_not_judged', criterionId: 'design' }] });

    const assessed = await g.api(token, `/api/evidence/attempts/${attempt.id}/self-assessment`, { method: 'PUT', body: JSON.stringify(judgement('good')) });
    expect(assessed.status).toBe(200);
    expect((await post(token, `/api/evidence/attempts/${attempt.id}/submit`)).status).toBe(200);
  });

  it('when a level-2 student tries to self-assess, then it is refused: that belongs to level 3 and up', async () => {
    const seeded = await seedPlacement(g, { level: 2 });
    const token = await seeded.launch(student());
    const { attempt } = (await (await post(token, '/api/evidence/outcomes/lo-plan/items', { kind: 'text', text: 'Plan' })).json()) as { attempt: AttemptView };
    const res = await g.api(token, `/api/evidence/attempts/${attempt.id}/self-assessment`, { method: 'PUT', body: JSON.stringify(judgement('good')) });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).error.code).toBe('level_forbids');
  });

  it('when an attempt waits for grading, then new evidence is refused until it is graded, and it cannot be handed in twice', async () => {
    const seeded = await seedPlacement(g);
    const token = await seeded.launch(student());
    const { attempt } = (await (await post(token, '/api/evidence/outcomes/lo-plan/items', { kind: 'text', text: 'Plan' })).json()) as { attempt: AttemptView };
    await post(token, `/api/evidence/attempts/${attempt.id}/submit`);
    const again = await post(token, '/api/evidence/outcomes/lo-plan/items', { kind: 'text', text: 'More' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error.code).toBe('attempt_awaiting_grading');
    expect((await post(token, `/api/evidence/attempts/${attempt.id}/submit`)).status).toBe(409);
  });

  it('when a student claims prior learning, then the claim and its proof are one attempt', async () => {
    const seeded = await seedPlacement(g);
    const token = await seeded.launch(student());
    await post(token, '/api/evidence/outcomes/lo-plan/items', { kind: 'prior-learning', claim: 'work_experience', description: 'Two years as a junior project lead' });
    const res = await post(token, '/api/evidence/outcomes/lo-plan/items', { kind: 'link', url: 'https://employer.example.com/reference' });
    const { attempt } = (await res.json()) as { attempt: AttemptView };
    expect(attempt.items).toEqual([
      expect.objectContaining({ kind: 'prior-learning', claim: 'work_experience' }),
      expect.objectContaining({ kind: 'link', url: 'https://employer.example.com/reference' }),
    ]);
  });
});
