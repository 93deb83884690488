// The registry as the login and the launch read it: every launch needs its platform, which changes rarely, so the
// answers are kept in memory for a short while instead of a store read per login and per launch.
//
// Safe across processes: a registration changed by another process shows here within TTL_MS at most, and sooner where
// it matters — the launch reads the platform again when a token names a deployment or key the cached copy does not know
// (launch-handler.ts), and so does the login for an unknown deployment. Platforms are never deleted (the registry
// has no removal), and a platform not found is not remembered, so a new registration is seen at its first login.
import type { Platform, PlatformRegistry } from './platforms';

const TTL_MS = 30_000;

export interface PlatformLookup {
  find(issuer: string, clientId: string): Promise<Platform | undefined>;
  findByIssuer(issuer: string): Promise<Platform[]>;
  get(id: string): Promise<Platform | undefined>;
  /** Reads the platform from the store now, and keeps that answer. */
  reload(id: string): Promise<Platform | undefined>;
  learnProductFamily(id: string, productFamily: string): Promise<void>;
}

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

export function createPlatformCache(registry: PlatformRegistry, options: { ttlMs?: number; now?: () => number } = {}): PlatformLookup {
  const ttl = options.ttlMs ?? TTL_MS;
  const now = options.now ?? Date.now;
  const byKey = new Map<string, Entry<Platform | undefined>>();
  const byIssuer = new Map<string, Entry<Platform[]>>();
  const keyOf = (issuer: string, clientId: string) => `${issuer}\n${clientId}`;

  // Concurrent launches of a cold cache share one read; a failed read or an absent platform is not kept.
  function cached<T>(map: Map<string, Entry<T>>, key: string, read: () => Promise<T>, keep: (value: T) => boolean): Promise<T> {
    const entry = map.get(key);
    if (entry && now() - entry.at < ttl) return entry.value;
    const value = read();
    map.set(key, { at: now(), value });
    value.then(
      (result) => {
        if (!keep(result) && map.get(key)?.value === value) map.delete(key);
      },
      () => {
        if (map.get(key)?.value === value) map.delete(key);
      },
    );
    return value;
  }

  function remember(platform: Platform): void {
    byKey.set(keyOf(platform.issuer, platform.clientId), { at: now(), value: Promise.resolve(platform) });
    byKey.set(`id\n${platform.id}`, { at: now(), value: Promise.resolve(platform) });
    byIssuer.delete(platform.issuer);
  }

  return {
    find: (issuer, clientId) => cached(byKey, keyOf(issuer, clientId), () => registry.find(issuer, clientId), Boolean),
    findByIssuer: (issuer) => cached(byIssuer, issuer, () => registry.findByIssuer(issuer), (list) => list.length > 0),
    get: (id) => cached(byKey, `id\n${id}`, () => registry.get(id), Boolean),
    async reload(id) {
      const platform = await registry.get(id);
      if (platform) remember(platform);
      return platform;
    },
    async learnProductFamily(id, productFamily) {
      await registry.learnProductFamily(id, productFamily);
      // The write only fills an absent value, so the cached copies can be filled the same way.
      for (const entry of byKey.values()) {
        void entry.value.then((platform) => {
          if (platform?.id === id && !platform.productFamily) platform.productFamily = productFamily;
        });
      }
    },
  };
}
