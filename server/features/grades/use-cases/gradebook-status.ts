// The teacher's check of the gradebook: per student and grade column, the grade Playroute believes the LMS holds, what the LMS says it holds, and a resend.
import { gradebookFamilyOf } from '../../../domain/grading/index';
import { NotFoundError } from '../../../errors';
import type { AgsClient } from '../../../lti/ags-client';
import type { PlatformRegistry } from '../../../lti/store/platforms';
import type { DeliveryState, ScoreDelivery } from '../data/delivery-model';
import { inScope, toView, type DeliveryScope, type DeliveryView } from './delivery-status';
import type { Outbox } from '../data/outbox';

export type GradebookCheck = 'agrees' | 'differs' | 'unchecked';

/** One student's cell in one grade column, as the teacher sees it. */
export interface GradebookRow {
  /** The delivery of the grade shown: the one to resend. */
  id: string;
  userId: string;
  resourceLinkId?: string;
  lineItem: { label?: string; resourceId?: string; tag?: string; url?: string };
  /** The newest grade the LMS accepted: what Playroute believes the gradebook holds. */
  believed?: { scoreGiven: number; scoreMaximum: number; sentAt?: Date };
  /** A newer grade not (yet) accepted: waiting, sending or failed. */
  pending?: { scoreGiven: number; scoreMaximum: number; state: DeliveryState; reason?: string };
  /** What the LMS's results service returned; absent values mean an empty cell. */
  lms?: { resultScore?: number; resultMaximum?: number };
  check: GradebookCheck;
  /** Why it could not be checked. */
  reason?: string;
}

export interface GradebookDeps {
  outbox: Outbox;
  ags: Pick<AgsClient, 'readResult'>;
  registry: Pick<PlatformRegistry, 'get'>;
}

/** Read-backs at once: a class is read in a few seconds without flooding the LMS. */
const READ_CONCURRENCY = 4;
/** Gradebooks keep a few decimals (Moodle five, rescaled to the column): compare as fractions of the maximum. */
const TOLERANCE = 0.0005;

export async function gradebookStatus(deps: GradebookDeps, props: { scope: DeliveryScope; userId?: string }): Promise<GradebookRow[]> {
  const deliveries = await deps.outbox.list({ ...props.scope, ...(props.userId && { userId: props.userId }), states: ['waiting', 'sending', 'sent', 'failed'] });
  const cells = new Map<string, ScoreDelivery[]>();
  for (const delivery of deliveries) {
    if (delivery.score.scoreGiven === undefined) continue;
    cells.set(delivery.key, [...(cells.get(delivery.key) ?? []), delivery]);
  }
  const rows = [...cells.values()].map((grades) => rowOf(grades.sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime())));
  const queue = [...rows];
  await Promise.all(
    Array.from({ length: READ_CONCURRENCY }, async () => {
      for (let row = queue.shift(); row; row = queue.shift()) await readBack(deps, row.row, row.sent);
    }),
  );
  return rows.map(({ row }) => row);
}

function rowOf(newestFirst: ScoreDelivery[]): { row: GradebookRow; sent?: ScoreDelivery } {
  const sent = newestFirst.find((d) => d.state === 'sent');
  const newest = newestFirst[0] as ScoreDelivery;
  const shown = sent ?? newest;
  const view = toView(shown);
  const row: GradebookRow = {
    id: shown.id,
    userId: shown.userId,
    ...(shown.resourceLinkId !== undefined && { resourceLinkId: shown.resourceLinkId }),
    lineItem: view.lineItem,
    ...(sent && { believed: { scoreGiven: sent.score.scoreGiven as number, scoreMaximum: sent.score.scoreMaximum as number, ...(sent.sentAt && { sentAt: sent.sentAt }) } }),
    ...(newest !== sent && {
      pending: { scoreGiven: newest.score.scoreGiven as number, scoreMaximum: newest.score.scoreMaximum as number, state: newest.state, ...(newest.lastError && { reason: newest.lastError }) },
    }),
    check: 'unchecked',
  };
  return { row, ...(sent && { sent }) };
}

async function readBack(deps: GradebookDeps, row: GradebookRow, sent: ScoreDelivery | undefined): Promise<void> {
  if (!sent) {
    row.reason = 'No grade has reached the gradebook yet.';
    return;
  }
  const platform = await deps.registry.get(sent.platformId);
  if (!platform || !sent.lineItem.url) {
    row.reason = platform ? 'Playroute does not know the grade column’s address.' : 'The LMS is no longer registered with Playroute.';
    return;
  }
  try {
    const result = await deps.ags.readResult(platform, sent.lineItem.url, sent.userId);
    row.lms = { ...(result?.resultScore !== undefined && { resultScore: result.resultScore }), ...(result?.resultMaximum !== undefined && { resultMaximum: result.resultMaximum }) };
    // Moodle's results leave out a grade of 0 exactly as an empty one (result_for_json: !empty($grade->finalgrade)).
    if (gradebookFamilyOf(platform.productFamily) === 'moodle' && sent.score.scoreGiven === 0 && result?.resultScore === undefined) {
      delete row.lms;
      row.reason = 'Moodle reports a grade of 0 and an empty grade alike, so Playroute cannot tell them apart.';
      return;
    }
    row.check = agrees(sent, result) ? 'agrees' : 'differs';
  } catch (error) {
    // No result.readonly scope, no results service, or the LMS did not answer: say so rather than guess.
    row.reason = error instanceof Error ? error.message : 'The LMS did not answer.';
  }
}

function agrees(sent: ScoreDelivery, result: { resultScore?: number; resultMaximum?: number } | undefined): boolean {
  const { scoreGiven, scoreMaximum } = sent.score;
  if (scoreGiven === undefined || !scoreMaximum) return false;
  if (result?.resultScore === undefined) return false;
  // Without a maximum the LMS speaks the column's scale, which Playroute sets to the grade's maximum.
  const maximum = result.resultMaximum || scoreMaximum;
  return Math.abs(result.resultScore / maximum - scoreGiven / scoreMaximum) < TOLERANCE;
}

/** Queues the cell's standing grade again, with a fresh timestamp: the teacher's repair after a differing read-back. */
export async function resendGrade(deps: { outbox: Outbox; wake?: () => void }, props: { scope: DeliveryScope; id: string }): Promise<DeliveryView> {
  const found = await deps.outbox.get(props.id);
  if (!found || !inScope(found, props.scope)) throw new NotFoundError('There is no such grade in this course.');
  const standing = await deps.outbox.standingGrade(found.key);
  if (!standing) throw new NotFoundError('There is no grade to send again for this student.');
  const { platformId, deploymentId, contextId, resourceLinkId, userId, lineItem, score } = standing;
  const queued = await deps.outbox.enqueue({ platformId, deploymentId, contextId, ...(resourceLinkId !== undefined && { resourceLinkId }), userId, lineItem, score });
  deps.wake?.();
  const delivery = await deps.outbox.get(queued.id);
  if (!delivery) throw new NotFoundError('There is no such grade in this course.');
  return toView(delivery);
}
