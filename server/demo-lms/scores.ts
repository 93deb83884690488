// AGS scores (recorded as received, judged by the quirk's rules) and the results container.
import express, { type Request } from 'express';
import { agsJson, findLineItem } from './ags';
import { scoreBodySchema, type ScoreBody } from './ags-schema';
import { requireToken } from './bearer';
import { MediaType, Scope } from '../lti/claims';
import type { LmsContext } from './context';
import { describeZodError, LmsError } from './errors';
import { withQuery } from './id-token';
import { paginate, plainQuery } from './paging';
import type { GradebookResult, LineItem } from './state';

export function scoresRouter(ctx: LmsContext): express.Router {
  const router = express.Router();

  router.post('/ags/:contextId/lineitems/:lineItemId/scores', agsJson, (req, res) => {
    const token = requireToken(ctx, req, [Scope.score]);
    const item = findLineItem(ctx, req, token.clientId);
    const record = { lineItemId: item.id, userId: userIdOf(req.body), receivedAt: ctx.now(), body: req.body as unknown, headers: headersOf(req) };
    try {
      acceptScore(ctx, item, req);
    } catch (error) {
      ctx.state.scores.push({ ...record, status: error instanceof LmsError ? error.status : 500, accepted: false });
      throw error;
    }
    const profile = ctx.profile();
    ctx.state.scores.push({ ...record, status: profile.scoreAcceptedStatus, accepted: true });
    if (profile.quirks === 'canvas') {
      res.status(200).json({ resultUrl: resultUrl(ctx, item, record.userId ?? '') });
    } else {
      res.status(profile.scoreAcceptedStatus).end();
    }
  });

  router.get('/ags/:contextId/lineitems/:lineItemId/results', (req, res) => {
    const token = requireToken(ctx, req, [Scope.resultReadOnly]);
    const item = findLineItem(ctx, req, token.clientId);
    const query = plainQuery(req.query);
    const results = [...ctx.state.results.values()].filter(
      (result) => result.lineItemId === item.id && (query.user_id === undefined || result.userId === query.user_id),
    );
    const page = paginate(results, query, ctx.urls.lineItem(item.contextId, item.id) + '/results');
    if (page.link) res.set('Link', page.link);
    res.type(MediaType.resultContainer).send(JSON.stringify(page.items.map((result) => resultJson(ctx, item, result))));
  });

  return router;
}

function acceptScore(ctx: LmsContext, item: LineItem, req: Request): void {
  if (!req.is(MediaType.score)) throw new LmsError(415, 'unsupported_media_type', `Content-Type must be ${MediaType.score}`);
  const parsed = scoreBodySchema.safeParse(req.body);
  if (!parsed.success) throw new LmsError(400, 'invalid_request', describeZodError(parsed.error));
  const score = parsed.data;
  const profile = ctx.profile();
  checkUser(ctx, score.userId);
  if (score.scoreGiven !== undefined && score.scoreMaximum === undefined) {
    throw new LmsError(profile.strictScoreTarget ? 422 : 400, 'invalid_request', 'scoreMaximum is required when scoreGiven is present');
  }
  const key = ctx.state.resultKey(item.id, score.userId);
  const previous = ctx.state.results.get(key);
  if (previous) checkTimestamp(ctx, Date.parse(previous.timestamp), Date.parse(score.timestamp));
  ctx.state.results.set(key, toResult(ctx, item, score));
}

function checkUser(ctx: LmsContext, userId: string): void {
  const profile = ctx.profile();
  const member = ctx.roster.find(userId);
  if (profile.strictScoreTarget) {
    if (member?.role !== 'student') throw new LmsError(422, 'invalid_request', 'User not found in course or is not a student');
    return;
  }
  if (member) return;
  if (profile.enrolmentErrors) {
    if (ctx.roster.wasEnrolled(userId)) throw new LmsError(403, 'forbidden', 'the user is not enrolled in this course');
    throw new LmsError(404, 'not_found', 'no such user');
  }
  throw new LmsError(400, 'invalid_request', 'userId: not a member of this context');
}

