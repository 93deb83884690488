// Sends what grading produces to the LMS gradebook through the outbox: the final grade (and, when asked, per outcome).
import type { GradePublisher } from '../../assessment/index';
import type { Logger } from '../../../logger';
import type { CourseRecords } from '../../../lti/store/course-records';
import type { PlacementKey } from '../../playbooks/index';
import type { DeliveryLineItem } from '../data/delivery-model';
import type { Grades } from '../index';

/** The tag of the placement's final-grade column; deep linking creates it with this tag too. */
export const FINAL_GRADE_TAG = 'playroute-final-grade';
export const OUTCOME_TAG = 'playroute-outcome';

export interface OutboxPublisherDeps {
  grades: Pick<Grades, 'enqueueScore'>;
  records: CourseRecords;
  logger?: Logger;
  /** Also a gradebook column per learning outcome (off by default: most courses want one column per placement). */
  perOutcomeLineItems?: boolean;
}

export function createOutboxGradePublisher(deps: OutboxPublisherDeps): GradePublisher {
  /** The placement's own line item (from the launch or deep linking), else found or created in the course's container. */
  async function finalLineItem(placement: PlacementKey, playbookId: string, scoreMaximum?: number): Promise<DeliveryLineItem | undefined> {
    const link = await deps.records.getPlacement(placement.platformId, placement.deploymentId, placement.resourceLinkId);
    if (link?.lineItemUrl) return { url: link.lineItemUrl };
    const context = await courseOf(placement);
    if (!context?.lineItemsUrl) return undefined;
    return {
      lineItemsUrl: context.lineItemsUrl,
      resourceId: playbookId,
      tag: FINAL_GRADE_TAG,
      label: link?.title ?? 'Playroute',
      scoreMaximum: scoreMaximum ?? 10,
      resourceLinkId: placement.resourceLinkId,
    };
  }

  // The course record is keyed without the resource link.
  function courseOf({ platformId, deploymentId, contextId }: PlacementKey) {
    return deps.records.getContext({ platformId, deploymentId, contextId });
  }

  async function enqueue(placement: PlacementKey, userId: string, lineItem: DeliveryLineItem | undefined, score: Parameters<Grades['enqueueScore']>[0]['score']) {
    // An LMS that offers no grade service for this course simply gets nothing; the grade stays in Playroute.
    if (!lineItem) {
      deps.logger?.info({ contextId: placement.contextId }, 'no AGS line item for this placement; grade kept in Playroute only');
      return;
    }
    const { platformId, deploymentId, contextId, resourceLinkId } = placement;
    await deps.grades.enqueueScore({ platformId, deploymentId, contextId, resourceLinkId, userId, lineItem, score });
  }

  return {
    async publishFinalGrade(p) {
      const lineItem = await finalLineItem(p.placement, p.playbookId, p.grade.scoreMaximum);
      await enqueue(p.placement, p.studentSub, lineItem, {
        scoreGiven: p.grade.scoreGiven,
        scoreMaximum: p.grade.scoreMaximum,
        comment: p.comment,
        activityProgress: p.activityProgress,
        gradingProgress: p.gradingProgress,
      });
    },
    async publishOutcomeResult(p) {
      if (!deps.perOutcomeLineItems) return;
      const context = await courseOf(p.placement);
      if (!context?.lineItemsUrl) return;
      await enqueue(p.placement, p.studentSub, {
        lineItemsUrl: context.lineItemsUrl,
        resourceId: `${p.playbookId}:${p.outcomeId}`,
        tag: OUTCOME_TAG,
        label: p.outcomeId,
        scoreMaximum: p.grade.scoreMaximum,
        resourceLinkId: p.placement.resourceLinkId,
      }, {
        scoreGiven: p.grade.scoreGiven,
        scoreMaximum: p.grade.scoreMaximum,
        comment: p.comment,
        activityProgress: p.activityProgress,
        gradingProgress: p.gradingProgress,
      });
    },
    async publishActivityProgress(p) {
      await enqueue(p.placement, p.studentSub, await finalLineItem(p.placement, p.playbookId), {
        activityProgress: p.activityProgress,
        gradingProgress: p.gradingProgress,
      });
    },
  };
}
