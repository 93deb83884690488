// Dynamic Registration, tool side: read the platform's configuration, register Playroute there, and remember the platform.
import { RegistrationKey } from '../claims';
import type { Platform, PlatformRegistry } from '../store/platforms';
import { registrationRequest, type ToolConfiguration } from '../tool-configuration';
import { fetchPlatformConfiguration, platformName, tokenAudienceOf, type PlatformRequestOptions } from './platform-configuration';
import { RegistrationError } from './registration-errors';
import { firstIssue, registrationAnswerSchema, type PlatformConfiguration } from './registration-schema';

export interface RegisterPlatformDeps extends PlatformRequestOptions {
  registry: PlatformRegistry;
  tool: ToolConfiguration;
}

export interface RegisterPlatformProps {
  /** The platform's OpenID configuration URL, from the initiation request. */
  openidConfiguration: string;
  /** One-time token the platform gave for this registration. */
  registrationToken?: string;
}

/** Registers Playroute with the platform and the platform with Playroute; nothing is stored unless the platform accepted. */
export async function registerPlatform(deps: RegisterPlatformDeps, props: RegisterPlatformProps): Promise<Platform> {
  const config = await fetchPlatformConfiguration(deps, props.openidConfiguration, props.registrationToken);
  const productFamily = config[RegistrationKey.platformConfiguration].product_family_code;
  const answer = await postRegistration(deps, config, registrationRequest(deps.tool, productFamily), props.registrationToken);
  const deploymentId = answer[RegistrationKey.toolConfiguration]?.deployment_id;
  return deps.registry.register({
    issuer: config.issuer,
    clientId: answer.client_id,
    name: platformName(config),
    productFamily,
    authLoginUrl: config.authorization_endpoint,
    tokenUrl: config.token_endpoint,
    tokenAudience: tokenAudienceOf(config),
    jwksUrl: config.jwks_uri,
    // Canvas creates the deployment only when an admin installs the tool; `npm run platform:add` adds it then.
    deploymentIds: deploymentId ? [deploymentId] : [],
    registeredVia: 'dynamic',
  });
}

async function postRegistration(deps: RegisterPlatformDeps, config: PlatformConfiguration, body: Record<string, unknown>, token: string | undefined) {
  const url = config.registration_endpoint;
  let response: Response;
  try {
    response = await deps.fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'user-agent': deps.userAgent,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(deps.timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    throw new RegistrationError(502, 'registration.error.unreachable', { url }, `registration POST failed: ${String(err)}`);
  }
  const text = await response.text();
  if (response.status === 401 || response.status === 403) {
    throw new RegistrationError(502, 'registration.error.token_refused', {}, `registration endpoint answered ${response.status}: ${text.slice(0, 300)}`);
  }
  if (!response.ok) {
    const detail = describePlatformError(text) ?? `HTTP ${response.status}`;
    throw new RegistrationError(502, 'registration.error.refused', { detail }, `registration endpoint answered ${response.status}: ${text.slice(0, 300)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RegistrationError(502, 'registration.error.invalid_answer', { detail: 'not JSON' });
  }
  const parsed = registrationAnswerSchema.safeParse(json);
  if (!parsed.success) throw new RegistrationError(502, 'registration.error.invalid_answer', { detail: firstIssue(parsed.error) });
  return parsed.data;
}

// The spec's error body is {error, error_description}; Canvas answers {errors: [...]}.
function describePlatformError(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown; errors?: unknown };
    const parts = [body.error, body.error_description].filter((part): part is string => typeof part === 'string');
    if (parts.length > 0) return parts.join(': ').slice(0, 300);
    if (Array.isArray(body.errors)) return JSON.stringify(body.errors).slice(0, 300);
  } catch {
    // Not JSON: the status says enough.
  }
  return undefined;
}
