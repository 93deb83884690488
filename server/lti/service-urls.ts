// Which service URLs (AGS, NRPS) Playroute will send a platform's bearer token to: https on the platform's own hosts only.
import { isIPv4, isIPv6 } from 'node:net';
import type { Platform } from './store/platforms';
import type { LtiLaunch } from './launch-claims';

/** http is accepted for these hosts outside production only (the simulated LMS, a local Moodle). */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

// Link-local (cloud metadata at 169.254.169.254, fe80::/10) is never an LMS; private ranges are not one in production.
function isForbiddenAddress(hostname: string, production: boolean): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIPv4(host)) {
    const [a = 0, b = 0] = host.split('.').map(Number);
    if (a === 169 && b === 254) return true;
    if (a === 0) return true;
    return production && (a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168));
  }
  if (isIPv6(host)) {
    if (/^fe[89ab]/.test(host) || host === '::' || host.startsWith('::ffff:')) return true;
    return production && (host === '::1' || /^f[cd]/.test(host));
  }
  return false;
}

/**
 * Why this URL is no address to send a platform's token to, or undefined when it may be one:
 * https only (http for loopback hosts outside production), never a link-local or (in production) private address.
 */
export function serviceUrlProblem(url: string, options: { production: boolean }): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  const httpAllowed = !options.production && isLoopbackHost(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && httpAllowed)) return `the scheme ${parsed.protocol} is not https`;
  if (parsed.username || parsed.password) return 'it carries credentials';
  if (isForbiddenAddress(parsed.hostname, options.production)) return 'it is a link-local or private address';
  return undefined;
}

/**
 * The hosts a launch's service URLs may be on: those of the platform's registration (issuer, login, token,
 * token audience, JWKS). Canvas is the exception: its issuer is https://canvas.instructure.com for every
 * school "regardless of the specific account domain(s) that the tool was launched from"
 * (instructure/canvas-lms doc/api/lti_dev_key_config.md), and its AGS/NRPS URLs are on the school's own
 * host, the one its launch_presentation.return_url points back to. So for Canvas, the hosts of the launch's
 * own return URLs count too.
 */
export function trustedServiceHosts(
  platform: Pick<Platform, 'issuer' | 'authLoginUrl' | 'tokenUrl' | 'tokenAudience' | 'jwksUrl' | 'productFamily'>,
  launch: { productFamily?: string; returnUrls: (string | undefined)[] },
): Set<string> {
  const urls = [platform.issuer, platform.authLoginUrl, platform.tokenUrl, platform.tokenAudience, platform.jwksUrl];
  const canvas = platform.productFamily === 'canvas' || launch.productFamily === 'canvas';
  if (canvas) urls.push(...launch.returnUrls);
  const hosts = new Set<string>();
  for (const url of urls) {
    const host = hostnameOf(url);
    if (host) hosts.add(host);
  }
  return hosts;
}

/** Why the launch may not use this service URL, or undefined when it may. */
export function launchServiceUrlProblem(url: string, hosts: Set<string>, options: { production: boolean }): string | undefined {
  const problem = serviceUrlProblem(url, options);
  if (problem) return problem;
  const host = hostnameOf(url);
  return host && hosts.has(host) ? undefined : 'its host is not one of the platform';
}

/** The launch without the service URLs it may not use; each dropped one named (service, host, why) for the log. */
export function keepTrustedServices(
  launch: LtiLaunch,
  hosts: Set<string>,
  options: { production: boolean },
): { launch: LtiLaunch; dropped: { service: string; host: string; problem: string }[] } {
  const dropped: { service: string; host: string; problem: string }[] = [];
  const keep = (service: string, url: string | undefined): string | undefined => {
    if (url === undefined) return undefined;
    const problem = launchServiceUrlProblem(url, hosts, options);
    if (!problem) return url;
    dropped.push({ service, host: hostnameOf(url) ?? '(none)', problem });
    return undefined;
  };
  const lineItemsUrl = keep('ags.lineitems', launch.ags?.lineItemsUrl);
  const lineItemUrl = keep('ags.lineitem', launch.ags?.lineItemUrl);
  const membershipsUrl = keep('nrps.context_memberships_url', launch.nrps?.membershipsUrl);
  const { ags: _ags, nrps: _nrps, ...rest } = launch;
  return {
    launch: {
      ...rest,
      ...(launch.ags && (lineItemsUrl || lineItemUrl || !(launch.ags.lineItemsUrl || launch.ags.lineItemUrl))
        ? { ags: { scopes: launch.ags.scopes, ...(lineItemsUrl && { lineItemsUrl }), ...(lineItemUrl && { lineItemUrl }) } }
        : {}),
      ...(membershipsUrl ? { nrps: { membershipsUrl } } : {}),
    },
    dropped,
  };
}

function hostnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}
