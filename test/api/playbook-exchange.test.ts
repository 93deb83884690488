// A teacher exports a playbook as a file and imports it into another link: all or nothing, with fresh ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import {
  buildOutcome,
  designPublishablePlaybook,
  errorOf,
  placeNewPlaybook,
  readDesign,
  write,
  writeOk,
  type DesignView,
} from '../support/teacher-api';

interface PlaybookFile {
  format: string;
  version: number;
  playbook: { title: string; activities: { id: string; title: string }[]; recommendedRoute: string[] };
  outcomes: { id: string; title: string }[];
}

/** What must survive a round trip; ids are made anew, so they are compared by position, not value. */
function designWithoutIds(design: DesignView) {
  const position = new Map(design.activities.map((a, i) => [a.id, i]));
  return {
    title: design.title,
    selfDirectionLevel: design.selfDirectionLevel,
    activities: design.activities.map(({ id: _id, schedule, prerequisiteIds, ...rest }) => ({ ...rest, prerequisites: prerequisiteIds.map((p) => position.get(p)), sessions: schedule.sessions?.length ?? 0 })),
    recommendedRoute: design.recommendedRoute.map((id) => position.get(id)),
    rules: { ...design.rules, requiredActivityIds: design.rules.requiredActivityIds.map((id) => position.get(id)) },
    windows: design.assessmentWindows.map(({ from, until }) => ({ from, until })),
    outcomes: design.outcomes.map((o) => ({
      title: o.title,
      tuning: o.tuning,
      indicators: o.indicators.map((i) => i.text),
      criteria: o.rubric.criteria.map((c) => ({ title: c.title, levels: c.levels.map((l) => [l.label, l.points]), pass: c.levels.findIndex((l) => l.id === c.passLevelId) })),
    })),
  };
}

async function exportOf(h: LtiHarness, token: string): Promise<{ res: Response; file: PlaybookFile }> {
  const res = await h.api(token, '/api/playbook/export');
  return { res, file: (await res.clone().json()) as PlaybookFile };
}

