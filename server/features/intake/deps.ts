// What the intake use cases work with: its own store, and the learning routes' and evidence's stores handed in by the composition root.
import type { Connection } from 'mongoose';
import type { Attempt, EvidenceDeps } from '../evidence/index';
import type { LearningRouteDeps } from '../learning-routes/index';
import { createIntakeRepository, type IntakeRepository } from './data/intake-repository';

export interface IntakeDeps {
  intakes: IntakeRepository;
  /** Playbooks, routes, course records, class list, coach assignments and the clock: the learning routes' own. */
  learningRoutes: LearningRouteDeps;
  /** Every graded attempt of a playbook (the evidence feature's store): grades weigh more than the intake. */
  gradedAttempts: (playbookId: string) => Promise<Attempt[]>;
}

export function createIntakeDeps(props: { connection: Connection; learningRoutes: LearningRouteDeps; evidence: Pick<EvidenceDeps, 'attempts'> }): IntakeDeps {
  return {
    intakes: createIntakeRepository(props.connection),
    learningRoutes: props.learningRoutes,
    gradedAttempts: (playbookId) => props.evidence.attempts.listByStatus(playbookId, ['graded']),
  };
}
