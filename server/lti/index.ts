// The LTI 1.3 side of Playroute: login, launch, keys and registration routes, and the services other features use.
import { Router, type Request, type Response } from 'express';
import type { Connection } from 'mongoose';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createCourseRecords, type CourseRecords } from './store/course-records';
import { createLaunchHandoffs, type LaunchHandoffs } from './store/launch-handoffs';
import { createLoginStates } from './store/login-states';
import { createLearnedFramingOrigins } from './store/framing-origins';
import { createPlatformRegistry, type PlatformRegistry } from './store/platforms';
import { createPlatformCache } from './store/platform-cache';
import { createToolKeyStore } from './store/tool-keys';
import { createAgsClient, type AgsClient } from './ags-client';
import { asyncHandler, launchErrorPages } from './browser-errors';
import { respondToDeepLinking, type ResourceLinkItem } from './deep-linking-response';
import { ltiForm } from './form-body';
import { LtiError } from './lti-errors';
import { handleLaunch, handleLaunchConfirmation, type LaunchHandlerDeps } from './launch-handler';
import { createLoginGuard } from './login-guard';
import { initiateLogin } from './login-initiation';
import { cookieCheckRoute } from './cookie-check';
import { createNrpsClient, type NrpsClient } from './nrps-client';
import { createPlatformJwks, type FetchLike } from './platform-jwks';
import { registrationRoute } from './registration/registration-route';
import { createSecretBox } from './secret-box';
import { createServiceClient, type ServiceClient } from './service-client';
import { createServiceTokens, type ServiceTokens } from './service-token';
import { createSessionTokens, type LaunchSession, type SessionTokens } from './session-token';
import { toolConfiguration } from './tool-configuration';
import { createToolKeys, type ToolKeys } from './tool-keys';
import { toolUrls, type ToolUrls } from './tool-urls';

export interface LtiDeps {
  config: Config;
  connection: Connection;
  logger: Logger;
  /** Outbound HTTP to platforms (JWKS, tokens, services); tests may count or observe it. */
  fetch?: FetchLike;
  now?: () => Date;
  /** Minimum time between two fetches of one platform's JWKS for an unknown kid (tests shorten it). */
  jwksCooldownMs?: number;
  /** Told how each launch ended: `accepted`, `awaiting_confirmation` (Platform Storage) or the rejection code (metrics). */
  onLaunchOutcome?: (outcome: string) => void;
}

export interface Lti {
  /** Mount at the application root: it serves /lti/* and /.well-known/jwks.json. */
  router: Router;
  urls: ToolUrls;
  registry: PlatformRegistry;
  records: CourseRecords;
  handoffs: LaunchHandoffs;
  keys: ToolKeys;
  sessions: SessionTokens;
  /** Access tokens for the platforms' services, cached per platform and scope set. */
  serviceTokens: ServiceTokens;
  /** Authenticated calls to the platforms' services (AGS, NRPS). */
  services: ServiceClient;
  nrps: NrpsClient;
  /** Assignment and Grade Services: line items and scores. */
  ags: AgsClient;
  /** Signs the answer to this session's deep-linking request (single use). */
  respondToDeepLinking(props: { session: LaunchSession; item: ResourceLinkItem }): Promise<{ returnUrl: string; jwt: string }>;
  /** Creates the tool's first key if there is none; call once at start. */
  start(): Promise<void>;
}

export function createLti(deps: LtiDeps): Lti {
  const now = deps.now ?? (() => new Date());
  const urls = toolUrls(deps.config.publicUrl);
  const registry = createPlatformRegistry(deps.connection);
  // The login and the launch read platforms through a short-lived cache; everything else reads the registry itself.
  const platforms = createPlatformCache(registry);
  const loginStates = createLoginStates(deps.connection);
  const records = createCourseRecords(deps.connection);
  const handoffs = createLaunchHandoffs(deps.connection);
  const keys = createToolKeys({
    store: createToolKeyStore(deps.connection),
    secrets: createSecretBox(deps.config.ltiEncryptionKey, 'tool-keys'),
    now,
  });
  const sessions = createSessionTokens({ masterKey: deps.config.ltiEncryptionKey, issuer: deps.config.publicUrl, now });
  const serviceTokens = createServiceTokens({ keys, userAgent: urls.userAgent, fetch: deps.fetch, now, logger: deps.logger });
  const production = deps.config.env === 'production';
  const services = createServiceClient({ tokens: serviceTokens, userAgent: urls.userAgent, fetch: deps.fetch, logger: deps.logger, production });
  const launchDeps: LaunchHandlerDeps = {
    registry: platforms,
    loginStates,
    handoffs,
    records,
    sessions,
    jwks: createPlatformJwks({ fetch: deps.fetch, userAgent: urls.userAgent, cooldownMs: deps.jwksCooldownMs }),
    clockLeewaySeconds: deps.config.clockLeewaySeconds,
    production,
    logger: deps.logger,
    publicUrl: deps.config.publicUrl,
    confirmUrl: urls.launchConfirm,
    now,
    framing: createLearnedFramingOrigins(deps.connection),
  };

  const router = Router();
  const form = ltiForm({ limit: '64kb' });
  const publishJwks = asyncHandler(async (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(await keys.jwks());
  });
  router.get('/lti/jwks', publishJwks);
  router.get('/.well-known/jwks.json', publishJwks);
  const guard = createLoginGuard({ connection: deps.connection, limits: deps.config.loginLimits, loginStates, now });
  router.all('/lti/login', form, asyncHandler((req, res) => initiateLogin({ registry: platforms, loginStates, publicUrl: deps.config.publicUrl, launchUrl: urls.launch, now, guard }, req, res)));
  router.get('/lti/cookie-check', cookieCheckRoute());
  const observed = reportingOutcome(deps.onLaunchOutcome);
  router.post('/lti/launch', form, asyncHandler(observed((req, res) => handleLaunch(launchDeps, req, res))));
  router.post('/lti/launch/confirm', form, asyncHandler(observed((req, res) => handleLaunchConfirmation(launchDeps, req, res))));
  router.get('/lti/register', registrationRoute({ registry, tool: toolConfiguration(deps.config.publicUrl), logger: deps.logger, production: deps.config.env === 'production', registrationKey: deps.config.registrationKey, fetch: deps.fetch }));
  router.use('/lti', launchErrorPages(deps.logger));

  return {
    router,
    urls,
    registry,
    records,
    handoffs,
    keys,
    sessions,
    serviceTokens,
    services,
    nrps: createNrpsClient({ services }),
    ags: createAgsClient({ services }),
    respondToDeepLinking: (props) => respondToDeepLinking({ handoffs, registry, keys, launchUrl: urls.launch, now }, props),
    start: async () => {
      await loginStates.retireOldIndexes();
      await keys.ensureKey();
    },
  };
}

/** Tells `report` how a launch step ended: a redirect to the client is accepted, a page asking for Platform Storage waits. */
function reportingOutcome(report: ((outcome: string) => void) | undefined) {
  return (handler: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        await handler(req, res);
        report?.(res.statusCode === 303 ? 'accepted' : 'awaiting_confirmation');
      } catch (err) {
        report?.(err instanceof LtiError ? err.code : 'internal_error');
        throw err;
      }
    };
}
