// Which sites may show Playroute in a frame: the registered LMSs, and in development Playroute's own demo under either local name.
import type { LearnedFramingOrigins } from '../lti/store/framing-origins';
import type { PlatformRegistry } from '../lti/store/platforms';

const CACHE_MS = 15_000;

// Canvas Cloud signs as canvas.instructure.com, but its course pages live on the institution's *.instructure.com host.
const CANVAS_CLOUD_ISSUERS = new Set(['https://canvas.instructure.com', 'https://canvas.beta.instructure.com', 'https://canvas.test.instructure.com']);

/** Playroute's own origin, plus its localhost/127.0.0.1 twin outside production: the demo must work opened at either. */
export function ownOrigins(props: { publicUrl: string; production: boolean }): string[] {
  const url = new URL(props.publicUrl);
  const origins = [url.origin];
  if (!props.production) {
    const twin = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname === '127.0.0.1' ? 'localhost' : undefined;
    if (twin) origins.push(`${url.protocol}//${twin}${url.port ? `:${url.port}` : ''}`);
  }
  return origins;
}

/** The frame-ancestors origins, looked up from the registry at most every few seconds (a new registration shows up quickly). */
export function framingOrigins(props: {
  registry: Pick<PlatformRegistry, 'list'>;
  /** Origins learned from launches; asked every time, since the page of a first launch follows it within milliseconds. */
  learned?: Pick<LearnedFramingOrigins, 'list'>;
  own: string[];
  now?: () => number;
}): () => Promise<string[]> {
  const now = props.now ?? Date.now;
  let cached: { at: number; origins: Promise<string[]> } | undefined;
  let lastKnown = props.own;
  let lastLearned: string[] = [];
  const registered = () => {
    if (!cached || now() - cached.at > CACHE_MS) {
      const origins = props.registry.list().then(
        (platforms) => {
          const set = new Set(props.own);
          for (const platform of platforms) {
            for (const url of [platform.issuer, platform.authLoginUrl]) {
              const origin = originOf(url);
              if (origin) set.add(origin);
            }
            if (CANVAS_CLOUD_ISSUERS.has(platform.issuer)) set.add('https://*.instructure.com');
          }
          lastKnown = [...set];
          return lastKnown;
        },
        () => {
          // The database is away (health says so): keep answering with what was known, and ask again next time.
          cached = undefined;
          return lastKnown;
        },
      );
      cached = { at: now(), origins };
    }
    return cached.origins;
  };
  return async () => {
    const [fromRegistry, fromLaunches] = await Promise.all([
      registered(),
      props.learned?.list().then(
        (origins) => (lastLearned = origins),
        () => lastLearned,
      ) ?? [],
    ]);
    return [...new Set([...fromRegistry, ...fromLaunches])];
  };
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
