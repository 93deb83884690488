// What launches and the roster tell Playroute about people, courses and placements, per platform and deployment.
import { Schema, type Connection, type mongo } from 'mongoose';
import { JOURNAL_LATER } from './journal-later';
import { contentOf, RecentWrites } from './recent-writes';
import { findOneDocument, openDatabaseOf } from '../../store/find-one';

/**
 * How exact a recorded launch time is: a launch within this time of the one recorded does not write it again, so a
 * person launching again (a second tab, a link after a link) costs no synced write. The class list shows this time.
 */
export const LAST_LAUNCH_PRECISION_MS = 5 * 60_000;
/**
 * How long this process trusts its own record of a course or placement it wrote: within it, a launch with the same
 * claims writes nothing. Only launches write these fields (the roster sets a course's rosterSyncedAt alone), and
 * neither is personal data an erasure removes, so the record can only be out of date when another process stored
 * different claims for the same key in between; then the LMS's claims are stored again after at most this time.
 * Memberships are always written: the roster of another process may have set one inactive, and a launch must undo it.
 * A person launching in a course is written when this process has not written the same claims for them within this
 * time, and whenever their membership upsert inserted: an erasure (npm run privacy:erase, the privacy API, the course
 * retention) removes a person only together with all their memberships on the platform (personal-data-registry.ts;
 * retention.ts removes a person once no membership is left), so a person who may be gone always comes back with an
 * inserted membership. A membership without a person (a class list names people who never launched) cannot be in
 * this process's record: it only holds people it wrote.
 */
const TRUSTED_WRITE_MS = 10 * 60_000;

export interface PersonRecord {
  platformId: string;
  sub: string;
  name?: string;
  email?: string;
  locale?: string;
  /**
   * The person's first launch, and the last one without a course (within LAST_LAUNCH_PRECISION_MS). A launch in a
   * course records its time on the membership instead, so a launch writes one launch time, not two.
   */
  lastLaunchAt?: Date;
}

export interface ContextRecord {
  platformId: string;
  deploymentId: string;
  contextId: string;
  title?: string;
  label?: string;
  membershipsUrl?: string;
  lineItemsUrl?: string;
  rosterSyncedAt?: Date;
}

export interface PlacementRecord {
  platformId: string;
  deploymentId: string;
  contextId?: string;
  resourceLinkId: string;
  title?: string;
  lineItemUrl?: string;
  custom: Record<string, string>;
}

export interface MembershipRecord {
  platformId: string;
  deploymentId: string;
  contextId: string;
  sub: string;
  ltiRoles: string[];
  status: 'active' | 'inactive';
  name?: string;
  email?: string;
  /** Set when the person has launched Playroute in this course; roster-only members have none. */
  lastLaunchAt?: Date;
  /** The last class list (NRPS) that named this person; never set for someone only launching (e.g. a Moodle site admin). */
  listedAt?: Date;
  /** A study coach's students (role_scope_mentor of their latest launch); absent when the platform did not scope them. */
  mentees?: string[];
}

/**
 * What deep linking put on a link, by the unguessable token in the link's custom parameter: which playbook, made in
 * which course. A copy of the link (an LMS course copy) carries the token along; a teacher cannot make one up.
 */
export interface LinkReferenceRecord {
  token: string;
  platformId: string;
  deploymentId: string;
  /** The course the teacher placed the link in. */
  contextId: string;
  playbookId: string;
  createdAt: Date;
}

const options = { versionKey: false as const };

const personSchema = new Schema<PersonRecord>(
  { platformId: String, sub: String, name: String, email: String, locale: String, lastLaunchAt: Date },
  { ...options, collection: 'lti_people' },
);
personSchema.index({ platformId: 1, sub: 1 }, { unique: true });

const contextSchema = new Schema<ContextRecord>(
  { platformId: String, deploymentId: String, contextId: String, title: String, label: String, membershipsUrl: String, lineItemsUrl: String, rosterSyncedAt: Date },
  { ...options, collection: 'lti_contexts' },
);
contextSchema.index({ platformId: 1, deploymentId: 1, contextId: 1 }, { unique: true });

const placementSchema = new Schema<PlacementRecord>(
  { platformId: String, deploymentId: String, contextId: String, resourceLinkId: String, title: String, lineItemUrl: String, custom: { type: Schema.Types.Mixed, default: {} } },
  { ...options, collection: 'lti_placements' },
);
placementSchema.index({ platformId: 1, deploymentId: 1, resourceLinkId: 1 }, { unique: true });

