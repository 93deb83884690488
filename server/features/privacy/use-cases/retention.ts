// Retention: a course's personal data is removed a retention period after the course ended. The school sets the
// period: RETENTION_DAYS for every course (default 365), and the operator may set one course apart (a course whose
// exam board keeps records longer, a short pilot) through the admin API; that override is kept per course in
// privacy_retention_settings (no personal data: a course key and a number of days).
//
// Course end: LTI 1.3 launches carry no course end date that every LMS sends (the context claim has id, label, title
// and type only; Canvas gives course or term dates only as variable substitutions the tool's configuration must ask for:
// https://developerdocs.instructure.com/services/canvas/external-tools/lti/file.tools_variable_substitutions), so the course is
// taken to have ended at its last activity: the latest launch of any member of the course. A course somebody still
// opens never expires. The playbooks (the course design, and its export) stay; people with no course left lose their
// launch record too.
//
// Safe with several processes: each expired course is claimed with an insert keyed by course and the last activity it
// was judged by (a unique _id), so exactly one process purges it; a claim whose process died is taken over after its
// lease ran out.
import { hostname } from 'node:os';
import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../../../logger';
import { EVIDENCE_FILES, PERSONAL_DATA, type CourseScope } from '../data/personal-data-registry';

export const DEFAULT_RETENTION_DAYS = 365;
export const RETENTION_RUNS_COLLECTION = 'privacy_retention_runs';
export const RETENTION_SETTINGS_COLLECTION = 'privacy_retention_settings';
const DAY_MS = 86_400_000;
const LEASE_MS = 10 * 60_000;
/** An evidence file no attempt refers to is an interrupted upload once it is this old. */
export const ORPHAN_AGE_MS = 60 * 60_000;

export interface CourseKey {
  platformId: string;
  deploymentId: string;
  contextId: string;
}

export interface RetentionDeps {
  connection: Connection;
  logger?: Logger;
  now?: () => Date;
  /** The school's period for every course (RETENTION_DAYS); a course's own setting wins over it. */
  retentionDays?: number;
  /** Names this runner in its claims (tests run two in one process). */
  runnerId?: string;
}

export interface RetentionResult {
  purged: { course: CourseKey; documents: number; files: number }[];
  orphanedFiles: number;
}

function db(connection: Connection) {
  if (!connection.db) throw new Error('the database connection is not open');
  return connection.db;
}

/** The opaque id of a course in the admin API: its platform, deployment and context, base64url-encoded JSON. */
export function courseIdOf(course: CourseKey): string {
  return Buffer.from(JSON.stringify([course.platformId, course.deploymentId, course.contextId])).toString('base64url');
}

/** The course a courseIdOf id names, or undefined when it is not one. */
export function courseOfId(id: string): CourseKey | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((p) => typeof p === 'string' && p.length > 0)) return undefined;
    const [platformId, deploymentId, contextId] = parts as [string, string, string];
    return { platformId, deploymentId, contextId };
  } catch {
    return undefined;
  }
}

function settings(connection: Connection) {
  return db(connection).collection<{ _id: string; platformId: string; deploymentId: string; contextId: string; days: number; setAt: Date }>(RETENTION_SETTINGS_COLLECTION);
}

/** Sets the course's own retention period (days), or with undefined returns it to the school's period. */
export async function setCourseRetention(connection: Connection, course: CourseKey, days: number | undefined): Promise<void> {
  const id = courseIdOf(course);
  if (days === undefined) await settings(connection).deleteOne({ _id: id });
  else await settings(connection).replaceOne({ _id: id }, { ...course, days, setAt: new Date() }, { upsert: true });
}

export interface CourseRetention {
  lastActivity?: Date;
  removeOn?: Date;
  retentionDays: number;
  /** 'course' when the operator set this course's period, 'school' when RETENTION_DAYS applies. */
  setBy: 'course' | 'school';
}

