// Connects a simulated LMS and Playroute to each other, as an administrator registers a real LMS on both sides.
import { createDemoLms, type DemoLms } from './demo-lms/index';
import type { Lti } from './lti/index';
import { toolConfiguration } from './lti/tool-configuration';
import type { Platform } from './lti/store/platforms';
import type { Connection } from 'mongoose';
import type { Logger } from './logger';
import { erasePerson } from './features/privacy/index';
import { DEMO_PLAYBOOK_TITLE } from './demo-course/playbook-content';
import { coachWithMentees, extraStudents } from './demo-course/roster';
import { seedDemoCourse } from './demo-course/seed';
import { createDemoClock, type DemoClock } from './demo-course/demo-clock';
import type { Grades } from './features/grades/index';

export const DEMO_CLIENT_ID = 'playroute-demo';
export const DEMO_DEPLOYMENT_ID = 'playroute-demo-deployment';

/** Registers Playroute as a tool in the LMS and the LMS as a platform in Playroute; idempotent. */
export async function connectToolAndLms(props: {
  lms: DemoLms;
  lti: Lti;
  name: string;
  deploymentIds: string[];
  clientId?: string;
  tokenAudience?: string;
  registeredVia: Platform['registeredVia'];
  firstPlacement?: { title: string; resourceLinkId: string };
}): Promise<Platform> {
  const { lms, lti } = props;
  const tool = lms.registerTool({
    name: 'Playroute',
    loginUrl: lti.urls.login,
    launchUrl: lti.urls.launch,
    redirectUris: [lti.urls.launch],
    deepLinkUrl: lti.urls.launch,
    jwksUrl: lti.urls.jwks,
    deploymentIds: props.deploymentIds,
    // The custom fields of Playroute's configuration, as pasted into the LMS (Canvas's developer key custom_fields).
    customParameters: toolConfiguration(lti.urls.base).customParameters,
    ...(props.clientId ? { clientId: props.clientId } : {}),
    ...(props.firstPlacement ? { firstPlacement: props.firstPlacement } : {}),
  });
  return lti.registry.register({
    issuer: lms.urls.issuer,
    clientId: tool.clientId,
    name: props.name,
    authLoginUrl: lms.urls.authorization,
    tokenUrl: lms.urls.token,
    jwksUrl: lms.urls.jwks,
    ...(props.tokenAudience ? { tokenAudience: props.tokenAudience } : {}),
    deploymentIds: props.deploymentIds,
    registeredVia: props.registeredVia,
  });
}

/** The demo LMS lives at PUBLIC_URL/demo-lms with a fixed client id, so restarts find the same registration. */
export async function startDemoPlatform(props: { publicUrl: string; lti: Lti }): Promise<DemoLms> {
  const lms = createDemoLms({ issuer: `${props.publicUrl}/demo-lms` });
  const platform = await connectToolAndLms({
    lms,
    lti: props.lti,
    name: 'Playroute demo LMS',
    clientId: DEMO_CLIENT_ID,
    deploymentIds: [DEMO_DEPLOYMENT_ID],
    registeredVia: 'demo',
    // The course's first link is the demo course, so "Launch as teacher/student/coach" opens the seeded playbook.
    firstPlacement: { title: DEMO_PLAYBOOK_TITLE, resourceLinkId: DEMO_COURSE_LINK },
  });
  prepareDemoCourse(lms);
  platformIds.set(lms, platform.id);
  return lms;
}

/** The demo course's own link: fixed, so a restart (a new in-memory LMS) launches the same placement and finds its playbook. */
export const DEMO_COURSE_LINK = 'rl-demo-projectmatig-werken';

/** Fills the demo course: twenty more students, the coach's mentees and the link to the sample playbook. */
export function prepareDemoCourse(lms: DemoLms): void {
  for (const student of extraStudents()) lms.addMember(student);
  lms.addMember(coachWithMentees(lms.member('coach'), lms.members().filter((m) => m.role === 'student')));
  if (!lms.placements().some((p) => p.resourceLinkId === DEMO_COURSE_LINK)) {
    lms.addPlacement({ title: DEMO_PLAYBOOK_TITLE, resourceLinkId: DEMO_COURSE_LINK });
  }
}

function seedPropsOf(lms: DemoLms, url: string, clock: DemoClock) {
  return {
    baseUrl: url,
    clock,
    resourceLinkId: DEMO_COURSE_LINK,
    teacher: lms.member('teacher'),
    coach: lms.member('coach'),
    students: lms.members().filter((m) => m.role === 'student'),
  };
}

/**
 * Seeds the demo course through the running app once it answers; a failure is logged and the app keeps running.
 * Also offers "Reset the demo" on the LMS page: every person of the demo LMS is erased with the privacy feature's own
 * erasure (their routes, intakes, evidence, grades, pairs, memberships), then the course is built up again.
 */
export async function seedDemoCourseOnStart(props: { lms: DemoLms; url: string; logger: Logger; connection: Connection; lti: Lti; grades: Grades }): Promise<void> {
  const { lms, url, logger } = props;
  // The demo's own clock for what happened before today; the app's features keep real time.
  const clock = createDemoClock({ lti: props.lti, connection: props.connection, logger, grades: props.grades });
  let seeding: Promise<unknown> | undefined;
  lms.onReset(async () => {
    await seeding;
    const started = Date.now();
    const platformId = demoPlatformId(lms);
    for (const member of lms.members()) await erasePerson({ connection: props.connection, logger }, { platformId, sub: member.userId });
    const report = await seedDemoCourse(seedPropsOf(lms, url, clock), { again: true });
    logger.info({ ...report, milliseconds: Date.now() - started }, 'the demo course is reset');
  });
  try {
    seeding = seedDemoCourse(seedPropsOf(lms, url, clock));
    const report = (await seeding) as Awaited<ReturnType<typeof seedDemoCourse>>;
    logger.info(report, report.seeded ? 'the demo course is seeded' : 'the demo course was seeded before');
  } catch (err) {
    logger.warn({ err }, 'the demo course could not be seeded');
  }
}

/** Playroute's id for each demo LMS it registered (the platform the erasure is scoped to). */
const platformIds = new WeakMap<DemoLms, string>();

function demoPlatformId(lms: DemoLms): string {
  const id = platformIds.get(lms);
  if (!id) throw new Error('the demo LMS was not registered by startDemoPlatform');
  return id;
}
