// Project groups from the intake through real launches: the teacher forms them (mixed or similar), keeps fixed partners
// together, moves a student, locks a group and forms the rest again; a student sees only who is in their group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, startGradingHarness, type GradingHarness, type SeededPlacement } from '../support/grading-seed';
import { calls, daan, fleur, noor, oliver, priya, seedIntakePlacement, teacherId } from '../support/intake-class';

let g: GradingHarness;
let c: ReturnType<typeof calls>;
/** The demo course's five students and seven more, enrolled before anyone opens the class list. */
const extra = ['u-student-ada', 'u-student-bram', 'u-student-chloe', 'u-student-dirk', 'u-student-eva', 'u-student-femke', 'u-student-gijs'];
const everyone = [daan, fleur, priya, oliver, noor, ...extra];
/** Plan ranks (target 2): five students reach it — enough for one peer in each of four groups. */
const planRank: Record<string, number> = { [daan]: 1, [fleur]: 3, [priya]: 2, [oliver]: 1, [noor]: 1, 'u-student-ada': 3, 'u-student-bram': 1, 'u-student-chloe': 2, 'u-student-dirk': 1, 'u-student-eva': 1, 'u-student-femke': 1, 'u-student-gijs': 1 };

beforeAll(async () => {
  g = await startGradingHarness();
  c = calls(g);
  for (const id of extra) enrol(g, id, 'student');
});
afterAll(async () => {
  await g.close();
});

interface GroupSetAnswer {
  id: string;
  version: number;
  mode: string;
  groups: { id: string; locked: boolean; members: { id: string; name: string | null; peerOn: string[] }[] }[];
  missingPeers: { groupId: string; outcomeId: string }[];
  ungrouped: string[];
}

async function classWithIntake(): Promise<{ placed: SeededPlacement; teacher: string }> {
  const placed = await seedIntakePlacement(g);
  const teacher = await placed.launch(teacherId);
  await c.addIntake(teacher);
  for (const id of everyone) await c.submitIntake(await placed.launch(id), { plan: planRank[id] ?? 1, pitch: 1 });
  return { placed, teacher };
}

const membersOf = (set: GroupSetAnswer) => set.groups.map((grp) => grp.members.map((m) => m.id));
const sizes = (set: GroupSetAnswer) => set.groups.map((grp) => grp.members.length);