/** The course's last activity (latest launch of a member) and when its personal data will be removed. */
export async function courseRetention(deps: Pick<RetentionDeps, 'connection' | 'retentionDays'>, course: CourseKey): Promise<CourseRetention> {
  const own = await settings(deps.connection).findOne({ _id: courseIdOf(course) });
  const retentionDays = own?.days ?? deps.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const setBy = own ? 'course' : 'school';
  const [latest] = await db(deps.connection)
    .collection('lti_memberships')
    .find({ ...course, lastLaunchAt: { $type: 'date' } }, { projection: { lastLaunchAt: 1 } })
    .sort({ lastLaunchAt: -1 })
    .limit(1)
    .toArray();
  const lastActivity = latest?.lastLaunchAt as Date | undefined;
  return { retentionDays, setBy, ...(lastActivity ? { lastActivity, removeOn: new Date(lastActivity.getTime() + retentionDays * DAY_MS) } : {}) };
}

/** Every course Playroute knows (from launches), with its title, period, last activity and removal date. */
export async function listCourseRetention(deps: Pick<RetentionDeps, 'connection' | 'retentionDays'>): Promise<(CourseRetention & CourseKey & { courseId: string; title?: string })[]> {
  const contexts = await db(deps.connection).collection('lti_contexts').find({}, { projection: { platformId: 1, deploymentId: 1, contextId: 1, title: 1 } }).toArray();
  const courses = [];
  for (const context of contexts) {
    const course: CourseKey = { platformId: String(context.platformId), deploymentId: String(context.deploymentId), contextId: String(context.contextId) };
    courses.push({ courseId: courseIdOf(course), ...course, ...(typeof context.title === 'string' ? { title: context.title } : {}), ...(await courseRetention(deps, course)) });
  }
  return courses;
}

async function courseScope(connection: Connection, course: CourseKey): Promise<CourseScope> {
  const playbooks = await db(connection)
    .collection('playbooks')
    .find({ 'placement.platformId': course.platformId, 'placement.deploymentId': course.deploymentId, 'placement.contextId': course.contextId }, { projection: { _id: 1 } })
    .toArray();
  const playbookIds = playbooks.map((p) => String(p._id));
  const routes = await db(connection).collection('routes').find({ playbookId: { $in: playbookIds } }, { projection: { _id: 1 } }).toArray();
  return { ...course, playbookIds, routeIds: routes.map((r) => String(r._id)) };
}

async function claim(deps: RetentionDeps, id: string, now: Date): Promise<boolean> {
  const runs = db(deps.connection).collection<{ _id: string; state: string; leaseUntil: Date; runner: string }>(RETENTION_RUNS_COLLECTION);
  const runner = deps.runnerId ?? `${hostname()}:${process.pid}`;
  try {
    await runs.insertOne({ _id: id, state: 'running', leaseUntil: new Date(now.getTime() + LEASE_MS), runner });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
  }
  const taken = await runs.findOneAndUpdate({ _id: id, state: 'running', leaseUntil: { $lt: now } }, { $set: { leaseUntil: new Date(now.getTime() + LEASE_MS), runner } });
  return taken !== null;
}

async function purgeCourse(deps: RetentionDeps, course: CourseKey): Promise<{ documents: number; files: number }> {
  const database = db(deps.connection);
  const scope = await courseScope(deps.connection, course);
  const members = await database.collection('lti_memberships').distinct('sub', course);
  const bucket = new mongoose.mongo.GridFSBucket(database, { bucketName: EVIDENCE_FILES.bucket });
  const files = await database.collection(`${EVIDENCE_FILES.bucket}.files`).find(EVIDENCE_FILES.course(scope), { projection: { _id: 1 } }).toArray();
  for (const file of files) await deleteFile(bucket, file._id);
  let documents = 0;
  for (const entry of PERSONAL_DATA) {
    if (!entry.course) continue;
    documents += (await database.collection(entry.collection).deleteMany(entry.course(scope))).deletedCount;
  }
  // Launch records of people who have no course left on the platform.
  for (const sub of members) {
    const elsewhere = await database.collection('lti_memberships').countDocuments({ platformId: course.platformId, sub });
    if (elsewhere === 0) documents += (await database.collection('lti_people').deleteMany({ platformId: course.platformId, sub })).deletedCount;
  }
  return { documents, files: files.length };
}

