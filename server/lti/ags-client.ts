// Assignment and Grade Services 2.0: find-or-create line items by resourceId + tag, and post scores, on the platform's own terms (Canvas, Moodle, Brightspace).
import { z } from 'zod';
import { MediaType, Scope } from './claims';
import { nextPage } from './nrps-client';
import type { ServiceClient } from './service-client';
import { PlatformServiceError, readFailure } from './service-errors';
import type { TokenPlatform } from './service-token';

/** What identifies a line item of Playroute's within a course, and what it is created with. */
export interface LineItemSpec {
  /** Playroute's id for what is graded, e.g. the learning outcome; with `tag` the key of the line item. */
  resourceId: string;
  tag?: string;
  label: string;
  scoreMaximum: number;
  /** Ties the line item to a placement (resource link), when there is one. */
  resourceLinkId?: string;
}

export interface AgsLineItem {
  /** The line item URL, query string included (Moodle's `?type_id=`). */
  id: string;
  label: string;
  scoreMaximum: number;
  resourceId?: string;
  tag?: string;
  resourceLinkId?: string;
}

export type ActivityProgress = 'Initialized' | 'Started' | 'InProgress' | 'Submitted' | 'Completed';
export type GradingProgress = 'FullyGraded' | 'Pending' | 'PendingManual' | 'Failed' | 'NotReady';

export interface AgsScore {
  userId: string;
  scoreGiven?: number;
  scoreMaximum?: number;
  comment?: string;
  /** ISO 8601; set by Playroute, strictly increasing per line item and student, and sent as is. */
  timestamp: string;
  activityProgress: ActivityProgress;
  gradingProgress: GradingProgress;
}

/** The platform's answer to a score: its status, and when to come back if it asked us to wait. */
export interface ScoreAnswer {
  status: number;
  ok: boolean;
  /** From Retry-After, for 429 and 503. */
  retryAfterMs?: number;
  /** The platform's own error code and words, when it gave them. */
  reason?: string;
  description?: string;
}

/** A failed line item call, with Retry-After when the platform sent one. */
export class AgsServiceError extends PlatformServiceError {
  constructor(failure: PlatformServiceError['failure'], readonly retryAfterMs?: number) {
    super(failure);
  }
}

export interface AgsClient {
  /** The caller's line items in the container that match the filters, all pages. */
  findLineItems(platform: TokenPlatform, lineItemsUrl: string, filter: { resourceId?: string; tag?: string; resourceLinkId?: string }): Promise<AgsLineItem[]>;
  /** The line item with this resourceId and tag, created only when there is none, so a re-run never duplicates one. */
  findOrCreateLineItem(platform: TokenPlatform, lineItemsUrl: string, spec: LineItemSpec): Promise<AgsLineItem & { created: boolean }>;
  /** Posts one score; throws PlatformServiceError only without an answer (network, timeout, no token). */
  postScore(platform: TokenPlatform, lineItemUrl: string, score: AgsScore): Promise<ScoreAnswer>;
  /** What the gradebook holds for one student on a line item (results service, scope result.readonly); undefined when it holds nothing. */
  readResult(platform: TokenPlatform, lineItemUrl: string, userId: string): Promise<AgsResult | undefined>;
}

/** A gradebook value as the results service returns it; Moodle leaves out score and maximum of an empty grade (or a 0). */
export interface AgsResult {
  userId: string;
  resultScore?: number;
  resultMaximum?: number;
  comment?: string;
}

export interface AgsClientDeps {
  services: ServiceClient;
  /** Guard against a platform whose next links never end. Default 100 pages. */
  maxPages?: number;
  pageSize?: number;
}

const FIND_ACTION = 'read the grade columns of the course';
const CREATE_ACTION = 'create a grade column';
const SCORE_ACTION = 'send a grade';
const RESULT_ACTION = 'read a grade back from the gradebook';
const LINE_ITEM_SCOPES = [Scope.lineItem, Scope.score];

const lineItemSchema = z.object({
  id: z.string().min(1),
  label: z.string().default(''),
  scoreMaximum: z.coerce.number(),
  resourceId: z.string().optional().nullable().transform((v) => v ?? undefined),
  tag: z.string().optional().nullable().transform((v) => v ?? undefined),
  resourceLinkId: z.string().optional().nullable().transform((v) => v ?? undefined),
});

const resultSchema = z.object({
  userId: z.string(),
  resultScore: z.number().optional().nullable().transform((v) => v ?? undefined),
  resultMaximum: z.number().optional().nullable().transform((v) => v ?? undefined),
  comment: z.string().optional().nullable().transform((v) => v ?? undefined),
});

