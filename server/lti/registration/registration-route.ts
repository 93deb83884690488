// GET /lti/register: the page an LMS opens to start Dynamic Registration; it registers and tells the LMS to close the window, or says why not.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../../logger';
import type { PlatformRegistry } from '../store/platforms';
import type { FetchLike } from '../platform-jwks';
import { registrationDonePage } from '../pages/launch-pages';
import { pageLanguage, pageText } from '../pages/page-messages';
import type { ToolConfiguration } from '../tool-configuration';
import { registerPlatform } from './register-platform';
import { RegistrationError } from './registration-errors';
import { initiationQuerySchema } from './registration-schema';

const DEFAULT_TIMEOUT_MS = 10_000;

export interface RegistrationRouteDeps {
  registry: PlatformRegistry;
  tool: ToolConfiguration;
  logger: Logger;
  production: boolean;
  /**
   * When set, the registration address must carry ?key=<this>, so only an LMS whose administrator was given
   * the address can register. Production without a key has dynamic registration switched off.
   */
  registrationKey?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

export function registrationRoute(deps: RegistrationRouteDeps): RequestHandler {
  const options = {
    registry: deps.registry,
    tool: deps.tool,
    fetch: deps.fetch ?? fetch,
    userAgent: deps.tool.urls.userAgent,
    allowLoopbackHttp: !deps.production,
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  return async (req: Request, res: Response) => {
    const language = pageLanguage(req.get('accept-language'));
    res.setHeader('Cache-Control', 'no-store');
    try {
      assertMayRegister(deps, req.query.key);
      const query = initiationQuerySchema.safeParse(req.query);
      if (!query.success) throw new RegistrationError(400, 'registration.error.bad_request');
      const platform = await registerPlatform(options, {
        openidConfiguration: query.data.openid_configuration,
        registrationToken: query.data.registration_token,
      });
      deps.logger.info(
        { issuer: platform.issuer, clientId: platform.clientId, deploymentIds: platform.deploymentIds, productFamily: platform.productFamily },
        'platform registered through Dynamic Registration',
      );
      res.status(200).type('html').send(registrationDonePage({ language }));
    } catch (err) {
      const known = err instanceof RegistrationError;
      if (known) deps.logger.warn({ code: err.messageKey, status: err.status, reason: err.message }, 'dynamic registration refused');
      else deps.logger.error({ err }, 'dynamic registration failed');
      const error = known ? pageText(language, err.messageKey, err.params) : pageText(language, 'registration.error.internal');
      res.status(known ? err.status : 500).type('html').send(registrationDonePage({ language, error }));
    }
  };
}

function assertMayRegister(deps: RegistrationRouteDeps, key: unknown): void {
  if (!deps.registrationKey) {
    if (deps.production) throw new RegistrationError(403, 'registration.error.disabled');
    return;
  }
  if (typeof key !== 'string' || !sameSecret(key, deps.registrationKey)) throw new RegistrationError(403, 'registration.error.wrong_key');
}

// Compared as hashes so the comparison takes as long whatever the length of the guess.
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