/** Removes a file and its chunks; false when another runner removed it first (runners overlap by design). */
async function deleteFile(bucket: mongoose.mongo.GridFSBucket, id: unknown): Promise<boolean> {
  try {
    await bucket.delete(id as mongoose.mongo.ObjectId);
    return true;
  } catch (error) {
    if (error instanceof Error && /File not found/.test(error.message)) return false;
    throw error;
  }
}

/** Evidence files no attempt refers to (an upload broken off, a process that died mid-way), older than an hour. */
export async function removeOrphanedFiles(deps: Pick<RetentionDeps, 'connection' | 'now'>): Promise<number> {
  const database = db(deps.connection);
  const cutoff = new Date((deps.now ?? (() => new Date()))().getTime() - ORPHAN_AGE_MS);
  const bucket = new mongoose.mongo.GridFSBucket(database, { bucketName: EVIDENCE_FILES.bucket });
  let removed = 0;
  const old = await database.collection(`${EVIDENCE_FILES.bucket}.files`).find({ uploadDate: { $lt: cutoff } }, { projection: { _id: 1, metadata: 1 } }).toArray();
  for (const file of old) {
    const fileId = String(file._id);
    const used = await database.collection('evidence_attempts').countDocuments({ 'items.fileId': fileId });
    if (used === 0) {
      if (await deleteFile(bucket, file._id)) removed += 1;
    }
  }
  // Chunks whose file document was never written (the files document comes last): dated by their file's ObjectId.
  const fileIds = new Set((await database.collection(`${EVIDENCE_FILES.bucket}.files`).find({}, { projection: { _id: 1 } }).toArray()).map((f) => String(f._id)));
  const loose = await database.collection(`${EVIDENCE_FILES.bucket}.chunks`).distinct('files_id');
  for (const id of loose) {
    if (fileIds.has(String(id)) || !(id instanceof mongoose.mongo.ObjectId) || id.getTimestamp() >= cutoff) continue;
    await database.collection(`${EVIDENCE_FILES.bucket}.chunks`).deleteMany({ files_id: id });
    removed += 1;
  }
  return removed;
}

/** One pass: every expired course purged (by whichever runner claims it first), then orphaned files removed. */
export async function runRetention(deps: RetentionDeps): Promise<RetentionResult> {
  const now = (deps.now ?? (() => new Date()))();
  const contexts = await db(deps.connection).collection('lti_contexts').find({}, { projection: { platformId: 1, deploymentId: 1, contextId: 1 } }).toArray();
  const purged: RetentionResult['purged'] = [];
  for (const context of contexts) {
    const course: CourseKey = { platformId: String(context.platformId), deploymentId: String(context.deploymentId), contextId: String(context.contextId) };
    const { lastActivity, removeOn } = await courseRetention(deps, course);
    if (!lastActivity || !removeOn || removeOn > now) continue;
    const id = JSON.stringify([course.platformId, course.deploymentId, course.contextId, lastActivity.toISOString()]);
    if (!(await claim(deps, id, now))) continue;
    const counts = await purgeCourse(deps, course);
    await db(deps.connection).collection(RETENTION_RUNS_COLLECTION).updateOne({ _id: id as never }, { $set: { state: 'done', doneAt: new Date(), ...counts } });
    deps.logger?.info({ contextId: course.contextId, ...counts }, 'retention: personal data of an ended course removed');
    purged.push({ course, ...counts });
  }
  const orphanedFiles = await removeOrphanedFiles(deps);
  return { purged, orphanedFiles };
}

/** Runs the pass now and then every `everyMs` in the background; stop() waits for a running pass. */
export function startRetentionJob(deps: RetentionDeps & { everyMs?: number }): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const pass = () => {
    running = runRetention(deps).catch((error: unknown) => deps.logger?.error({ err: error }, 'retention pass failed'));
  };
  const timer = setInterval(pass, deps.everyMs ?? 6 * 60 * 60_000);
  timer.unref();
  pass();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
