// The simulated LTI 1.3 platform: createDemoLms builds its express router and the handles tests and the demo use.
import { randomBytes } from 'node:crypto';
import express from 'express';
import type { JWK, JWTPayload } from 'jose';
import { lineItemsRouter } from './ags';
import { ALL_SCOPES } from '../lti/claims';
import { lmsUrls, toolKeyResolver, type LmsContext, type LmsUrls } from './context';
import { DEMO_COURSE, demoMembers, Roster, type Course, type CourseRole, type Member } from './course';
import { deepLinkingRouter } from './deep-linking';
import { demoPageRouter } from './demo-page';
import { lmsErrorHandler } from './errors';
import { FailureInjector, serviceMiddleware, type FailureInjection } from './failures';
import { KeyRing, type SignOptions } from './keys';
import { membershipsRouter } from './nrps';
import { authorizationRouter, startLaunch, type StartedLaunch, type StartLaunchProps } from './oidc';
import { quirkProfile, type LmsQuirks } from './quirks';
import { openidConfiguration, registrationRouter, startRegistration, type StartedRegistration } from './registration';
import { scoresRouter, setGradebookValue } from './scores';
import {
  LmsState,
  type DeepLinkResult,
  type GradebookResult,
  type LineItem,
  type Placement,
  type RecordedScore,
  type RegisteredTool,
  type RequestLogEntry,
} from './state';
import { tokenRouter } from './token-endpoint';

export type { LmsQuirks } from './quirks';
export type { Course, CourseRole, Member } from './course';
export type { FailureInjection } from './failures';
export type { SignOptions } from './keys';
export type { StartLaunchProps, StartedLaunch } from './oidc';
export type { StartedRegistration } from './registration';
export type { DeepLinkResult, GradebookResult, LineItem, Placement, RecordedScore, RegisteredTool, RequestLogEntry } from './state';
export type { LmsUrls } from './context';

export interface DemoLmsOptions {
  /** Absolute base URL where the router is mounted, e.g. http://127.0.0.1:3000/demo-lms; also the `iss`. */
  issuer: string;
  quirks?: LmsQuirks;
  now?: () => number;
  /** Used to fetch tools' JWKS. */
  fetch?: typeof fetch;
  /** Serve the browser demo page at GET / (default true). */
  demoPage?: boolean;
}

export interface ToolRegistration {
  name: string;
  loginUrl: string;
  redirectUris: string[];
  launchUrl: string;
  jwksUrl: string;
  deepLinkUrl?: string;
  clientId?: string;
  deploymentIds?: string[];
  /** Scopes the tool may request at the token endpoint; default all AGS and NRPS scopes. */
  scopes?: string[];
  customParameters?: Record<string, string>;
  /** The link the LMS creates with the tool (default: titled by the tool's name, random id); the demo course names its own. */
  firstPlacement?: { title: string; resourceLinkId: string };
}

export interface NewPlacement {
  title: string;
  /** A fixed link id (the demo course's own link, so a restart finds its playbook); random otherwise. */
  resourceLinkId?: string;
  clientId?: string;
  url?: string;
  text?: string;
  custom?: Record<string, string>;
}

export interface DemoLms {
  readonly router: express.Router;
  readonly urls: LmsUrls;
  readonly course: Course;
  readonly quirks: LmsQuirks;
  readonly currentKid: string;
  registerTool(tool: ToolRegistration): RegisteredTool;
  tools(): RegisteredTool[];
  members(): Member[];
  /** The first course member with this role. */
  member(role: CourseRole): Member;
  addMember(member: Member): void;
  /** Unenrols a member: gone from NRPS, refused by services (Brightspace remembers they were enrolled). */
  removeMember(userId: string): void;
  addPlacement(placement: NewPlacement): Placement;
  placements(): Placement[];
  /**
   * Copies the demo course into a new course as Canvas's course copy does: every link of the tool comes along with
   * its custom parameters, under a new resource link id, and launches from the copy name the course (and link) it was
   * copied from in $Context.id.history ($ResourceLink.id.history). Returns the new link id of each copied link.
   */
  copyCourse(course: Course): Map<string, string>;
  startLaunch(props: StartLaunchProps): StartedLaunch;
  startRegistration(initiationUrl: string): StartedRegistration;
  openidConfiguration(): Record<string, unknown>;
  /** Signs any claims with a platform key, to craft tampered or odd id_tokens for security tests. */
  signIdToken(claims: JWTPayload, options?: SignOptions): Promise<string>;
  jwks(): { keys: JWK[] };
  /** Adds a new signing key; the old one stays published until removeKey. Returns the new kid. */
  rotateKey(): string;
  removeKey(kid: string): void;
  setQuirks(quirks: LmsQuirks): void;
  /** Fails a fraction of service requests (token, AGS, NRPS); null switches it off. */
  injectFailures(injection: FailureInjection | null): void;
  lineItems(): LineItem[];
  scores(): RecordedScore[];
  results(): GradebookResult[];
  /** A teacher changes a grade in the LMS gradebook itself, behind the tool's back. */
  setGradebookValue(props: { lineItemId: string; userId: string; resultScore: number | undefined }): void;
  deepLinkResults(): DeepLinkResult[];
  requestLog(): RequestLogEntry[];
  clearRequestLog(): void;
  /** Offers "Reset the demo" on the course page; the handler restores the demo course's starting state. */
  onReset(handler: () => Promise<void>): void;
}