const membershipSchema = new Schema<MembershipRecord>(
  { platformId: String, deploymentId: String, contextId: String, sub: String, ltiRoles: [String], status: String, name: String, email: String, lastLaunchAt: Date, listedAt: Date, mentees: { type: [String], default: undefined } },
  { ...options, collection: 'lti_memberships' },
);
membershipSchema.index({ platformId: 1, deploymentId: 1, contextId: 1, sub: 1 }, { unique: true });
membershipSchema.index({ platformId: 1, sub: 1 });

const linkReferenceSchema = new Schema<LinkReferenceRecord>(
  { token: String, platformId: String, deploymentId: String, contextId: String, playbookId: String, createdAt: Date },
  { ...options, collection: 'lti_link_references' },
);
linkReferenceSchema.index({ token: 1 }, { unique: true });

type ContextKey = Pick<ContextRecord, 'platformId' | 'deploymentId' | 'contextId'>;
/** What a membership write touched: one person's membership in a course, or (without `sub`) the course's class list. */
export type MembershipScope = ContextKey & { sub?: string };

/** Everything one verified launch tells about its person, course, placement and membership. */
export interface LaunchRecord {
  person: Omit<PersonRecord, 'lastLaunchAt'>;
  context?: Omit<ContextRecord, 'rosterSyncedAt'>;
  placement?: PlacementRecord;
  membership?: Omit<MembershipRecord, 'lastLaunchAt' | 'listedAt'>;
  launchedAt: Date;
}

export interface CourseRecords {
  /**
   * Stores a launch's records, leaving out what this process stored lately with the same content, and the launch
   * time where the recorded one is recent (LAST_LAUNCH_PRECISION_MS). The writes go out together.
   */
  recordLaunch(record: LaunchRecord): Promise<void>;
  savePerson(person: PersonRecord): Promise<void>;
  getPerson(platformId: string, sub: string): Promise<PersonRecord | undefined>;
  saveContext(context: ContextRecord): Promise<void>;
  getContext(key: ContextKey): Promise<ContextRecord | undefined>;
  savePlacement(placement: PlacementRecord): Promise<void>;
  getPlacement(platformId: string, deploymentId: string, resourceLinkId: string): Promise<PlacementRecord | undefined>;
  saveLinkReference(reference: LinkReferenceRecord): Promise<void>;
  getLinkReference(token: string): Promise<LinkReferenceRecord | undefined>;
  saveMembership(membership: MembershipRecord): Promise<void>;
  /** Replaces the roster of a course: everyone listed is saved, everyone else becomes inactive. */
  replaceRoster(key: ContextKey, members: Omit<MembershipRecord, keyof ContextKey | 'lastLaunchAt' | 'listedAt'>[], syncedAt: Date): Promise<void>;
  getMembership(key: ContextKey & { sub: string }): Promise<MembershipRecord | undefined>;
  listMembers(key: ContextKey): Promise<MembershipRecord[]>;
  /** Every course of this platform a person is (or was) a member of, e.g. to offer their other courses' playbooks. */
  listMembershipsOf(platformId: string, sub: string): Promise<MembershipRecord[]>;
  /**
   * Calls `listener` after each membership write made through these records (a launch, saveMembership, a roster), so
   * what this process keeps of memberships (server/http/membership-cache.ts) forgets it at once.
   */
  onMembershipsWritten(listener: (scope: MembershipScope) => void): void;
}

