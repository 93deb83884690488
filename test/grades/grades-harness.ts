// Playroute's grade outbox against the simulated LMS on real HTTP: factories for grades, extra worker "processes", and waiting for the queue to drain.
import type { CommandStartedEvent } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { quirkProfile, type LmsQuirks } from '../../server/demo-lms/quirks';
import type { RecordedScore, RequestLogEntry } from '../../server/demo-lms/index';
import { createGrades, type EnqueueScoreProps, type Grades, type ScorePayload } from '../../server/features/grades/index';
import { deliveryModel, type DeliveryDocument } from '../../server/features/grades/data/delivery-model';
import { testMongoUri } from '../support/database';
import { DEPLOYMENT_ID, startLtiHarness, type LtiHarness } from '../support/lti-harness';

/** Quick retries, so chaos tests take seconds, not hours. */
export const FAST_WORKER = { pollMs: 20, baseDelayMs: 10, maxDelayMs: 100, leaseMs: 5_000 };

export interface GradesHarness extends LtiHarness {
  lineItemsUrl: string;
  grades: Grades;
  /** Another Playroute process on the same database: its own connection, outbox and worker. */
  process(worker?: Parameters<typeof createGrades>[0]['worker']): Promise<Grades>;
  /** Queues a grade and returns its delivery id (a grade always goes out). */
  queue(props: EnqueueScoreProps): Promise<string>;
  grade(overrides?: Partial<Omit<EnqueueScoreProps, 'score'>> & { outcome?: string; score?: Partial<ScorePayload> }): EnqueueScoreProps;
  /** Waits until nothing is waiting or being sent. */
  drained(timeoutMs?: number): Promise<DeliveryDocument[]>;
  deliveries(): Promise<DeliveryDocument[]>;
  acceptedScores(): RecordedScore[];
  /** Every score the LMS received, accepted or refused (a duplicate refused with 409 is still a second delivery). */
  receivedScores(): RecordedScore[];
  /** Every POST that reached the LMS's score endpoints, whatever became of it (also ones refused before the body was read). */
  scorePosts(): RequestLogEntry[];
  /** Adds students to the simulated course; returns their ids. */
  addStudents(count: number): string[];
  /** The store commands `step` sends through the harness's connection, as "name collection" (needs monitorCommands). */
  commandsOf(step: () => Promise<unknown>): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startGradesHarness(
  options: { quirks?: LmsQuirks; worker?: Parameters<typeof createGrades>[0]['worker']; monitorCommands?: boolean } = {},
): Promise<GradesHarness> {
  const quirks = options.quirks ?? 'standard';
  const lti = await startLtiHarness({ quirks, monitorCommands: options.monitorCommands ?? false });
  // As dynamic registration records it: the platform's product family, which decides what a progress event sends.
  await lti.lti.registry.register({ ...lti.platform, productFamily: quirkProfile(quirks).productFamilyCode });
  const containerUrl = new URL(lti.lms.urls.lineItems(lti.lms.course.id));
  for (const [key, value] of Object.entries(quirkProfile(quirks).lineItemQuery)) containerUrl.searchParams.set(key, value);
  const lineItemsUrl = containerUrl.toString();
  const grades = createGrades({ connection: lti.database.connection, lti: lti.lti, worker: { ...FAST_WORKER, ...options.worker } });
  const extra: { grades: Grades; connection: Connection }[] = [];
  const Deliveries = deliveryModel(lti.database.connection);
  const deliveries = () => Deliveries.find().lean<DeliveryDocument[]>();

  return {
    ...lti,
    lineItemsUrl,
    grades,
    async process(worker) {
      const connection = mongoose.createConnection(testMongoUri(), { dbName: lti.database.connection.name });
      await connection.asPromise();
      const other = createGrades({ connection, lti: lti.lti, worker: { ...FAST_WORKER, ...worker } });
      extra.push({ grades: other, connection });
      return other;
    },
    async queue(props) {
      const id = await grades.enqueueScore(props);
      if (!id) throw new Error('the gradebook rule sent nothing for a grade');
      return id;
    },
    grade: ({ outcome = 'lu-1', score, ...overrides } = {}) => ({
      platformId: lti.platform.id,
      deploymentId: DEPLOYMENT_ID,
      contextId: lti.lms.course.id,
      userId: 'u-student-daan',
      lineItem: { lineItemsUrl, resourceId: outcome, tag: 'outcome', label: `Outcome ${outcome}`, scoreMaximum: 10 },
      score: { scoreGiven: 7, scoreMaximum: 10, comment: '7 (voldoende)', activityProgress: 'Completed', gradingProgress: 'FullyGraded', ...score },
      ...overrides,
    }),
    async drained(timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const all = await deliveries();
        if (all.every((d) => d.state !== 'waiting' && d.state !== 'sending')) return all;
        if (Date.now() > until) throw new Error(`queue not drained: ${all.filter((d) => d.state === 'waiting' || d.state === 'sending').length} left`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    deliveries,
    acceptedScores: () => lti.lms.scores().filter((score) => score.accepted),
    receivedScores: () => lti.lms.scores(),
    scorePosts: () => lti.lms.requestLog().filter((entry) => entry.method === 'POST' && entry.path.endsWith('/scores')),
    addStudents(count) {
      return Array.from({ length: count }, (_, i) => {
        const userId = `u-student-extra-${i}`;
        lti.lms.addMember({ userId, givenName: 'Student', familyName: String(i), email: `${userId}@student.example.edu`, locale: 'nl-NL', role: 'student' });
        return userId;
      });
    },
    async commandsOf(step) {
      const seen: string[] = [];
      const client = lti.database.connection.getClient();
      const listener = (event: CommandStartedEvent) => {
        const target = event.command[event.commandName];
        seen.push(`${event.commandName} ${typeof target === 'string' ? target : ''}`.trim());
      };
      client.on('commandStarted', listener);
      try {
        await step();
      } finally {
        client.off('commandStarted', listener);
      }
      return seen;
    },
    async stop() {
      await grades.worker.stop();
      for (const { grades: other, connection } of extra) {
        await other.worker.stop();
        await connection.close();
      }
      await lti.close();
    },
  };
}

/** Accepted scores per line item and student: every cell should hold exactly one. */
export function countPerCell(scores: RecordedScore[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const score of scores) {
    const key = `${score.lineItemId} ${score.userId ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
