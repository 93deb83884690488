import { describe, expect, it } from 'vitest';
import { exportPlaybook, parseImport } from './playbook-exchange';
import { checkRouteRules } from './route-rules';
import { buildActivity, buildCatalogue, buildOutcome, buildPlaybook, daysAfter, entriesOf, T0 } from './test-factories';

function counter(): () => string {
  let n = 0;
  return () => `new-${++n}`;
}

const session = { id: 's1', startsAt: daysAfter(T0, 7), place: 'Room 2.14', capacity: 20 };
const playbook = buildPlaybook({
  activities: [...buildCatalogue(), buildActivity({ id: 'workshop', type: 'instruction', environment: 'campus', schedule: { kind: 'synchronous', sessions: [session] } })],
});
const outcome = buildOutcome();

describe('sharing a playbook between courses', () => {
  it('an exported playbook survives a trip through JSON text with everything but its ids intact', () => {
    const text = JSON.stringify(exportPlaybook(playbook, [outcome], T0));
    const result = parseImport(text, { newId: counter() });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const imported = result.value.playbook;
    expect(imported.activities.map((a) => a.title)).toEqual(playbook.activities.map((a) => a.title));
    expect(imported.activities.some((a) => playbook.activities.some((old) => old.id === a.id))).toBe(false);
    expect(imported.assessmentWindows[0]?.from).toEqual(playbook.assessmentWindows[0]?.from);
    const workshop = imported.activities.find((a) => a.title === 'An activity');
    expect(workshop?.schedule).toEqual({ kind: 'synchronous', sessions: [{ ...session, id: expect.stringMatching(/^new-/) }] });
    expect(result.value.outcomes[0]).toMatchObject({ title: outcome.title, status: 'draft', tuning: outcome.tuning });
    expect(result.value.outcomes[0]?.publishedAt).toBeUndefined();
  });

  it('remaps ids consistently: prerequisites, recommended route, required activities and outcome references still fit', () => {
    const result = parseImport(exportPlaybook(playbook, [outcome]), { newId: counter() });
    if (!result.ok) throw new Error('import failed');
    const { playbook: imported, outcomes } = result.value;
    const byTitle = (title: string) => imported.activities.find((a) => a.title === title)?.id;
    expect(imported.activities.find((a) => a.title === 'Practice assignment')?.prerequisiteIds).toEqual([byTitle('Lecture')]);
    expect(imported.rules.requiredActivityIds).toEqual([byTitle('Peer review')]);
    expect(imported.outcomeIds).toEqual([outcomes[0]?.id]);
    expect(checkRouteRules(imported, { entries: entriesOf(...imported.recommendedRoute) }).ok).toBe(true);
    const criterion = outcomes[0]?.rubric.criteria[0];
    expect(criterion?.levels.map((l) => l.id)).toContain(criterion?.passLevelId);
  });

  it('when a file is broken in several places, every problem comes back with its path', () => {
    const file = exportPlaybook(playbook, [outcome]);
    const broken = {
      ...file,
      playbook: {
        ...file.playbook,
        selfDirectionLevel: 7,
        activities: file.playbook.activities.map((a, i) => (i === 0 ? { ...a, environment: 'moon', studyLoadHours: -1 } : a)),
      },
    };
    const result = parseImport(broken, { newId: counter() });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['playbook.selfDirectionLevel', 'playbook.activities.0.environment', 'playbook.activities.0.studyLoadHours']),
    );
  });

  it('when references point nowhere, the import is refused and says where', () => {
    const file = exportPlaybook(playbook, [outcome]);
    const dangling = { ...file, playbook: { ...file.playbook, recommendedRoute: ['activate', 'ghost'], outcomeIds: ['lo-x'] } };
    const result = parseImport(dangling, { newId: counter() });
    expect(result.ok ? [] : result.issues).toEqual([
      { path: 'playbook.recommendedRoute.1', message: 'unknown activity "ghost"' },
      { path: 'playbook.outcomeIds.0', message: 'unknown outcome "lo-x"' },
    ]);
  });

  it('a file of another format or version, or not JSON at all, is refused', () => {
    expect(parseImport({ ...exportPlaybook(playbook, [outcome]), version: 2 }, { newId: counter() }).ok).toBe(false);
    expect(parseImport('{not json', { newId: counter() })).toEqual({ ok: false, issues: [{ path: '', message: 'not valid JSON' }] });
  });
});
