// Stories about storing a placement's playbook with its outcomes: one per placement, revisions, imports.
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearningOutcome } from '../../../server/domain/outcome';
import { exportPlaybook, parseImport } from '../../../server/domain/playbook-exchange';
import { buildActivity, buildCatalogue, buildOutcome, buildPlaybook, buildRubric, daysAfter, T0 } from '../../../server/domain/test-factories';
import { ConcurrencyConflictError, NotFoundError } from '../../../server/store/store-errors';
import {
  createPlaybookRepository,
  placementIdOf,
  type NewPlaybook,
  type PlacementKey,
  type PlaybookRepository,
} from '../../../server/features/playbooks/data/playbook-repository';
import { connectTestDatabase } from '../../support/database';

let connection: Connection;
let drop: () => Promise<void>;
let playbooks: PlaybookRepository;

beforeAll(async () => {
  ({ connection, drop } = await connectTestDatabase('playbooks'));
  playbooks = createPlaybookRepository(connection, { now: () => T0 });
});

afterAll(async () => {
  await drop();
});

function buildPlacement(overrides: Partial<PlacementKey> = {}): PlacementKey {
  return { platformId: 'https://canvas.example.edu', deploymentId: 'dep-1', contextId: `course-${randomUUID()}`, resourceLinkId: `link-${randomUUID()}`, ...overrides };
}

/** A full aggregate: a synchronous activity with sessions, rules with limits, two outcomes with rubrics. */
function buildNewPlaybook(overrides: Partial<NewPlaybook> = {}): NewPlaybook {
  const { id: _id, placementId: _placementId, ...playbook } = buildPlaybook({
    outcomeIds: ['lo-1', 'lo-2'],
    activities: [
      ...buildCatalogue(),
      buildActivity({
        id: 'workshop',
        title: 'Planning workshop',
        environment: 'campus',
        form: 'collaborative',
        type: 'application',
        links: [{ title: 'Slides', url: 'https://example.edu/slides' }],
        schedule: {
          kind: 'synchronous',
          sessions: [
            { id: 's1', startsAt: daysAfter(T0, 7), endsAt: daysAfter(T0, 7.1), place: 'Room 1.23', capacity: 8 },
            { id: 's2', startsAt: daysAfter(T0, 14), place: 'Online', capacity: 20 },
          ],
        },
      }),
    ],
  });
  const { publishedAt: _never, ...draftOutcome }: LearningOutcome = buildOutcome({
    id: 'lo-2',
    title: 'Risk analysis',
    status: 'draft',
    rubric: buildRubric({
      criteria: [
        {
          id: 'c9',
          title: 'Names the risks',
          description: 'All major risks, each with a likelihood',
          weight: 2,
          levels: [{ id: 'x', label: 'sufficient', description: 'most risks', points: 3 }],
        },
      ],
    }),
  });
  return { placement: buildPlacement(), playbook, outcomes: [buildOutcome(), draftOutcome], ...overrides };
}

describe('a placement’s playbook', () => {
  it('when a teacher’s playbook with its outcomes is stored, then it reads back exactly as written', async () => {
    const input = buildNewPlaybook();
    const created = await playbooks.create(input);

    expect(created.playbook).toStrictEqual({ ...input.playbook, id: created.playbook.id, placementId: placementIdOf(input.placement) });
    expect(created.outcomes).toStrictEqual(input.outcomes);
    expect(created).toMatchObject({ placement: input.placement, revision: 1, createdAt: T0, updatedAt: T0 });
    expect(await playbooks.get(created.playbook.id)).toStrictEqual(created);
    expect(await playbooks.getByPlacement(input.placement)).toStrictEqual(created);
  });

  it('when nothing is stored for an id or a placement, then nothing comes back', async () => {
    expect(await playbooks.get(randomUUID())).toBeUndefined();
    expect(await playbooks.getByPlacement(buildPlacement())).toBeUndefined();
  });

  it('when a second playbook is created for the same placement, then it is refused, while the next link in the course gets its own', async () => {
    const first = buildNewPlaybook();
    await playbooks.create(first);

    await expect(playbooks.create(buildNewPlaybook({ placement: first.placement }))).rejects.toMatchObject({
      name: 'AlreadyExistsError',
      code: 'already_exists',
    });
    const sibling = await playbooks.create(buildNewPlaybook({ placement: { ...first.placement, resourceLinkId: 'another-link' } }));
    expect(sibling.revision).toBe(1);
  });

  it('when a teacher lists their courses, then each course shows its own playbooks and no others', async () => {
    const course = { platformId: 'https://moodle.example.edu', deploymentId: 'dep-9', contextId: `course-${randomUUID()}` };
    const otherCourse = { ...course, contextId: `course-${randomUUID()}` };
    const notTheirs = { ...course, contextId: `course-${randomUUID()}` };
    for (const [context, title] of [[course, 'Week 1'], [course, 'Week 2'], [otherCourse, 'Planning'], [notTheirs, 'Hidden']] as const) {
      const input = buildNewPlaybook({ placement: { ...context, resourceLinkId: randomUUID() } });
      await playbooks.create({ ...input, playbook: { ...input.playbook, title } });
    }

    const ofCourse = await playbooks.listByContext(course);
    expect(ofCourse.map((s) => s.title).sort()).toEqual(['Week 1', 'Week 2']);
    expect(ofCourse[0]).toMatchObject({ placement: { contextId: course.contextId }, status: 'published', outcomeTitles: ['Project plan', 'Risk analysis'], revision: 1 });

    const taught = await playbooks.listByContexts([course, otherCourse]);
    expect(taught.map((s) => s.title).sort()).toEqual(['Planning', 'Week 1', 'Week 2']);
    expect(await playbooks.listByContexts([])).toEqual([]);
  });
});

