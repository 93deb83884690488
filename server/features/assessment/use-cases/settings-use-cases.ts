// Use cases: a teacher reads and changes how this placement grades (per outcome, and the final grade).
import { NotFoundError, ValidationError } from '../../../errors';
import type { LaunchSession } from '../../../lti/session-token';
import type { EvidenceDeps } from '../../evidence/index';
import { placementPlaybook } from '../../evidence/index';
import { DEFAULT_FINAL_SETTINGS, outcomeSettings, type FinalGradeSettings, type OutcomeGradingSettings } from './grading-settings';

export interface EffectiveGradingSettings {
  outcomes: Array<{ outcomeId: string; title: string } & OutcomeGradingSettings>;
  final: FinalGradeSettings;
}

export async function readGradingSettings(deps: EvidenceDeps, { session }: { session: LaunchSession }): Promise<EffectiveGradingSettings> {
  const stored = await placementPlaybook(deps, session);
  const settings = await deps.settings.get(stored.playbook.id);
  return {
    outcomes: stored.outcomes.map((o) => ({ outcomeId: o.id, title: o.title, ...outcomeSettings(settings, o.id) })),
    final: settings.final ?? DEFAULT_FINAL_SETTINGS,
  };
}

export async function setOutcomeGradingSettings(
  deps: EvidenceDeps,
  { session, outcomeId, settings }: { session: LaunchSession; outcomeId: string; settings: OutcomeGradingSettings },
): Promise<EffectiveGradingSettings> {
  const stored = await placementPlaybook(deps, session);
  if (!stored.outcomes.some((o) => o.id === outcomeId)) throw new NotFoundError('This learning outcome does not exist in this course.');
  await deps.settings.setOutcome(stored.playbook.id, outcomeId, settings);
  return readGradingSettings(deps, { session });
}

export async function setFinalGradeSettings(
  deps: EvidenceDeps,
  { session, settings }: { session: LaunchSession; settings: FinalGradeSettings },
): Promise<EffectiveGradingSettings> {
  const stored = await placementPlaybook(deps, session);
  // A weight for an outcome this playbook does not have would be stored and silently ignored by the final grade.
  const stray = Object.keys(settings.weights).find((outcomeId) => !stored.outcomes.some((o) => o.id === outcomeId));
  if (stray !== undefined) throw new ValidationError(`weights.${stray}: is not a learning outcome of this playbook`, { field: `weights.${stray}` });
  await deps.settings.setFinal(stored.playbook.id, settings);
  return readGradingSettings(deps, { session });
}
