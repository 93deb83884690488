// What a new playbook starts as: a draft with no activities, the default rules and level 2 (the student chooses within the rules).
import { randomUUID } from 'node:crypto';
import { exportPlaybook, parseImport, type PlaybookDesign } from '../../../domain/playbook-exchange';
import { emptyRules, type Playbook } from '../../../domain/playbook';
import type { LearningOutcome } from '../../../domain/outcome';
import { webUrlSchema } from '../../../domain/web-link';

export function emptyPlaybook(title: string): Omit<Playbook, 'id' | 'placementId'> {
  return {
    title,
    description: '',
    outcomeIds: [],
    activities: [],
    recommendedRoute: [],
    rules: emptyRules(),
    selfDirectionLevel: 2,
    assessmentWindows: [],
    status: 'draft',
  };
}

/**
 * A copy for another course goes through the exchange format, so every id is new and every
 * reference (prerequisites, recommended route, rules) stays consistent; it starts as a draft.
 */
export function copyOfPlaybook(playbook: Playbook, outcomes: LearningOutcome[]): { playbook: Omit<Playbook, 'id' | 'placementId'>; outcomes: LearningOutcome[] } {
  const result = parseImport(exportPlaybook(withWebLinksOnly(playbook), outcomes), { newId: randomUUID });
  if (!result.ok) throw new Error(`a stored playbook did not survive its own export: ${result.issues[0]?.path} ${result.issues[0]?.message}`);
  const design: PlaybookDesign = result.value.playbook;
  return { playbook: { ...design, status: 'draft' }, outcomes: result.value.outcomes };
}

/** A playbook stored before links had to be web addresses may hold a javascript: or data: link: the copy leaves it out rather than failing. */
function withWebLinksOnly(playbook: Playbook): Playbook {
  return {
    ...playbook,
    activities: playbook.activities.map((activity) => ({ ...activity, links: activity.links.filter((link) => webUrlSchema.safeParse(link.url).success) })),
  };
}
