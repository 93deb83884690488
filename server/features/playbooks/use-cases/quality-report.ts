// The quality report of the placement's playbook: every LOT check, and what would stop it from being published.
import { runQualityChecks, type QualityCheckResult } from '../../../domain/quality-checks';
import type { LaunchSession } from '../../../lti/session-token';
import type { StoredPlaybook } from '../data/playbook-repository';
import { placementPlaybook, type PlaybookDeps } from './placement-playbook';
import { publishReadiness, type PublishReadiness } from './publish-readiness';

export async function qualityReport(
  deps: PlaybookDeps,
  props: { session: LaunchSession },
): Promise<{ stored: StoredPlaybook; checks: QualityCheckResult[]; readiness: PublishReadiness }> {
  const stored = await placementPlaybook(deps, props);
  return { stored, checks: runQualityChecks(stored), readiness: publishReadiness(stored) };
}
