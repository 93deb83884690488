// Queues what a grading or progress event should send, by the gradebook rule: after a teacher's grade, progress never goes out alone.
import { decideScore, gradebookFamilyOf } from '../../../domain/grading/index';
import type { Logger } from '../../../logger';
import type { PlatformRegistry } from '../../../lti/store/platforms';
import { cellKey, type EnqueueScoreProps, type Outbox } from '../data/outbox';

export interface EnqueueScoreDeps {
  outbox: Outbox;
  registry: Pick<PlatformRegistry, 'get'>;
  logger?: Logger;
}

/** The delivery id, or undefined when the rule sends nothing (Moodle, progress after a grade). */
export async function enqueueScore(deps: EnqueueScoreDeps, props: EnqueueScoreProps): Promise<string | undefined> {
  const progressOnly = props.score.scoreGiven === undefined;
  // A teacher's grade goes out whatever the LMS (decideScore looks at the family only for progress): a class's
  // grades queue without a platform read each.
  const [platform, standing] = progressOnly
    ? await Promise.all([deps.registry.get(props.platformId), deps.outbox.standingGrade(cellKey(props))])
    : [undefined, undefined];
  const grade = standing?.score;
  const decision = decideScore({
    family: gradebookFamilyOf(platform?.productFamily),
    score: props.score,
    ...(grade?.scoreGiven !== undefined && grade.scoreMaximum !== undefined && {
      standing: { scoreGiven: grade.scoreGiven, scoreMaximum: grade.scoreMaximum, ...(grade.comment !== undefined && { comment: grade.comment }) },
    }),
  });
  if (!decision.send) {
    deps.logger?.info({ contextId: props.contextId, reason: decision.reason }, 'progress not sent: the gradebook keeps the teacher’s grade');
    return undefined;
  }
  const { id } = await deps.outbox.enqueue({ ...props, score: decision.score });
  return id;
}