export function createCourseRecords(connection: Connection): CourseRecords {
  const People = connection.model<PersonRecord>('LtiPerson', personSchema);
  const Contexts = connection.model<ContextRecord>('LtiContext', contextSchema);
  const Placements = connection.model<PlacementRecord>('LtiPlacement', placementSchema);
  const Memberships = connection.model<MembershipRecord>('LtiMembership', membershipSchema);
  const LinkReferences = connection.model<LinkReferenceRecord>('LtiLinkReference', linkReferenceSchema);
  // Every launch writes its person and membership: straight to the driver (typed values, nothing for the schema to cast).
  const rawPeople = People.collection as unknown as mongo.Collection<PersonRecord>;
  const rawMemberships = Memberships.collection as unknown as mongo.Collection<MembershipRecord>;
  const upsert = { upsert: true };
  // Launch records the launch need not wait to see journaled (journal-later.ts); the membership is not one of them.
  const upsertJournalLater = { upsert: true, ...JOURNAL_LATER };
  const recent = new RecentWrites(TRUSTED_WRITE_MS);
  const membershipListeners: ((scope: MembershipScope) => void)[] = [];
  const membershipsWritten = (scope: MembershipScope): void => {
    for (const listener of membershipListeners) listener(scope);
  };

  /** Runs the write unless the same content went out lately; remembers it once the store has it. */
  async function unlessWrittenLately(key: string, content: unknown, now: number, write: () => Promise<unknown>): Promise<void> {
    const text = contentOf(content);
    if (recent.wroteLately(key, text, now)) return;
    await write();
    recent.remember(key, text, now);
  }

  /** Writes the person; `inCourse` launches record their time on the membership instead (PersonRecord.lastLaunchAt). */
  async function writePerson(person: LaunchRecord['person'], launchedAt: Date, inCourse: boolean): Promise<void> {
    const now = launchedAt.getTime();
    const { platformId, sub } = person;
    const timeKey = `person-launch ${platformId} ${sub}`;
    const recorded = recent.writtenAt(timeKey, now);
    const timeDue = !inCourse && (recorded === undefined || now - recorded >= LAST_LAUNCH_PRECISION_MS);
    if (!timeDue) {
      await rawPeople.updateOne({ platformId, sub }, { $set: person, $setOnInsert: { lastLaunchAt: launchedAt } }, upsertJournalLater);
    } else {
      await rawPeople.updateOne({ platformId, sub }, { $set: { ...person, lastLaunchAt: launchedAt } }, upsertJournalLater);
      recent.remember(timeKey, '', now);
    }
    recent.remember(personKey(person), contentOf(person), now);
  }

  /** Writes the membership; true when it was not there (a first launch, or the person was erased since). */
  async function writeMembership(membership: NonNullable<LaunchRecord['membership']>, launchedAt: Date): Promise<boolean> {
    const now = launchedAt.getTime();
    const { platformId, deploymentId, contextId, sub } = membership;
    const timeKey = `membership-launch ${platformId} ${deploymentId} ${contextId} ${sub}`;
    const recorded = recent.writtenAt(timeKey, now);
    const timeDue = recorded === undefined || now - recorded >= LAST_LAUNCH_PRECISION_MS;
    // The mentor scope comes with every launch: a launch without it ends the scoping rather than keeping an old list.
    const set: Partial<MembershipRecord> = timeDue ? { ...membership, lastLaunchAt: launchedAt } : membership;
    const update: mongo.UpdateFilter<MembershipRecord> = membership.mentees === undefined ? { $set: set, $unset: { mentees: 1 as const } } : { $set: set };
    // Sent every time (see TRUSTED_WRITE_MS); with nothing changed, the store answers without a synced write.
    const result = await rawMemberships.updateOne({ platformId, deploymentId, contextId, sub }, update, upsert);
    if (timeDue) recent.remember(timeKey, '', now);
    return result.upsertedCount > 0;
  }

  /**
   * A launch in a course: the membership always, the person only when this process did not write the same claims for
   * them lately (TRUSTED_WRITE_MS) or when the membership was not there, which is the only way an erased person returns.
   * A returning person so costs one write, not two; a person to write goes out together with the membership.
   */
  async function writeMember(person: LaunchRecord['person'], membership: NonNullable<LaunchRecord['membership']>, launchedAt: Date): Promise<void> {
    if (!recent.wroteLately(personKey(person), contentOf(person), launchedAt.getTime())) {
      await Promise.all([writePerson(person, launchedAt, true), writeMembership(membership, launchedAt)]);
      return;
    }
    if (await writeMembership(membership, launchedAt)) await writePerson(person, launchedAt, true);
  }

  return {
    async recordLaunch({ person, context, placement, membership, launchedAt }) {
      const now = launchedAt.getTime();
      const writes: Promise<void>[] = [membership ? writeMember(person, membership, launchedAt) : writePerson(person, launchedAt, context !== undefined)];
      if (context) {
        const { platformId, deploymentId, contextId } = context;
        const key = `context ${platformId} ${deploymentId} ${contextId}`;
        writes.push(unlessWrittenLately(key, context, now, () => Contexts.updateOne({ platformId, deploymentId, contextId }, { $set: context }, upsertJournalLater)));
      }
      if (placement) {
        const { platformId, deploymentId, resourceLinkId } = placement;
        const key = `placement ${platformId} ${deploymentId} ${resourceLinkId}`;
        writes.push(unlessWrittenLately(key, placement, now, () => Placements.updateOne({ platformId, deploymentId, resourceLinkId }, { $set: placement }, upsertJournalLater)));
      }
      // Told even when a write failed: it may have landed all the same.
      await Promise.all(writes).finally(() => membership && membershipsWritten(membership));
    },
    async savePerson(person) {
      await People.updateOne({ platformId: person.platformId, sub: person.sub }, { $set: person }, upsert);
    },
    async getPerson(platformId, sub) {
      return strip(await People.findOne({ platformId, sub }).lean<PersonRecord>());
    },
    async saveContext(context) {
      const { platformId, deploymentId, contextId } = context;
      await Contexts.updateOne({ platformId, deploymentId, contextId }, { $set: context }, upsert);
    },
    async getContext(key) {
      return strip(await Contexts.findOne(key).lean<ContextRecord>());
    },
    async savePlacement(placement) {
      const { platformId, deploymentId, resourceLinkId } = placement;
      await Placements.updateOne({ platformId, deploymentId, resourceLinkId }, { $set: placement }, upsert);
    },
    async getPlacement(platformId, deploymentId, resourceLinkId) {
      return strip(await Placements.findOne({ platformId, deploymentId, resourceLinkId }).lean<PlacementRecord>());
    },
    async saveLinkReference(reference) {
      await LinkReferences.create(reference);
    },
    async getLinkReference(token) {
      return strip(await LinkReferences.findOne({ token }).lean<LinkReferenceRecord>());
    },
    async saveMembership(membership) {
      const { platformId, deploymentId, contextId, sub } = membership;
      // The mentor scope comes with every launch: a launch without it ends the scoping rather than keeping an old list.
      const unset = membership.mentees === undefined ? { $unset: { mentees: 1 } } : {};
      await Memberships.updateOne({ platformId, deploymentId, contextId, sub }, { $set: membership, ...unset }, upsert).finally(() => membershipsWritten(membership));
    },
    async replaceRoster(key, members, syncedAt) {
      try {
        if (members.length > 0) {
          await Memberships.bulkWrite(
            members.map((member) => ({
              updateOne: { filter: { ...key, sub: member.sub }, update: { $set: { ...key, ...member, listedAt: syncedAt } }, upsert: true },
            })),
            { ordered: false },
          );
        }
        await Memberships.updateMany({ ...key, sub: { $nin: members.map((m) => m.sub) } }, { $set: { status: 'inactive' } });
      } finally {
        membershipsWritten(key);
      }
      await Contexts.updateOne(key, { $set: { ...key, rosterSyncedAt: syncedAt } }, upsert);
    },
    async getMembership({ platformId, deploymentId, contextId, sub }) {
      // Asked for each API call whose membership this process does not hold (membership-cache.ts): one find command,
      // without mongoose's query or the driver's cursor (find-one.ts); the values are the session's own strings.
      const filter = { platformId, deploymentId, contextId, sub };
      return strip((await findOneDocument<MembershipRecord>(await openDatabaseOf(connection), Memberships.collection.collectionName, filter)));
    },
    async listMembers(key) {
      const docs = await Memberships.find(key).sort({ name: 1, sub: 1 }).lean<MembershipRecord[]>();
      return docs.map((doc) => strip(doc) as MembershipRecord);
    },
    async listMembershipsOf(platformId, sub) {
      const docs = await Memberships.find({ platformId, sub, status: 'active' }).lean<MembershipRecord[]>();
      return docs.map((doc) => strip(doc) as MembershipRecord);
    },
    onMembershipsWritten(listener) {
      membershipListeners.push(listener);
    },
  };
}

function personKey(person: Pick<PersonRecord, 'platformId' | 'sub'>): string {
  return `person ${person.platformId} ${person.sub}`;
}

function strip<T>(doc: (T & { _id?: unknown }) | null): T | undefined {
  if (!doc) return undefined;
  const { _id, ...rest } = doc;
  return rest as T;
}
