// The teacher's intake design: read it (staff) and save it over the version read (teacher).
import { intakeDesignIssues, type IntakeOutcome } from '../../../domain/intake/index';
import type { LaunchSession } from '../../../lti/session-token';
import type { IntakeDeps } from '../deps';
import { invalidDesign } from '../errors';
import { intakeContext, type IntakeContext } from './intake-context';

export function readDesign(deps: IntakeDeps, { session }: { session: LaunchSession }): Promise<IntakeContext> {
  return intakeContext(deps, { session, audience: 'staff' });
}

export interface SaveDesignProps {
  session: LaunchSession;
  /** The version read; 0 adds the intake. */
  version: number;
  outcomes: IntakeOutcome[];
}

export async function saveDesign(deps: IntakeDeps, { session, version, outcomes }: SaveDesignProps): Promise<IntakeContext> {
  const context = await intakeContext(deps, { session, audience: 'staff' });
  const design = { outcomes };
  const issues = intakeDesignIssues(design, context.outcomes);
  if (issues.length > 0) throw invalidDesign(issues);
  const stored = await deps.intakes.saveDesign(context.playbook.id, design, { expectedVersion: version, by: session.sub, at: deps.learningRoutes.now() });
  return { ...context, stored, design: stored };
}