describe('the teacher forms project groups from the intake', () => {
  it('mixed: every student in exactly one group, sizes within one, a peer on the plan in every group', async () => {
    const { teacher } = await classWithIntake();
    const set = await c.ok<GroupSetAnswer>(await c.send(teacher, 'POST', '/api/project-groups', { title: 'Business case trios', mode: 'mixed', target: { size: 3 } }), 201);
    expect(membersOf(set).flat().sort()).toEqual([...everyone].sort());
    expect(sizes(set)).toEqual([3, 3, 3, 3]);
    expect(set.groups.every((grp) => grp.members.some((m) => m.peerOn.includes('lo-plan')))).toBe(true);
    // Nobody reaches the pitch's target: the teacher is told where a peer is missing.
    expect(set.missingPeers.filter((m) => m.outcomeId === 'lo-pitch')).toHaveLength(4);
    expect(set.missingPeers.filter((m) => m.outcomeId === 'lo-plan')).toEqual([]);
    const listed = await c.ok<{ sets: { id: string; groups: number }[] }>(await g.api(teacher, '/api/project-groups'));
    expect(listed.sets).toContainEqual(expect.objectContaining({ id: set.id, groups: 4 }));
  });

  it('similar: students of like level work together', async () => {
    const { teacher } = await classWithIntake();
    const set = await c.ok<GroupSetAnswer>(await c.send(teacher, 'POST', '/api/project-groups', { title: 'Level groups', mode: 'similar', target: { count: 3 } }), 201);
    expect(sizes(set)).toEqual([4, 4, 4]);
    const strongest = set.groups.find((grp) => grp.members.some((m) => m.id === fleur));
    expect(strongest?.members.map((m) => m.id)).toEqual(expect.arrayContaining([fleur, 'u-student-ada', priya, 'u-student-chloe']));
  });

  it('keeps fixed partners together; the teacher moves a student, locks a group, and forming again keeps it', async () => {
    const { teacher } = await classWithIntake();
    const formed = await c.ok<GroupSetAnswer>(
      await c.send(teacher, 'POST', '/api/project-groups', { title: 'Pairs kept', mode: 'mixed', target: { size: 4 }, fixedPartners: [[daan, oliver, noor]] }),
      201,
    );
    expect(formed.groups.filter((grp) => grp.members.some((m) => [daan, oliver, noor].includes(m.id)))).toHaveLength(1);

    const from = formed.groups.find((grp) => !grp.members.some((m) => m.id === fleur)) ?? formed.groups[0];
    const target = formed.groups.find((grp) => grp.members.some((m) => m.id === fleur));
    const moved = await c.ok<GroupSetAnswer>(
      await c.send(teacher, 'POST', `/api/project-groups/${formed.id}/move`, { version: formed.version, studentId: from?.members[0]?.id, toGroupId: target?.id }),
    );
    expect(moved.groups.find((grp) => grp.id === target?.id)?.members.map((m) => m.id)).toContain(from?.members[0]?.id);
    expect((await c.refusal(await c.send(teacher, 'POST', `/api/project-groups/${formed.id}/lock`, { version: formed.version, groupIds: [target?.id], locked: true }), 409)).code).toBe('version_conflict');
    const locked = await c.ok<GroupSetAnswer>(await c.send(teacher, 'POST', `/api/project-groups/${formed.id}/lock`, { version: moved.version, groupIds: [target?.id], locked: true }));
    const kept = locked.groups.find((grp) => grp.id === target?.id);

    const again = await c.ok<GroupSetAnswer>(await c.send(teacher, 'POST', `/api/project-groups/${formed.id}/reform`, { version: locked.version, mode: 'similar', target: { count: 3 } }));
    expect(again.groups.find((grp) => grp.id === target?.id)).toEqual(kept);
    expect(again.groups).toHaveLength(3);
    expect(membersOf(again).flat().sort()).toEqual([...everyone].sort());
    // Partners the teacher did not move into the locked group are still together.
    const partners = [daan, oliver, noor].filter((id) => !kept?.members.some((m) => m.id === id));
    expect(again.groups.filter((grp) => grp.members.some((m) => partners.includes(m.id)))).toHaveLength(partners.length > 0 ? 1 : 0);
  });

  it('refuses a bad target, a stranger as fixed partner, a student forming groups and a set of another playbook', async () => {
    const { placed, teacher } = await classWithIntake();
    expect((await c.refusal(await c.send(teacher, 'POST', '/api/project-groups', { title: 'x', mode: 'mixed', target: { size: 0 } }), 400)).message).toMatch(/^target/);
    expect((await c.refusal(await c.send(teacher, 'POST', '/api/project-groups', { title: 'x', mode: 'mixed', target: { size: 3 }, fixedPartners: [[daan, 'u-nobody']] }), 422)).details).toEqual({
      studentIds: ['u-nobody'],
    });
    const student = await placed.launch(daan);
    expect((await c.refusal(await c.send(student, 'POST', '/api/project-groups', { title: 'x', mode: 'mixed', target: { size: 3 } }), 403)).code).toBe('not_authorised');
    const set = await c.ok<GroupSetAnswer>(await c.send(teacher, 'POST', '/api/project-groups', { title: 'Mine', mode: 'mixed', target: { size: 3 } }), 201);
    const elsewhere = await seedIntakePlacement(g);
    const otherTeacher = await elsewhere.launch(teacherId);
    expect((await c.refusal(await g.api(otherTeacher, `/api/project-groups/${set.id}`), 404)).code).toBe('group_set_not_found');
  });

  it('a student sees who is in their group, by name only', async () => {
    const { placed, teacher } = await classWithIntake();
    const set = await c.ok<GroupSetAnswer>(await c.send(teacher, 'POST', '/api/project-groups', { title: 'Trios', mode: 'mixed', target: { size: 3 } }), 201);
    const mine = await c.ok<{ groups: { setId: string; title: string; members: Record<string, unknown>[] }[] }>(await g.api(await placed.launch(priya), '/api/project-groups/mine'));
    const expected = set.groups.find((grp) => grp.members.some((m) => m.id === priya))?.members.map((m) => ({ id: m.id, name: m.name }));
    expect(mine.groups).toEqual([{ setId: set.id, title: 'Trios', activityId: null, groupId: expect.any(String), members: expected }]);
    expect((await c.refusal(await g.api(await placed.launch(priya), `/api/project-groups/${set.id}`), 403)).code).toBe('not_authorised');
  });
});
