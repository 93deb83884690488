// What a new playbook starts as: a draft with no activities, the default rules and level 2 (the student chooses within the rules).
import { randomUUID } from 'node:crypto';
import { exportPlaybook, parseImport, type PlaybookDesign } from '../domain/playbook-exchange';
import { emptyRules, type Playbook } from '../domain/playbook';
import type { LearningOutcome } from '../domain/outcome';

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
  const result = parseImport(exportPlaybook(playbook, outcomes), { newId: randomUUID });
  if (!result.ok) throw new Error(`a stored playbook did not survive its own export: ${result.issues[0]?.path} ${result.issues[0]?.message}`);
  const design: PlaybookDesign = result.value.playbook;
  return { playbook: { ...design, status: 'draft' }, outcomes: result.value.outcomes };
}