function checkTimestamp(ctx: LmsContext, previous: number, incoming: number): void {
  switch (ctx.profile().staleScore) {
    case 'spec-409':
      if (incoming <= previous) throw new LmsError(409, 'conflict', 'a score with the same or a later timestamp is already recorded');
      return;
    case 'earlier-400':
      if (incoming < previous) throw new LmsError(400, 'invalid_request', 'Provided timestamp of score is before the last updated timestamp');
      return;
    case 'same-second-409':
      if (Math.floor(incoming / 1000) <= Math.floor(previous / 1000)) throw new LmsError(409, 'conflict', 'a score was already recorded in this second');
      return;
  }
}

/**
 * What the gradebook stores for an accepted score: it replaces the cell. A score without scoreGiven, or
 * with a gradingProgress the LMS does not keep scores for, leaves the cell EMPTY, as the real ones do:
 * Moodle nulls scoreGiven unless FullyGraded and saves it (gradebookservices scores.php, save_grade_item);
 * Canvas sets the submission's score to nil (scores_controller.rb score_submission, ignore_score?).
 */
function toResult(ctx: LmsContext, item: LineItem, score: ScoreBody): GradebookResult {
  const graded = ctx.profile().scoreKeptFor.includes(score.gradingProgress);
  const given = graded && score.scoreGiven !== undefined && score.scoreMaximum ? score.scoreGiven : undefined;
  return {
    lineItemId: item.id,
    userId: score.userId,
    // The gradebook keeps scores on the line item's own scale.
    resultScore: given === undefined || !score.scoreMaximum ? undefined : (given / score.scoreMaximum) * item.scoreMaximum,
    resultMaximum: item.scoreMaximum,
    comment: score.comment,
    timestamp: score.timestamp,
    activityProgress: score.activityProgress,
    gradingProgress: score.gradingProgress,
  };
}

/** A teacher edits the grade in the LMS's own gradebook, behind the tool's back (a test and demo hook). */
export function setGradebookValue(ctx: Pick<LmsContext, 'state' | 'now'>, props: { lineItemId: string; userId: string; resultScore: number | undefined }): void {
  const key = ctx.state.resultKey(props.lineItemId, props.userId);
  const item = ctx.state.lineItems.get(props.lineItemId);
  if (!item) throw new Error(`no line item ${props.lineItemId}`);
  const previous = ctx.state.results.get(key);
  ctx.state.results.set(key, {
    lineItemId: item.id,
    userId: props.userId,
    resultScore: props.resultScore,
    resultMaximum: item.scoreMaximum,
    comment: previous?.comment,
    // An edit in the LMS's own gradebook is not a tool score: the last score's timestamp stays.
    timestamp: previous?.timestamp ?? new Date(ctx.now()).toISOString(),
    activityProgress: previous?.activityProgress ?? 'Completed',
    gradingProgress: 'FullyGraded',
  });
}

function resultUrl(ctx: LmsContext, item: LineItem, userId: string): string {
  return withQuery(ctx, `${ctx.urls.lineItem(item.contextId, item.id)}/results/${encodeURIComponent(userId)}`);
}

function resultJson(ctx: LmsContext, item: LineItem, result: GradebookResult): Record<string, unknown> {
  // Moodle (gradebookservices.php result_for_json) sends score, maximum, comment and scoreOf only when
  // !empty($grade->finalgrade): an empty grade, and a grade of 0, come back as a bare { id, userId }.
  if (ctx.profile().quirks === 'moodle' && !result.resultScore) return { id: resultUrl(ctx, item, result.userId), userId: result.userId };
  return {
    id: resultUrl(ctx, item, result.userId),
    scoreOf: withQuery(ctx, ctx.urls.lineItem(item.contextId, item.id)),
    userId: result.userId,
    resultScore: result.resultScore,
    resultMaximum: result.resultMaximum,
    comment: result.comment,
  };
}

function userIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('userId' in body)) return undefined;
  return typeof body.userId === 'string' ? body.userId : undefined;
}

function headersOf(req: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
  return headers;
}
