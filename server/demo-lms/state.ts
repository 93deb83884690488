// Everything the simulated platform remembers, in memory: tools, placements, line items, scores and logs.
import type { LaunchMessageType } from '../lti/claims';
import type { Course } from './course';

export interface RegisteredTool {
  clientId: string;
  name: string;
  loginUrl: string;
  redirectUris: string[];
  launchUrl: string;
  jwksUrl: string;
  deepLinkUrl: string | undefined;
  deploymentIds: string[];
  scopes: string[];
  customParameters: Record<string, string>;
  registeredVia: 'manual' | 'dynamic';
}

/** A resource link: the tool placed somewhere in the course. */
export interface Placement {
  resourceLinkId: string;
  clientId: string;
  deploymentId: string;
  title: string;
  text: string | undefined;
  url: string | undefined;
  custom: Record<string, string>;
  createdVia: 'manual' | 'deep-linking';
  /** Set on a link a course copy made: the course it is in now and, newest first, the ids it was copied from. */
  copied?: { course: Course; contextIdHistory: string[]; resourceLinkIdHistory: string[] };
}

export interface LineItem {
  id: string;
  contextId: string;
  clientId: string;
  label: string;
  scoreMaximum: number;
  resourceLinkId: string | undefined;
  resourceId: string | undefined;
  tag: string | undefined;
  startDateTime: string | undefined;
  endDateTime: string | undefined;
  gradesReleased: boolean | undefined;
}

/** Every score POST the platform received, accepted or not, for tests to assert on. */
export interface RecordedScore {
  lineItemId: string;
  userId: string | undefined;
  receivedAt: number;
  status: number;
  accepted: boolean;
  body: unknown;
  headers: Record<string, string>;
}

export interface GradebookResult {
  lineItemId: string;
  userId: string;
  resultScore: number | undefined;
  resultMaximum: number | undefined;
  comment: string | undefined;
  timestamp: string;
  activityProgress: string;
  gradingProgress: string;
}

export interface DeepLinkResult {
  clientId: string;
  deploymentId: string;
  receivedAt: number;
  data: string | undefined;
  contentItems: unknown[];
  msg: string | undefined;
  log: string | undefined;
  errormsg: string | undefined;
  errorlog: string | undefined;
  /** resource_link ids created from ltiResourceLink items. */
  createdPlacements: string[];
  createdLineItems: string[];
}

export interface RequestLogEntry {
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  status: number | undefined;
  injectedFailure: boolean;
}

/** A launch the platform started and the tool has yet to complete through the authorization endpoint. */
export interface PendingLaunch {
  messageHint: string;
  clientId: string;
  deploymentId: string;
  userId: string;
  messageType: LaunchMessageType;
  resourceLinkId: string | undefined;
  targetLinkUri: string;
  /** For deep linking: the opaque `data` the tool must echo. */
  deepLinkData: string | undefined;
  locale: string;
  createdAt: number;
}

export interface IssuedToken {
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

export class LmsState {
  readonly tools = new Map<string, RegisteredTool>();
  readonly placements = new Map<string, Placement>();
  readonly lineItems = new Map<string, LineItem>();
  readonly scores: RecordedScore[] = [];
  readonly results = new Map<string, GradebookResult>();
  readonly deepLinkResults: DeepLinkResult[] = [];
  readonly requestLog: RequestLogEntry[] = [];
  readonly pendingLaunches = new Map<string, PendingLaunch>();
  /** Deep-linking `data` values sent and not yet answered, by value. */
  readonly pendingDeepLinks = new Map<string, PendingLaunch>();
  readonly accessTokens = new Map<string, IssuedToken>();
  /** jti values of client assertions already used, with their expiry, so replays fail. */
  readonly usedAssertionIds = new Map<string, number>();
  /** nonces of deep-linking responses already used. */
  readonly usedResponseNonces = new Set<string>();
  readonly registrationTokens = new Map<string, { expiresAt: number }>();

  toolByClientId(clientId: string): RegisteredTool | undefined {
    return this.tools.get(clientId);
  }

  resultKey(lineItemId: string, userId: string): string {
    return `${lineItemId}\u0000${userId}`;
  }
}