export function createDemoLms(options: DemoLmsOptions): DemoLms {
  const now = options.now ?? Date.now;
  let quirks: LmsQuirks = options.quirks ?? 'standard';
  let profile = quirkProfile(quirks);
  const state = new LmsState();
  const keys = new KeyRing(now);
  const ctx: LmsContext = {
    state,
    keys,
    roster: new Roster(demoMembers()),
    course: DEMO_COURSE,
    urls: lmsUrls(options.issuer),
    now,
    profile: () => profile,
    toolKeys: toolKeyResolver(options.fetch ?? fetch),
  };
  const injector = new FailureInjector();

  const addPlacement = (placement: NewPlacement): Placement => {
    const tool = placement.clientId ? state.toolByClientId(placement.clientId) : state.tools.values().next().value;
    if (!tool) throw new Error('register a tool before placing it');
    const created: Placement = {
      resourceLinkId: placement.resourceLinkId ?? `rl-${randomBytes(6).toString('hex')}`,
      clientId: tool.clientId,
      deploymentId: tool.deploymentIds[0] ?? '',
      title: placement.title,
      text: placement.text,
      url: placement.url,
      custom: placement.custom ?? {},
      createdVia: 'manual',
    };
    state.placements.set(created.resourceLinkId, created);
    return created;
  };

  const register = (tool: Omit<RegisteredTool, 'registeredVia'>, via: RegisteredTool['registeredVia'], first?: ToolRegistration['firstPlacement']): RegisteredTool => {
    const registered: RegisteredTool = { ...tool, registeredVia: via };
    state.tools.set(registered.clientId, registered);
    // Every tool starts with one placement, so it can be launched without deep linking first.
    addPlacement({ title: first?.title ?? registered.name, clientId: registered.clientId, ...(first ? { resourceLinkId: first.resourceLinkId } : {}) });
    return registered;
  };

  const router = express.Router();
  router.get('/.well-known/jwks.json', (_req, res) => {
    res.json(keys.jwks());
  });
  router.use(['/token', '/ags', '/nrps'], serviceMiddleware(state, injector, now));
  router.use(tokenRouter(ctx));
  router.use(lineItemsRouter(ctx));
  router.use(scoresRouter(ctx));
  router.use(membershipsRouter(ctx));
  router.use(authorizationRouter(ctx));
  router.use(deepLinkingRouter(ctx));
  router.use(registrationRouter(ctx, (tool) => register(tool, 'dynamic')));
  if (options.demoPage !== false) router.use(demoPageRouter(ctx));
  router.use(lmsErrorHandler);

  return {
    router,
    urls: ctx.urls,
    course: ctx.course,
    get quirks() {
      return quirks;
    },
    get currentKid() {
      return keys.currentKid;
    },
    registerTool: (tool) =>
      register(
        {
          clientId: tool.clientId ?? `client-${randomBytes(6).toString('hex')}`,
          name: tool.name,
          loginUrl: tool.loginUrl,
          redirectUris: tool.redirectUris,
          launchUrl: tool.launchUrl,
          jwksUrl: tool.jwksUrl,
          deepLinkUrl: tool.deepLinkUrl,
          deploymentIds: tool.deploymentIds ?? [`dep-${randomBytes(4).toString('hex')}`],
          scopes: tool.scopes ?? [...ALL_SCOPES],
          customParameters: tool.customParameters ?? {},
        },
        'manual',
        tool.firstPlacement,
      ),
    tools: () => [...state.tools.values()],
    members: () => ctx.roster.list(),
    member: (role) => {
      const found = ctx.roster.list().find((member) => member.role === role);
      if (!found) throw new Error(`no ${role} in the course`);
      return found;
    },
    addMember: (member) => ctx.roster.add(member),
    removeMember: (userId) => ctx.roster.remove(userId),
    addPlacement,
    placements: () => [...state.placements.values()],
    copyCourse: (course) => {
      const links = new Map<string, string>();
      for (const original of [...state.placements.values()].filter((p) => !p.copied)) {
        const resourceLinkId = `rl-${randomBytes(6).toString('hex')}`;
        state.placements.set(resourceLinkId, {
          ...original,
          resourceLinkId,
          custom: { ...original.custom },
          copied: { course, contextIdHistory: [ctx.course.id], resourceLinkIdHistory: [original.resourceLinkId] },
        });
        links.set(original.resourceLinkId, resourceLinkId);
      }
      return links;
    },
    startLaunch: (props) => startLaunch(ctx, props),
    startRegistration: (initiationUrl) => startRegistration(ctx, initiationUrl),
    openidConfiguration: () => openidConfiguration(ctx),
    signIdToken: (claims, signOptions) => keys.sign(claims, signOptions),
    jwks: () => keys.jwks(),
    rotateKey: () => keys.rotate(),
    removeKey: (kid) => keys.remove(kid),
    setQuirks: (next) => {
      quirks = next;
      profile = quirkProfile(next);
    },
    injectFailures: (injection) => injector.set(injection),
    lineItems: () => [...state.lineItems.values()],
    scores: () => [...state.scores],
    results: () => [...state.results.values()],
    setGradebookValue: (props) => setGradebookValue(ctx, props),
    deepLinkResults: () => [...state.deepLinkResults],
    requestLog: () => [...state.requestLog],
    clearRequestLog: () => {
      state.requestLog.length = 0;
    },
    onReset: (handler) => {
      ctx.reset = handler;
    },
  };
}
