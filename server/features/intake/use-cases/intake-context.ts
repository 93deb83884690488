// The playbook, outcomes and intake design every intake request acts on: those of the launched placement only.
import type { IntakeDesign } from '../../../domain/intake/index';
import type { LearningOutcome } from '../../../domain/outcome';
import type { Playbook } from '../../../domain/playbook';
import type { LaunchSession } from '../../../lti/session-token';
import { playbookOfPlacement } from '../../placements/index';
import type { StoredDesign } from '../data/intake-repository';
import type { IntakeDeps } from '../deps';
import { noPlaybook } from '../errors';

export interface IntakeContext {
  playbook: Playbook;
  outcomes: LearningOutcome[];
  /** The stored design; undefined until the teacher adds an intake. */
  stored: StoredDesign | undefined;
  /** The design to work with: the stored one, or an empty one. */
  design: IntakeDesign;
}

export interface IntakeContextProps {
  session: LaunchSession;
  /** Students only reach a published playbook; staff also one in design. */
  audience: 'student' | 'staff';
}

export async function intakeContext(deps: IntakeDeps, { session, audience }: IntakeContextProps): Promise<IntakeContext> {
  const { playbooks, records } = deps.learningRoutes;
  const found = await playbookOfPlacement({ playbooks, records }, { session });
  if (!found || (audience === 'student' && found.playbook.status !== 'published')) throw noPlaybook();
  const stored = await deps.intakes.getDesign(found.playbook.id);
  return { playbook: found.playbook, outcomes: found.outcomes, stored, design: stored ?? { outcomes: [] } };
}