export function createAgsClient(deps: AgsClientDeps): AgsClient {
  const maxPages = deps.maxPages ?? 100;
  const pageSize = deps.pageSize ?? 100;

  async function findLineItems(platform: TokenPlatform, lineItemsUrl: string, filter: { resourceId?: string; tag?: string; resourceLinkId?: string }): Promise<AgsLineItem[]> {
    const first = new URL(lineItemsUrl);
    if (filter.resourceId !== undefined) first.searchParams.set('resource_id', filter.resourceId);
    if (filter.tag !== undefined) first.searchParams.set('tag', filter.tag);
    if (filter.resourceLinkId !== undefined) first.searchParams.set('resource_link_id', filter.resourceLinkId);
    if (!first.searchParams.has('limit')) first.searchParams.set('limit', String(pageSize));
    const found: AgsLineItem[] = [];
    const seen = new Set<string>();
    let url: string | undefined = first.toString();
    while (url) {
      if (seen.has(url) || seen.size >= maxPages) throw invalid(FIND_ACTION, `paging did not end after ${seen.size} pages`);
      seen.add(url);
      const response = await deps.services.call(platform, LINE_ITEM_SCOPES, { url, accept: MediaType.lineItemContainer, action: FIND_ACTION });
      if (!response.ok) throw await serviceError(response, FIND_ACTION);
      const page = z.array(lineItemSchema).safeParse(await response.json().catch(() => undefined));
      if (!page.success) throw invalid(FIND_ACTION, 'not a line item container');
      // Some platforms ignore the filters: check them here too.
      found.push(
        ...page.data.filter(
          (item) =>
            (filter.resourceId === undefined || item.resourceId === filter.resourceId) &&
            (filter.tag === undefined || item.tag === filter.tag) &&
            (filter.resourceLinkId === undefined || item.resourceLinkId === filter.resourceLinkId),
        ),
      );
      url = nextPage(response.headers.get('link'), url, lineItemsUrl);
    }
    return found;
  }

  return {
    findLineItems,
    async findOrCreateLineItem(platform, lineItemsUrl, spec) {
      const existing = await findLineItems(platform, lineItemsUrl, { resourceId: spec.resourceId, tag: spec.tag });
      const match = existing.find((item) => spec.tag !== undefined || item.tag === undefined) ?? existing[0];
      if (match) return { ...match, created: false };
      const body = JSON.stringify({
        label: spec.label,
        scoreMaximum: spec.scoreMaximum,
        resourceId: spec.resourceId,
        ...(spec.tag !== undefined && { tag: spec.tag }),
        ...(spec.resourceLinkId !== undefined && { resourceLinkId: spec.resourceLinkId }),
      });
      const response = await deps.services.call(platform, LINE_ITEM_SCOPES, {
        url: lineItemsUrl,
        method: 'POST',
        accept: MediaType.lineItem,
        contentType: MediaType.lineItem,
        body,
        action: CREATE_ACTION,
      });
      if (!response.ok) throw await serviceError(response, CREATE_ACTION);
      const created = lineItemSchema.safeParse(await response.json().catch(() => undefined));
      if (!created.success) throw invalid(CREATE_ACTION, 'the created line item has no id');
      return { ...created.data, created: true };
    },
    async postScore(platform, lineItemUrl, score) {
      const response = await deps.services.call(platform, LINE_ITEM_SCOPES, {
        url: scoresUrl(lineItemUrl),
        method: 'POST',
        contentType: MediaType.score,
        body: JSON.stringify(scoreBody(score)),
        action: SCORE_ACTION,
      });
      if (response.ok) {
        await response.body?.cancel();
        return { status: response.status, ok: true };
      }
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      const failure = await readFailure(response, SCORE_ACTION);
      return { status: response.status, ok: false, retryAfterMs, reason: failure.reason, description: failure.description };
    },
    async readResult(platform, lineItemUrl, userId) {
      const url = new URL(resultsUrl(lineItemUrl));
      url.searchParams.set('user_id', userId);
      const response = await deps.services.call(platform, [Scope.resultReadOnly], { url: url.toString(), accept: MediaType.resultContainer, action: RESULT_ACTION });
      if (!response.ok) throw await serviceError(response, RESULT_ACTION);
      const page = z.array(resultSchema).safeParse(await response.json().catch(() => undefined));
      if (!page.success) throw invalid(RESULT_ACTION, 'not a result container');
      // The filter is the platform's job, but check it: another student's grade must never pass for this one's.
      return page.data.find((result) => result.userId === userId);
    },
  };
}

/** The results endpoint: `/results` appended to the line item's path, its query (Moodle's type_id) kept. */
export function resultsUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/results`;
  return url.toString();
}

/** The scores endpoint: `/scores` appended to the line item's PATH; a query string (Moodle's type_id) stays after it. */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/scores`;
  return url.toString();
}

// Canvas refuses scoreGiven without scoreMaximum (422); Moodle ignores scoreGiven unless FullyGraded. The caller decides gradingProgress.
function scoreBody(score: AgsScore): Record<string, unknown> {
  const body: Record<string, unknown> = {
    userId: score.userId,
    timestamp: score.timestamp,
    activityProgress: score.activityProgress,
    gradingProgress: score.gradingProgress,
  };
  if (score.scoreGiven !== undefined) {
    if (score.scoreMaximum === undefined) throw new Error('a score with scoreGiven needs scoreMaximum');
    body.scoreGiven = score.scoreGiven;
    body.scoreMaximum = score.scoreMaximum;
  }
  if (score.comment !== undefined) body.comment = score.comment;
  return body;
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

async function serviceError(response: Response, action: string): Promise<AgsServiceError> {
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  return new AgsServiceError(await readFailure(response, action), retryAfterMs);
}

function invalid(action: string, description: string): PlatformServiceError {
  return new PlatformServiceError({ kind: 'invalid_response', action, description });
}
