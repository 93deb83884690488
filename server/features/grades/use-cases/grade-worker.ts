// Delivers the grade outbox: claims due deliveries atomically, posts them to the LMS, settles them, and retries with backoff; any number of processes may run one.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../../logger';
import type { AgsClient } from '../../../lti/ags-client';
import type { Platform, PlatformRegistry } from '../../../lti/store/platforms';
import { backoffDelay } from './backoff';
import { outcomeOfAnswer, outcomeOfError, type DeliveryOutcome } from './delivery-outcome';
import { LineItemBusy, type LineItemResolver } from './line-items';
import type { ClaimedDelivery, Outbox } from '../data/outbox';

export interface GradeWorkerDeps {
  outbox: Outbox;
  lineItems: LineItemResolver;
  ags: Pick<AgsClient, 'postScore'>;
  registry: Pick<PlatformRegistry, 'get'>;
  logger?: Logger;
  /** Names this worker in leases; default a random id. */
  workerId?: string;
  /** Deliveries in flight at once in this process (all to one platform at most). Default 4. */
  concurrency?: number;
  /** How many due deliveries one claim takes (one store update for all). Default twice the concurrency. */
  batchSize?: number;
  /** How often an idle worker looks for due deliveries; enqueue can wake it sooner. Default 1 s. */
  pollMs?: number;
  /** How long a claim holds; longer than one delivery can take (token, line item, score, each with a time limit). Default 2 minutes. */
  leaseMs?: number;
  /** First retry delay, doubled per attempt up to maxDelayMs, with jitter. Default 1 s and 1 hour. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** After this many attempts with temporary failures the delivery fails, for a teacher to retry. Default 25 (about a day). */
  maxAttempts?: number;
  random?: () => number;
}

export interface GradeWorker {
  readonly id: string;
  start(): void;
  /** Finishes the deliveries in flight, gives back claims not yet posted, and stops polling. */
  stop(): Promise<void>;
  /** Looks for due deliveries now (after an enqueue). */
  wake(): void;
}

const BUSY_LINE_ITEM_DELAY_MS = 250;
const PLATFORM_CACHE_MS = 60_000;

