// The teacher writes learning outcomes: Tuning parts, indicators, possible evidence, the assessment, the rubric, and publishes them.
import type { EvidenceForm, LearningOutcome, TuningParts } from '../../../domain/outcome';
import { publishOutcome } from '../../../domain/outcome-publishing';
import type { Rubric, RubricLevel } from '../../../domain/rubric';
import { NotFoundError } from '../../../errors';
import type { LaunchSession } from '../../../lti/session-token';
import type { StoredPlaybook } from '../data/playbook-repository';
import { changePlacementPlaybook, clockOf, idMakerOf, type PlaybookContents, type PlaybookDeps } from './placement-playbook';
import { guardOutcomeChange } from './published-guard';

/** The parts of an outcome the teacher writes; a part without an id is new and gets one. */
export interface OutcomeInput {
  title: string;
  tuning: TuningParts;
  indicators: { id?: string; text: string }[];
  possibleEvidence: { id?: string; form: EvidenceForm; description: string }[];
  /** LOT asks for exactly one, integrated; the quality report says so, saving does not insist. */
  assessments: { id?: string; title: string; description: string; integrated: boolean }[];
}

/** Level ids come from the client, so a criterion's pass level can point at a level that is new in the same request. */
export interface RubricInput {
  criteria: { id?: string; title: string; description?: string; weight: number; levels: RubricLevel[]; passLevelId?: string }[];
}

interface Edit {
  session: LaunchSession;
  revision: number;
}

/** A change to an outcome students may already have seen: without `confirm`, such a change is refused (see published-guard). */
interface GuardedEdit extends Edit {
  confirm?: boolean;
}

export async function createOutcome(deps: PlaybookDeps, props: Edit & { outcome: OutcomeInput }): Promise<{ stored: StoredPlaybook; outcomeId: string }> {
  const newId = idMakerOf(deps);
  const outcome: LearningOutcome = { id: newId(), ...withIds(props.outcome, newId), rubric: { criteria: [] }, status: 'draft' };
  const stored = await changePlacementPlaybook(deps, {
    ...props,
    change: ({ playbook, outcomes }) => ({
      playbook: { ...playbook, outcomeIds: [...playbook.outcomeIds, outcome.id] },
      outcomes: [...outcomes, outcome],
    }),
  });
  return { stored, outcomeId: outcome.id };
}

/** Replaces what the teacher writes; the rubric and the publication stay as they are. */
export function updateOutcome(deps: PlaybookDeps, props: GuardedEdit & { outcomeId: string; outcome: OutcomeInput }): Promise<StoredPlaybook> {
  const newId = idMakerOf(deps);
  return changeOutcome(deps, props, (current) => ({ ...current, ...withIds(props.outcome, newId) }));
}

export function setRubric(deps: PlaybookDeps, props: GuardedEdit & { outcomeId: string; rubric: RubricInput }): Promise<StoredPlaybook> {
  const newId = idMakerOf(deps);
  const rubric: Rubric = { criteria: props.rubric.criteria.map((c) => ({ ...c, id: c.id ?? newId() })) };
  return changeOutcome(deps, props, (current) => ({ ...current, rubric }));
}

/** Refused with `outcome_incomplete` and the missing parts; publishing twice keeps the first date. */
export function publishOutcomeOfPlaybook(deps: PlaybookDeps, props: Edit & { outcomeId: string }): Promise<StoredPlaybook> {
  const now = clockOf(deps);
  return changeOutcome(deps, props, (outcome) => publishOutcome({ outcome, now }));
}

export function deleteOutcome(deps: PlaybookDeps, props: GuardedEdit & { outcomeId: string }): Promise<StoredPlaybook> {
  return changePlacementPlaybook(deps, {
    ...props,
    record: (before, after) => guardOutcomeChange({ before, after, outcomeId: props.outcomeId, confirm: props.confirm === true }),
    change: ({ playbook, outcomes }) => {
      findOutcome(outcomes, props.outcomeId);
      return {
        playbook: { ...playbook, outcomeIds: playbook.outcomeIds.filter((id) => id !== props.outcomeId) },
        outcomes: outcomes.filter((o) => o.id !== props.outcomeId),
      };
    },
  });
}

function changeOutcome(deps: PlaybookDeps, props: GuardedEdit & { outcomeId: string }, change: (outcome: LearningOutcome) => LearningOutcome): Promise<StoredPlaybook> {
  return changePlacementPlaybook(deps, {
    ...props,
    record: (before, after) => guardOutcomeChange({ before, after, outcomeId: props.outcomeId, confirm: props.confirm === true }),
    change: ({ playbook, outcomes }): PlaybookContents => {
      findOutcome(outcomes, props.outcomeId);
      return { playbook, outcomes: outcomes.map((o) => (o.id === props.outcomeId ? change(o) : o)) };
    },
  });
}

/** Only outcomes of this placement's playbook are found: an id from another course is simply not there. */
export function findOutcome(outcomes: LearningOutcome[], outcomeId: string): LearningOutcome {
  const outcome = outcomes.find((o) => o.id === outcomeId);
  if (!outcome) throw new NotFoundError(`This playbook has no learning outcome ${outcomeId}.`);
  return outcome;
}

function withIds(input: OutcomeInput, newId: () => string): Omit<LearningOutcome, 'id' | 'rubric' | 'status' | 'publishedAt'> {
  return {
    title: input.title,
    tuning: input.tuning,
    indicators: input.indicators.map((i) => ({ ...i, id: i.id ?? newId() })),
    possibleEvidence: input.possibleEvidence.map((e) => ({ ...e, id: e.id ?? newId() })),
    assessments: input.assessments.map((a) => ({ ...a, id: a.id ?? newId() })),
  };
}
