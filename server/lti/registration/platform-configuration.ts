// Reads the platform's OpenID configuration and checks it before Playroute trusts it with a registration.
import { RegistrationKey } from '../claims';
import type { FetchLike } from '../platform-jwks';
import { RegistrationError, isTrustedUrl } from './registration-errors';
import { firstIssue, platformConfigurationSchema, type PlatformConfiguration } from './registration-schema';

export interface PlatformRequestOptions {
  fetch: FetchLike;
  userAgent: string;
  allowLoopbackHttp: boolean;
  timeoutMs: number;
}

export async function fetchPlatformConfiguration(
  options: PlatformRequestOptions,
  configurationUrl: string,
  registrationToken: string | undefined,
): Promise<PlatformConfiguration> {
  if (!isTrustedUrl(configurationUrl, options.allowLoopbackHttp)) {
    throw new RegistrationError(400, 'registration.error.insecure', { url: configurationUrl }, 'openid_configuration is not https');
  }
  let response: Response;
  try {
    // Canvas wants the registration token on this request too; other platforms ignore it.
    response = await options.fetch(configurationUrl, {
      headers: { accept: 'application/json', 'user-agent': options.userAgent, ...(registrationToken ? { authorization: `Bearer ${registrationToken}` } : {}) },
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    throw new RegistrationError(502, 'registration.error.unreachable', { url: configurationUrl }, `configuration fetch failed: ${String(err)}`);
  }
  if (!response.ok) {
    throw new RegistrationError(502, 'registration.error.unreachable', { url: configurationUrl }, `configuration answered ${response.status}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new RegistrationError(502, 'registration.error.invalid_configuration', { detail: 'not JSON' });
  }
  const parsed = platformConfigurationSchema.safeParse(body);
  if (!parsed.success) throw new RegistrationError(502, 'registration.error.invalid_configuration', { detail: firstIssue(parsed.error) });
  checkConfiguration(options, configurationUrl, parsed.data);
  return parsed.data;
}

function checkConfiguration(options: PlatformRequestOptions, configurationUrl: string, config: PlatformConfiguration): void {
  const { issuer } = config;
  if (!isTrustedUrl(issuer, options.allowLoopbackHttp)) {
    throw new RegistrationError(400, 'registration.error.insecure', { url: issuer }, 'issuer is not https');
  }
  // The spec's check: the configuration must come from under its own issuer, so one platform cannot speak for another.
  const prefix = issuer.endsWith('/') ? issuer : `${issuer}/`;
  if (configurationUrl !== issuer && !configurationUrl.startsWith(prefix)) {
    throw new RegistrationError(400, 'registration.error.issuer_mismatch', { issuer, url: configurationUrl });
  }
  for (const url of [config.authorization_endpoint, config.token_endpoint, config.jwks_uri, config.registration_endpoint]) {
    if (!isTrustedUrl(url, options.allowLoopbackHttp)) throw new RegistrationError(400, 'registration.error.insecure', { url });
  }
}

/** The audience of our client assertions when the platform names one apart from its token endpoint (Brightspace). */
export function tokenAudienceOf(config: PlatformConfiguration): string | undefined {
  const server = config.authorization_server;
  // Canvas sends a bare host name here and expects the token endpoint as audience.
  if (!server || !/^https?:\/\//.test(server) || server === config.token_endpoint) return undefined;
  return server;
}

const FAMILY_NAMES: Record<string, string> = { canvas: 'Canvas', moodle: 'Moodle', desire2learn: 'Brightspace' };

export function platformName(config: PlatformConfiguration): string {
  const platform = config[RegistrationKey.platformConfiguration];
  const account = platform['https://canvas.instructure.com/lti/account_name'];
  const family = FAMILY_NAMES[platform.product_family_code] ?? platform.product_family_code;
  return `${family} (${account ?? new URL(config.issuer).host})`;
}
