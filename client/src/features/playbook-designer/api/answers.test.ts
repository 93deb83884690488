// The designer's answers as the server writes them (its own views, through JSON) pass the client's schemas; other shapes are refused.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { buildOutcome, buildPlaybook } from '../../../../../server/domain/test-factories';
import type { StoredPlaybook } from '../../../../../server/features/playbooks/data/playbook-repository';
import { designView, outcomeDesignView } from '../../../../../server/features/playbooks/views';
import { designSchema, outcomeSchema } from './schemas';

const overJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

function stored(overrides: Partial<StoredPlaybook> = {}): StoredPlaybook {
  const at = new Date('2026-02-01T09:00:00Z');
  return {
    placement: { platformId: 'p', deploymentId: 'd', contextId: 'c', resourceLinkId: 'rl' },
    playbook: buildPlaybook(),
    outcomes: [buildOutcome()],
    revision: 7,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

describe('the teacher’s design as the designer reads it', () => {
  it('accepts the server’s design view with its revision, outcomes and dates as strings', () => {
    const design = z.parse(designSchema, overJson(designView(stored())));
    expect(design.revision).toBe(7);
    expect(design.outcomes.map((o) => o.title)).toEqual(['Project plan']);
    expect(design.assessmentWindows[0]?.from).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(design.playcards.cards.length).toBeGreaterThan(0);
  });

  it('accepts a fresh draft: no publication date, no course start, an outcome still missing parts of its statement', () => {
    const { publishedAt: _never, ...draftOutcome } = buildOutcome({ status: 'draft', tuning: { verb: '', competence: '', subject: '', standard: '', context: '' } });
    const draft = stored({ playbook: buildPlaybook({ status: 'draft', publishedAt: undefined, courseStartDate: undefined }), outcomes: [draftOutcome] });
    const design = z.parse(designSchema, overJson(designView(draft)));
    expect(design.publishedAt).toBeNull();
    expect(design.courseStartDate).toBeNull();
    expect(design.outcomes[0]?.statement.missing).toContain('verb');
    expect(z.parse(outcomeSchema, overJson(outcomeDesignView(draftOutcome))).publishProblems.length).toBeGreaterThan(0);
  });

  it('refuses a design without the revision a save must send', () => {
    const { revision: _gone, ...withoutRevision } = overJson(designView(stored())) as Record<string, unknown>;
    expect(z.safeParse(designSchema, withoutRevision).success).toBe(false);
  });
});
