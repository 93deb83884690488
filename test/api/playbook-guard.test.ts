// Criteria students already saw are guarded: changing them asks the teacher to confirm and lands in the playbook's history; a playbook can be unpublished.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import {
  buildOutcome,
  buildRubric,
  designPublishablePlaybook,
  errorOf,
  launchInOtherCourse,
  placeNewPlaybook,
  readDesign,
  write,
  writeOk,
} from '../support/teacher-api';

interface HistoryEntry {
  at: string;
  by: { id: string; name?: string };
  action: string;
  outcomeId?: string;
  outcomeTitle?: string;
  changes: string[];
}

describe('guarding a published playbook', () => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function publishedPlaybook() {
    const placed = await placeNewPlaybook(h);
    const { outcomeId, activityIds } = await designPublishablePlaybook(h, placed.teacher);
    await writeOk(h, placed.teacher, 'POST', '/api/playbook/publish');
    return { ...placed, outcomeId, activityIds };
  }

  async function historyOf(token: string): Promise<HistoryEntry[]> {
    const res = await h.api(token, '/api/playbook/history');
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { history: HistoryEntry[] }).history;
  }

  const changedRubric = () =>
    buildRubric({
      criteria: [
        {
          id: 'plans',
          title: 'Plant het project met mijlpalen',
          levels: [
            { id: 'insufficient', label: 'onvoldoende', description: '', points: 0 },
            { id: 'sufficient', label: 'voldoende', description: '', points: 2 },
            { id: 'good', label: 'goed', description: '', points: 3 },
          ],
          passLevelId: 'sufficient',
        },
      ],
    });

  it('changing the rubric of a published outcome is refused until the teacher confirms; then it is applied and recorded with who, when and what', async () => {
    const { teacher, outcomeId } = await publishedPlaybook();
    const before = await readDesign(h, teacher);

    const unconfirmed = await write(h, teacher, 'PUT', `/api/playbook/outcomes/${outcomeId}/rubric`, before.revision, changedRubric());
    expect(unconfirmed.status).toBe(409);
    expect(await errorOf(unconfirmed)).toMatchObject({ code: 'published_change_unconfirmed', details: { outcomeId, changes: ['rubric'] } });
    expect(await readDesign(h, teacher)).toEqual(before);

    const confirmed = await write(h, teacher, 'PUT', `/api/playbook/outcomes/${outcomeId}/rubric`, before.revision, { ...changedRubric(), confirm: true });
    expect(confirmed.status, await confirmed.clone().text()).toBe(200);
    const after = await readDesign(h, teacher);
    expect(after.outcomes[0]?.rubric.criteria[0]?.title).toBe('Plant het project met mijlpalen');

    const history = await historyOf(teacher);
    expect(history[0]).toMatchObject({
      action: 'outcome_changed',
      outcomeId,
      outcomeTitle: 'Projectplan',
      changes: ['rubric'],
      by: { id: h.lms.member('teacher').userId },
    });
    expect(Date.now() - new Date(history[0]!.at).getTime()).toBeLessThan(60_000);
  });

  it('the statement of a published outcome is guarded the same way, and the history names the parts that changed', async () => {
    const { teacher, outcomeId } = await publishedPlaybook();
    const { revision } = await readDesign(h, teacher);
    const body = buildOutcome({ title: 'Projectplan (herzien)', indicators: [{ text: 'Het plan heeft mijlpalen en een budget' }] });
    const refused = await write(h, teacher, 'PUT', `/api/playbook/outcomes/${outcomeId}`, revision, body);
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toMatchObject({ code: 'published_change_unconfirmed', details: { changes: ['title', 'indicators'] } });

    const applied = await write(h, teacher, 'PUT', `/api/playbook/outcomes/${outcomeId}`, revision, { ...body, confirm: true });
    expect(applied.status, await applied.clone().text()).toBe(200);
    expect((await historyOf(teacher))[0]).toMatchObject({ action: 'outcome_changed', outcomeTitle: 'Projectplan (herzien)', changes: ['title', 'indicators'] });
  });

  it('saving a published outcome unchanged needs no confirmation and adds nothing to the history', async () => {
    const { teacher, outcomeId } = await publishedPlaybook();
    const design = await readDesign(h, teacher);
    const outcome = design.outcomes[0]!;
    const same = { title: outcome.title, tuning: outcome.tuning, indicators: outcome.indicators, possibleEvidence: outcome.possibleEvidence, assessments: outcome.assessments };
    const before = await historyOf(teacher);
    const res = await write(h, teacher, 'PUT', `/api/playbook/outcomes/${outcomeId}`, design.revision, same);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await historyOf(teacher)).toEqual(before);
  });

  it('while the playbook is a draft, the teacher edits freely and the history records no criteria changes', async () => {
    const { teacher } = await placeNewPlaybook(h);
    const { outcomeId } = await designPublishablePlaybook(h, teacher);
    const { revision } = await readDesign(h, teacher);
    const res = await write(h, teacher, 'PUT', `/api/playbook/outcomes/${outcomeId}/rubric`, revision, changedRubric());
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await historyOf(teacher)).filter((e) => e.action === 'outcome_changed')).toEqual([]);
  });

  it('deleting a published outcome asks for confirmation too', async () => {
    const { teacher, outcomeId } = await publishedPlaybook();
    const { revision } = await readDesign(h, teacher);
    const refused = await write(h, teacher, 'DELETE', `/api/playbook/outcomes/${outcomeId}`, revision);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe('published_change_unconfirmed');
    expect((await readDesign(h, teacher)).outcomes).toHaveLength(1);

    const deleted = await write(h, teacher, 'DELETE', `/api/playbook/outcomes/${outcomeId}?confirm=true`, revision);
    expect(deleted.status, await deleted.clone().text()).toBe(200);
    expect((await readDesign(h, teacher)).outcomes).toHaveLength(0);
    expect((await historyOf(teacher))[0]).toMatchObject({ action: 'outcome_deleted', outcomeId, outcomeTitle: 'Projectplan' });
  });

  it('an unpublished playbook disappears for students but keeps their routes; published again, the route is there as they left it', async () => {
    const { teacher, student, activityIds } = await publishedPlaybook();
    const opened = await h.api(student, '/api/route');
    expect(opened.status, await opened.clone().text()).toBe(200);
    const { route } = (await opened.json()) as { route: { version: number } };
    const chosen = activityIds.map((activityId) => ({ activityId }));
    const saved = await h.api(student, '/api/route', { method: 'PUT', body: JSON.stringify({ version: route.version, entries: chosen.slice().reverse() }) });
    expect(saved.status, await saved.clone().text()).toBe(200);

    const unpublished = await writeOk<{ status: string }>(h, teacher, 'POST', '/api/playbook/unpublish');
    expect(unpublished.status).toBe('draft');
    expect((await h.api(student, '/api/playbook/published')).status).toBe(404);
    const hidden = await h.api(student, '/api/route');
    expect(hidden.status).toBe(404);

    await writeOk(h, teacher, 'POST', '/api/playbook/publish');
    const back = await h.api(student, '/api/route');
    expect(back.status).toBe(200);
    const kept = (await back.json()) as { route: { entries: { activityId: string }[] } };
    expect(kept.route.entries.map((e) => e.activityId)).toEqual(activityIds.slice().reverse());

    const actions = (await historyOf(teacher)).map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['published', 'unpublished', 'published']);
  });

  it('once unpublished, criteria can be changed without confirmation (no student sees them)', async () => {
    const { teacher, outcomeId } = await publishedPlaybook();
    await writeOk(h, teacher, 'POST', '/api/playbook/unpublish');
    const { revision } = await readDesign(h, teacher);
    const res = await write(h, teacher, 'PUT', `/api/playbook/outcomes/${outcomeId}/rubric`, revision, changedRubric());
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it('students and coaches may neither unpublish nor read the history; a teacher of another course never reaches this playbook', async () => {
    const { teacher, student, coach } = await publishedPlaybook();
    const { revision } = await readDesign(h, teacher);
    for (const token of [student, coach]) {
      const unpublish = await write(h, token, 'POST', '/api/playbook/unpublish', revision);
      expect(unpublish.status).toBe(403);
      expect((await h.api(token, '/api/playbook/history')).status).toBe(403);
    }
    const stranger = await launchInOtherCourse(h, 'another-course');
    const elsewhere = await write(h, stranger, 'POST', '/api/playbook/unpublish', revision);
    expect(elsewhere.status).toBe(404);
    expect((await h.api(stranger, '/api/playbook/history')).status).toBe(404);
    expect((await readDesign(h, teacher)).status).toBe('published');
  });

  it('unpublishing from a stale copy is refused like any other stale write', async () => {
    const { teacher } = await publishedPlaybook();
    const { revision } = await readDesign(h, teacher);
    const res = await write(h, teacher, 'POST', '/api/playbook/unpublish', revision - 1);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('version_conflict');
  });
});
