import { describe, expect, it } from 'vitest';
import type { Platform } from '../lti/store/platforms';
import { framingOrigins, ownOrigins } from './framing-origins';

const platform = (issuer: string, authLoginUrl: string) => ({ issuer, authLoginUrl }) as Platform;

describe('who may frame Playroute', () => {
  it('outside production the demo works at localhost and at 127.0.0.1; in production only the public address counts', () => {
    expect(ownOrigins({ publicUrl: 'http://localhost:3000', production: false })).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    expect(ownOrigins({ publicUrl: 'https://routes.school.nl', production: true })).toEqual(['https://routes.school.nl']);
  });

  it('a Canvas Cloud registration lets the school’s own instructure.com host frame Playroute, not only the shared issuer', async () => {
    const registry = { list: async () => [platform('https://canvas.instructure.com', 'https://sso.canvaslms.com/api/lti/authorize_redirect')] };
    const origins = await framingOrigins({ registry, own: ['https://routes.school.nl'] })();
    expect(origins).toEqual(['https://routes.school.nl', 'https://canvas.instructure.com', 'https://sso.canvaslms.com', 'https://*.instructure.com']);
  });

  it('when the database is away, the last known origins still answer, and the next answer asks again', async () => {
    let calls = 0;
    let failing = false;
    const registry = {
      list: async () => {
        calls += 1;
        if (failing) throw new Error('database down');
        return [platform('https://moodle.school.nl', 'https://moodle.school.nl/mod/lti/auth.php')];
      },
    };
    let clock = 0;
    const origins = framingOrigins({ registry, own: ['https://routes.school.nl'], now: () => clock });
    expect(await origins()).toContain('https://moodle.school.nl');
    failing = true;
    clock += 60_000;
    expect(await origins()).toContain('https://moodle.school.nl');
    await origins();
    expect(calls).toBe(3);
  });
});