export function createGradeWorker(deps: GradeWorkerDeps): GradeWorker {
  const id = deps.workerId ?? `worker-${randomUUID()}`;
  const concurrency = deps.concurrency ?? 4;
  const batchSize = Math.max(1, deps.batchSize ?? concurrency * 2);
  const pollMs = deps.pollMs ?? 1000;
  const leaseMs = deps.leaseMs ?? 120_000;
  const maxAttempts = deps.maxAttempts ?? 25;
  const random = deps.random ?? Math.random;
  const log = deps.logger?.child({ component: 'grade-worker', workerId: id });
  const platforms = new Map<string, { platform: Platform | undefined; until: number }>();
  const readingPlatforms = new Map<string, Promise<Platform | undefined>>();
  let running: Promise<void>[] = [];
  let stopping = false;
  // Claimed and not yet started: the lanes take from here, and one claim for the whole batch refills it.
  let queued: ClaimedDelivery[] = [];
  let refilling: Promise<void> | undefined;
  // Whether the last claim came back full: then more may be due, and the lanes claim ahead.
  let moreDue = false;
  // Per claim in hand: a newer grade of its cell already going or gone out when it was claimed (undefined: none).
  const newerAtClaim = new Map<string, string | undefined>();
  // Settlements of posted grades still being written; stop() waits for them.
  const settling = new Set<Promise<void>>();
  let wakers: (() => void)[] = [];

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakers = wakers.filter((w) => w !== done);
        resolve();
      }
      wakers.push(done);
    });
  }

  function wake(): void {
    for (const waker of [...wakers]) waker();
  }

  async function platformOf(platformId: string): Promise<Platform | undefined> {
    const cached = platforms.get(platformId);
    if (cached && cached.until > Date.now()) return cached.platform;
    // Lanes that start together on a cold cache share one read.
    let reading = readingPlatforms.get(platformId);
    if (!reading) {
      reading = deps.registry
        .get(platformId)
        .then((platform) => {
          platforms.set(platformId, { platform, until: Date.now() + PLATFORM_CACHE_MS });
          return platform;
        })
        .finally(() => readingPlatforms.delete(platformId));
      readingPlatforms.set(platformId, reading);
    }
    return reading;
  }

  async function deliver(claim: ClaimedDelivery): Promise<void> {
    const checkedAtClaim = newerAtClaim.has(claim.id);
    const newerWhenClaimed = newerAtClaim.get(claim.id);
    newerAtClaim.delete(claim.id);
    const platform = await platformOf(claim.platformId);
    if (!platform) {
      await deps.outbox.markFailed(claim, { error: 'The LMS this grade belongs to is no longer registered with Playroute.' });
      return;
    }
    let lineItemUrl: string;
    try {
      lineItemUrl = await deps.lineItems.resolve(platform, claim.deploymentId, claim.lineItem);
    } catch (error) {
      if (error instanceof LineItemBusy) {
        await deps.outbox.release(claim, BUSY_LINE_ITEM_DELAY_MS);
        return;
      }
      await settle(claim, outcomeOfError(error), undefined);
      return;
    }
    // Nothing has gone to the LMS for this attempt yet: on stop, give the claim back rather than start.
    if (stopping) {
      await deps.outbox.release(claim);
      return;
    }
    // Progress alone after a teacher's grade would empty the gradebook cell (SCORE-RULE.md). enqueueScore
    // never queues it, but one queued in a race with the grade, or straight into the outbox, stops here.
    if (claim.score.scoreGiven === undefined) {
      const standing = await deps.outbox.standingGrade(claim.key);
      if (standing) {
        await deps.outbox.markSuperseded(claim, standing.id);
        return;
      }
    }
    // A newer grade for this cell already went (or is going) out: the LMS would refuse this one as stale anyway
    // (Canvas 400, Moodle and the spec 409, see score-clock.ts), so it is not posted. Asked for the whole batch when
    // it was claimed: a newer grade queued after that and posted first by another lane is refused by the LMS as
    // older, and the 'stale' settlement below supersedes this one — one pointless request in a race, never a grade
    // the LMS shows in the wrong order.
    const newer = checkedAtClaim ? newerWhenClaimed : await deps.outbox.newerThan(claim, ['sending', 'sent']);
    if (newer) {
      await deps.outbox.markSuperseded(claim, newer);
      return;
    }
    let outcome: DeliveryOutcome;
    try {
      const answer = await deps.ags.postScore(platform, lineItemUrl, { userId: claim.userId, ...claim.score, timestamp: claim.timestamp.toISOString() });
      outcome = outcomeOfAnswer(answer);
    } catch (error) {
      outcome = outcomeOfError(error);
    }
    // Written while the lane posts the next grade: the claim's lease holds until it is, and a settlement that never
    // lands is a crash between the two steps (the lease runs out, the resend carries the same timestamp).
    const written: Promise<void> = settle(claim, outcome, lineItemUrl)
      .catch((error: unknown) => log?.error({ err: error, deliveryId: claim.id }, 'grade delivery could not be settled'))
      .finally(() => settling.delete(written));
    settling.add(written);
  }

  async function settle(claim: ClaimedDelivery, outcome: DeliveryOutcome, lineItemUrl: string | undefined): Promise<void> {
    let held = true;
    switch (outcome.kind) {
      case 'sent':
        held = await deps.outbox.markSent(claim, { status: outcome.status, lineItemUrl });
        break;
      case 'retry':
        if (claim.attempts >= maxAttempts) {
          held = await deps.outbox.markFailed(claim, { status: outcome.status, error: `The LMS kept failing after ${claim.attempts} attempts; retry later. Last problem: ${outcome.error}` });
        } else {
          const delayMs = backoffDelay({ attempt: claim.attempts, baseMs: deps.baseDelayMs, maxMs: deps.maxDelayMs, retryAfterMs: outcome.retryAfterMs, random });
          held = await deps.outbox.scheduleRetry(claim, { delayMs, uncertain: outcome.uncertain, status: outcome.status, error: outcome.error });
        }
        break;
      case 'stale': {
        const newer = await deps.outbox.newerThan(claim);
        if (newer) held = await deps.outbox.markSuperseded(claim, newer);
        // Our own earlier attempt landed (its answer was lost): the LMS refuses the same timestamp twice.
        else if (claim.uncertain && outcome.status === 409) held = await deps.outbox.markSent(claim, { status: outcome.status, lineItemUrl });
        else held = await deps.outbox.markFailed(claim, { status: outcome.status, error: outcome.error });
        break;
      }
      case 'failed':
        if (outcome.status === 404) await deps.lineItems.forget(claim.platformId, claim.deploymentId, claim.lineItem);
        held = await deps.outbox.markFailed(claim, { status: outcome.status, error: outcome.error });
        break;
    }
    if (!held) log?.warn({ deliveryId: claim.id, outcome: outcome.kind }, 'grade delivery lease was lost before it was settled; another worker took it over');
    else if (outcome.kind !== 'sent') log?.info({ deliveryId: claim.id, outcome: outcome.kind, status: 'status' in outcome ? outcome.status : undefined, attempts: claim.attempts }, 'grade delivery not sent');
  }

  /** One claimBatch for the whole worker: every lane that needs claims waits for the same one. */
  function refill(): Promise<void> {
    refilling ??= deps.outbox
      .claimBatch(id, leaseMs, batchSize)
      .then(async (claims) => {
        // The newer-grade check of the whole batch in one query (newerThan gathers the calls of one turn). Without
        // an answer (the store failed), each delivery asks again before it posts.
        const newer = await Promise.all(claims.map((claim) => deps.outbox.newerThan(claim, ['sending', 'sent']))).catch(() => undefined);
        if (newer) claims.forEach((claim, i) => newerAtClaim.set(claim.id, newer[i]));
        moreDue = claims.length === batchSize;
        queued.push(...claims);
      })
      .finally(() => (refilling = undefined));
    return refilling;
  }

  /** The next claimed delivery: from the batch in hand, else from one claimBatch shared by every idle lane. */
  async function nextClaim(): Promise<ClaimedDelivery | undefined> {
    for (;;) {
      const claim = queued.shift();
      if (claim) {
        // No more in hand than lanes and more due: claim the next batch while these are posted, so a lane that
        // finishes finds its next grade claimed instead of waiting for the store.
        if (queued.length <= concurrency && moreDue && !refilling && !stopping) {
          refill().catch((error: unknown) => log?.error({ err: error }, 'could not claim a grade delivery'));
        }
        return claim;
      }
      if (stopping) return undefined;
      if (refilling) {
        await refilling;
        continue;
      }
      await refill();
      if (queued.length === 0) return undefined;
    }
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let claim: ClaimedDelivery | undefined;
      try {
        claim = await nextClaim();
      } catch (error) {
        log?.error({ err: error }, 'could not claim a grade delivery');
      }
      if (!claim) {
        if (!stopping) await sleep(pollMs);
        continue;
      }
      try {
        await deliver(claim);
        // A store slower than the LMS must not pile up settlements without end.
        while (settling.size > concurrency) await Promise.race(settling);
      } catch (error) {
        // The database failed while settling: the lease runs out and another claim resends with the same timestamp.
        log?.error({ err: error, deliveryId: claim.id }, 'grade delivery could not be settled');
        if (!stopping) await sleep(pollMs);
      }
    }
  }

  /** Claims taken but never started go back at once, so another worker need not wait for their leases to run out. */
  async function giveBack(): Promise<void> {
    const left = queued;
    queued = [];
    newerAtClaim.clear();
    for (const claim of left) {
      await deps.outbox.release(claim).catch((error: unknown) => log?.warn({ err: error, deliveryId: claim.id }, 'could not give a grade delivery back; its lease will run out'));
    }
  }

  return {
    id,
    start() {
      if (running.length > 0) return;
      stopping = false;
      running = Array.from({ length: concurrency }, () => loop());
      log?.info({ concurrency }, 'grade worker started');
    },
    async stop() {
      stopping = true;
      wake();
      await Promise.all(running);
      await Promise.all(settling);
      await refilling?.catch(() => undefined);
      await giveBack();
      running = [];
      log?.info('grade worker stopped');
    },
    wake,
  };
}