describe('sharing a playbook between links', () => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('the export is the documented file, downloaded under a name made from the title', async () => {
    const { teacher } = await placeNewPlaybook(h, 'Projectmatig Wérken: blok 2!');
    await designPublishablePlaybook(h, teacher);
    const { res, file } = await exportOf(h, teacher);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=projectmatig-werken-blok-2.playroute.json');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(file).toMatchObject({ format: 'playroute.playbook', version: 1, playbook: { title: 'Projectmatig Wérken: blok 2!' } });
    expect(file.outcomes).toHaveLength(1);
    expect(file.outcomes[0]).not.toHaveProperty('status');
    expect(file.playbook.activities).toHaveLength(5);
  });

  it('a file imported into another link gives an equal design with new ids, outcomes as drafts; the course start stays', async () => {
    const source = await placeNewPlaybook(h, 'Bron');
    await designPublishablePlaybook(h, source.teacher);
    const { file } = await exportOf(h, source.teacher);
    const original = await readDesign(h, source.teacher);

    const target = await placeNewPlaybook(h, 'Doel');
    await writeOk(h, target.teacher, 'PATCH', '/api/playbook', { courseStartDate: '2031-02-01T08:00:00Z' });
    const { revision } = await readDesign(h, target.teacher);
    const res = await write(h, target.teacher, 'POST', '/api/playbook/import', revision, file);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { revision: number; design: DesignView };
    expect(answer.revision).toBe(revision + 1);

    const imported = await readDesign(h, target.teacher);
    expect(designWithoutIds(imported)).toEqual({ ...designWithoutIds(original), title: 'Bron' });
    expect(imported.id).not.toBe(original.id);
    const oldIds = new Set([...original.activities.map((a) => a.id), ...original.outcomes.map((o) => o.id)]);
    expect([...imported.activities.map((a) => a.id), ...imported.outcomes.map((o) => o.id)].filter((id) => oldIds.has(id))).toEqual([]);
    expect(imported.outcomes.map((o) => o.status)).toEqual(['draft']);
    expect(imported.courseStartDate).toBe('2031-02-01T08:00:00.000Z');
    expect(imported.status).toBe('draft');
    expect(await readDesign(h, source.teacher)).toEqual(original);
  });

  it('an invalid file is refused with every issue, and the old design stays as it was', async () => {
    const { teacher } = await placeNewPlaybook(h);
    await designPublishablePlaybook(h, teacher);
    const { file } = await exportOf(h, teacher);
    const before = await readDesign(h, teacher);
    const broken = {
      ...file,
      playbook: { ...file.playbook, recommendedRoute: [...file.playbook.recommendedRoute, 'ghost'], activities: file.playbook.activities.map((a, i) => (i === 1 ? { ...a, type: 'lecture' } : a)) },
      outcomes: [{ ...file.outcomes[0], title: '' }],
    };
    const res = await write(h, teacher, 'POST', '/api/playbook/import', before.revision, broken);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('validation_failed');
    expect(error.details?.issues).toEqual([
      { path: 'playbook.activities.1.type', message: expect.any(String) },
      { path: 'outcomes.0.title', message: expect.any(String) },
    ]);
    expect(error.message).toMatch(/^playbook\.activities\.1\.type: .* \(and 1 more\)$/);

    const dangling = await write(h, teacher, 'POST', '/api/playbook/import', before.revision, { ...file, playbook: { ...file.playbook, recommendedRoute: ['ghost'] } });
    expect((await errorOf(dangling)).details?.issues).toEqual([{ path: 'playbook.recommendedRoute.0', message: 'unknown activity "ghost"' }]);
    const notAFile = await write(h, teacher, 'POST', '/api/playbook/import', before.revision, { hello: 'world' });
    expect(((await errorOf(notAFile)).details?.issues as unknown[]).length).toBeGreaterThanOrEqual(3);
    const circle = file.playbook.activities.map((a, i, all) => ({ ...a, prerequisiteIds: [all[(i + 1) % all.length]?.id] }));
    const circular = await write(h, teacher, 'POST', '/api/playbook/import', before.revision, { ...file, playbook: { ...file.playbook, activities: circle } });
    expect((await errorOf(circular)).details?.issues).toEqual([{ path: 'playbook.activities.0.prerequisiteIds', message: 'prerequisites go round in a circle' }]);

    expect(await readDesign(h, teacher)).toEqual(before);
  });

  it('an import is refused from a stale tab, into a published playbook, from a student, and when the file is too large', async () => {
    const source = await placeNewPlaybook(h);
    await designPublishablePlaybook(h, source.teacher);
    const { file } = await exportOf(h, source.teacher);

    const target = await placeNewPlaybook(h);
    const { revision } = await readDesign(h, target.teacher);
    await writeOk(h, target.teacher, 'POST', '/api/playbook/outcomes', buildOutcome({ title: 'Written meanwhile' }));
    const stale = await write(h, target.teacher, 'POST', '/api/playbook/import', revision, file);
    expect(stale.status).toBe(409);
    expect((await errorOf(stale)).details).toMatchObject({ currentRevision: revision + 1 });
    expect((await write(h, target.student, 'POST', '/api/playbook/import', revision + 1, file)).status).toBe(403);
    const huge = { ...file, playbook: { ...file.playbook, description: 'x'.repeat(1_100_000) } };
    const tooLarge = await write(h, target.teacher, 'POST', '/api/playbook/import', revision + 1, huge);
    expect(tooLarge.status).toBe(413);
    expect((await readDesign(h, target.teacher)).outcomes.map((o) => o.title)).toEqual(['Written meanwhile']);

    await writeOk(h, source.teacher, 'POST', '/api/playbook/publish');
    const published = await readDesign(h, source.teacher);
    const refused = await write(h, source.teacher, 'POST', '/api/playbook/import', published.revision, file);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe('playbook_published');
    expect(await readDesign(h, source.teacher)).toEqual(published);
  });
});
