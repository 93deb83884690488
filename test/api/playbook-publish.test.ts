// A teacher publishes outcomes and the playbook once nothing blocks it; the quality report says why not; students then read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import {
  buildActivity,
  buildOutcome,
  buildRubric,
  designPublishablePlaybook,
  errorOf,
  placeNewPlaybook,
  readDesign,
  write,
  writeOk,
  type OutcomeView,
} from '../support/teacher-api';

interface Reason {
  key: string;
  params: Record<string, unknown>;
}

interface QualityReport {
  revision: number;
  checks: { check: string; ok: boolean; message: Reason; outcomeId?: string }[];
  publishable: boolean;
  blocking: Reason[];
}

describe('publishing a playbook', () => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('an outcome is published only once its statement and criteria are complete, and keeps its first publication date', async () => {
    const { teacher } = await placeNewPlaybook(h);
    const { outcome } = await writeOk<{ outcome: OutcomeView }>(h, teacher, 'POST', '/api/playbook/outcomes', buildOutcome({ tuning: { verb: 'stelt op' } }));
    const { revision } = await readDesign(h, teacher);
    const refused = await write(h, teacher, 'POST', `/api/playbook/outcomes/${outcome.id}/publish`, revision);
    expect(refused.status).toBe(422);
    expect(await errorOf(refused)).toMatchObject({
      code: 'outcome_incomplete',
      details: { problems: ['outcome.missing_competence', 'outcome.missing_subject', 'outcome.missing_standard', 'outcome.missing_context', 'outcome.missing_criteria'] },
    });
    expect((await readDesign(h, teacher)).revision).toBe(revision);

    await writeOk(h, teacher, 'PUT', `/api/playbook/outcomes/${outcome.id}`, buildOutcome());
    await writeOk(h, teacher, 'PUT', `/api/playbook/outcomes/${outcome.id}/rubric`, buildRubric());
    const published = await writeOk<{ outcome: OutcomeView }>(h, teacher, 'POST', `/api/playbook/outcomes/${outcome.id}/publish`);
    expect(published.outcome).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    const again = await writeOk<{ outcome: OutcomeView }>(h, teacher, 'POST', `/api/playbook/outcomes/${outcome.id}/publish`);
    expect(again.outcome.publishedAt).toBe(published.outcome.publishedAt);
  });

  it('publishing an empty playbook is refused with every reason at once, and nothing changes', async () => {
    const { teacher } = await placeNewPlaybook(h);
    await writeOk(h, teacher, 'POST', '/api/playbook/outcomes', buildOutcome({ title: 'Nog concept' }));
    const before = await readDesign(h, teacher);
    const res = await write(h, teacher, 'POST', '/api/playbook/publish', before.revision);
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('playbook_incomplete');
    expect((error.details?.reasons as Reason[]).map((r) => r.key)).toEqual([
      'playbook.publish.outcome_not_published',
      'playbook.publish.no_activities',
      'playbook.publish.no_recommended_route',
      'playbook.publish.no_assessment_window',
    ]);
    expect((error.details?.reasons as Reason[])[0]?.params).toMatchObject({ title: 'Nog concept' });
    expect(await readDesign(h, teacher)).toEqual(before);
  });

  it('a recommended route that breaks the rules blocks publishing; once it fits, the playbook is published with its warnings', async () => {
    const { teacher } = await placeNewPlaybook(h);
    const { activityIds } = await designPublishablePlaybook(h, teacher);
    await writeOk(h, teacher, 'PUT', '/api/playbook/recommended-route', { activityIds: activityIds.slice(0, 3) });
    const { revision } = await readDesign(h, teacher);
    const refused = await write(h, teacher, 'POST', '/api/playbook/publish', revision);
    expect(refused.status).toBe(422);
    expect((await errorOf(refused)).details?.reasons).toEqual([
      { key: 'playbook.publish.recommended_route_invalid', params: { violations: ['route.rule.missing_activity_type', 'route.rule.missing_activity_type'] } },
    ]);

    await writeOk(h, teacher, 'PUT', '/api/playbook/recommended-route', { activityIds });
    const published = await writeOk<{ status: string; publishedAt: string; warnings: { check: string }[] }>(h, teacher, 'POST', '/api/playbook/publish');
    expect(published).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    // One activity per type leaves the students a single route: the teacher may accept that, so it only warns.
    expect(published.warnings.map((w) => w.check)).toEqual(['multiple_routes']);
    expect((await readDesign(h, teacher)).status).toBe('published');
  });

  it('the quality report names every check with message keys and params, and what blocks publishing', async () => {
    const { teacher } = await placeNewPlaybook(h);
    const { outcomeId } = await designPublishablePlaybook(h, teacher);
    await writeOk(h, teacher, 'POST', '/api/playbook/activities', buildActivity({ title: 'Simulatie', type: 'application', form: 'collaborative' }));
    await writeOk(h, teacher, 'POST', '/api/playbook/outcomes', buildOutcome({ title: 'Tweede leeruitkomst', assessments: [], possibleEvidence: [] }));

    const res = await h.api(teacher, '/api/playbook/quality');
    expect(res.status).toBe(200);
    const report = (await res.json()) as QualityReport;
    const about = (check: string, outcome?: string) => report.checks.find((c) => c.check === check && c.outcomeId === outcome);
    expect(about('criteria_published_before_start', outcomeId)).toMatchObject({ ok: true, message: { key: 'quality.criteria_published_before_start.ok' } });
    expect(about('multiple_routes')).toMatchObject({ ok: true, message: { key: 'quality.multiple_routes.ok', params: { routeA: expect.any(Array), routeB: expect.any(Array) } } });
    expect(about('every_activity_type_offered')?.ok).toBe(true);
    expect(about('recommended_route_valid')?.ok).toBe(true);
    const second = report.checks.filter((c) => c.outcomeId && c.outcomeId !== outcomeId).map((c) => c.message.key);
    expect(second).toEqual(['quality.criteria_published_before_start.no_criteria', 'quality.one_integrated_assessment.none', 'quality.prior_learning_validation.not_accepted']);
    expect(report.publishable).toBe(false);
    expect(report.blocking).toEqual([{ key: 'playbook.publish.outcome_not_published', params: { outcomeId: expect.any(String), title: 'Tweede leeruitkomst' } }]);
  });

  it('students and coaches read the published playbook: published outcomes with their rubric, the grid and windows; not while it is a draft', async () => {
    const { teacher, student, coach } = await placeNewPlaybook(h, 'PMW blok 2');
    await designPublishablePlaybook(h, teacher);
    const draft = await h.api(student, '/api/playbook/published');
    expect(draft.status).toBe(404);
    expect((await errorOf(draft)).code).toBe('playbook_not_published');

    await writeOk(h, teacher, 'POST', '/api/playbook/publish');
    await writeOk(h, teacher, 'POST', '/api/playbook/outcomes', buildOutcome({ title: 'Nog niet gepubliceerd' }));
    for (const token of [student, coach]) {
      const res = await h.api(token, '/api/playbook/published');
      expect(res.status).toBe(200);
      const seen = (await res.json()) as Record<string, unknown> & { outcomes: OutcomeView[]; activities: unknown[] };
      expect(seen).toMatchObject({ title: 'PMW blok 2', status: 'published', selfDirectionLevel: 2, selfDirectionLevelKey: 'self_direction.self_directed_learning' });
      expect(seen.outcomes.map((o) => o.title)).toEqual(['Projectplan']);
      expect(seen.outcomes[0]?.statement.sentence.key).toBe('outcome.statement');
      expect(seen.outcomes[0]?.rubric.criteria[0]?.levels.map((l) => l.label)).toEqual(['onvoldoende', 'voldoende', 'goed']);
      expect(seen.activities).toHaveLength(5);
      expect(seen.assessmentWindows).toEqual([{ id: expect.any(String), from: '2030-10-20T08:00:00.000Z', until: '2030-10-31T17:00:00.000Z' }]);
      expect(seen).not.toHaveProperty('revision');
      expect(seen).not.toHaveProperty('playcards');
    }
  });
});