describe('teachers editing at the same time', () => {
  it('when two teachers save the playbook they both read, then the later, stale save is refused and the first one stays', async () => {
    const { playbook, outcomes, revision } = await playbooks.create(buildNewPlaybook());

    const first = await playbooks.save({ playbook: { ...playbook, title: 'Renamed by Anna' }, outcomes }, revision);
    expect(first.revision).toBe(revision + 1);

    const stale = playbooks.save({ playbook: { ...playbook, title: 'Renamed by Bas' }, outcomes: [] }, revision);
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'version_conflict', params: { expected: revision, actual: revision + 1 } });

    const stored = await playbooks.get(playbook.id);
    expect(stored?.playbook.title).toBe('Renamed by Anna');
    expect(stored?.outcomes).toStrictEqual(outcomes);
  });

  it('when a playbook goes back to draft, then its publication date is gone', async () => {
    const { playbook, outcomes, revision } = await playbooks.create(buildNewPlaybook());
    const { publishedAt: _p, ...unpublished } = playbook;

    const saved = await playbooks.save({ playbook: { ...unpublished, status: 'draft' }, outcomes }, revision);

    expect(saved.playbook.status).toBe('draft');
    expect(saved.playbook).not.toHaveProperty('publishedAt');
    expect((await playbooks.get(playbook.id))?.playbook).toStrictEqual(saved.playbook);
  });

  it('when a playbook that does not exist is saved, then it is reported as not found', async () => {
    const { playbook } = buildNewPlaybook();
    await expect(playbooks.save({ playbook: { ...playbook, id: randomUUID(), placementId: 'x' }, outcomes: [] }, 1)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('importing a playbook file', () => {
  function importedFrom(title: string) {
    const source = buildPlaybook({ title, outcomeIds: ['lo-a'] });
    const file = exportPlaybook(source, [buildOutcome({ id: 'lo-a', title: `${title} outcome` })]);
    const parsed = parseImport(file, { newId: randomUUID });
    if (!parsed.ok) throw new Error('the exported file should import');
    return parsed.value;
  }

  it('when a file is imported, then design and outcomes are replaced in one write and the course’s own fields stay', async () => {
    const created = await playbooks.create(buildNewPlaybook());
    const imported = importedFrom('Imported design');

    const saved = await playbooks.replaceFromImport(created.playbook.id, imported, created.revision);

    expect(saved.revision).toBe(created.revision + 1);
    expect(saved.playbook).toStrictEqual({
      ...imported.playbook,
      id: created.playbook.id,
      placementId: created.playbook.placementId,
      status: created.playbook.status,
      publishedAt: created.playbook.publishedAt,
      courseStartDate: created.playbook.courseStartDate,
    });
    expect(saved.outcomes).toStrictEqual(imported.outcomes);
    expect(await playbooks.get(created.playbook.id)).toStrictEqual(saved);
  });

  it('when an import is based on a stale revision, then nothing of it is stored', async () => {
    const created = await playbooks.create(buildNewPlaybook());
    const edited = await playbooks.save({ playbook: { ...created.playbook, title: 'Edited meanwhile' }, outcomes: created.outcomes }, created.revision);

    await expect(playbooks.replaceFromImport(created.playbook.id, importedFrom('Too late'), created.revision)).rejects.toMatchObject({
      code: 'version_conflict',
    });

    expect(await playbooks.get(created.playbook.id)).toStrictEqual(edited);
  });
});
