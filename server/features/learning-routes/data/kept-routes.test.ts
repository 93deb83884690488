// The kept routes' own rules: a route is handed out only at the version asked for, frozen, per student and playbook.
import { describe, expect, it } from 'vitest';
import { buildRoute } from '../../../domain/test-factories';
import { KeptRoutes } from './kept-routes';

describe('kept routes', () => {
  it('hand out a route only at the version the client read, and only for its own student and playbook', () => {
    const kept = new KeptRoutes();
    const route = buildRoute({ id: 'r-1', playbookId: 'pb-1', studentId: 's-1', version: 4 });
    kept.keep(route);
    expect(kept.at('pb-1', 's-1', 4)?.id).toBe('r-1');
    expect(kept.at('pb-1', 's-1', 3)).toBeUndefined();
    expect(kept.at('pb-1', 's-1', 5)).toBeUndefined();
    expect(kept.at('pb-2', 's-1', 4)).toBeUndefined();
    expect(kept.at('pb-1', 's-2', 4)).toBeUndefined();
  });

  it('freeze what they keep, so no request changes the route the next one gets', () => {
    const kept = new KeptRoutes();
    kept.keep(buildRoute({ playbookId: 'pb-1', studentId: 's-1', version: 1, entries: [{ activityId: 'activate', status: 'planned' }] }));
    const route = kept.at('pb-1', 's-1', 1);
    expect(() => route?.entries.push({ activityId: 'lecture', status: 'planned' })).toThrow(TypeError);
    expect(kept.at('pb-1', 's-1', 1)?.entries).toHaveLength(1);
  });

  it('forget a route when told, and keep only the newest of one student', () => {
    const kept = new KeptRoutes();
    kept.keep(buildRoute({ playbookId: 'pb-1', studentId: 's-1', version: 1 }));
    kept.keep(buildRoute({ playbookId: 'pb-1', studentId: 's-1', version: 2 }));
    expect(kept.at('pb-1', 's-1', 1)).toBeUndefined();
    expect(kept.at('pb-1', 's-1', 2)?.version).toBe(2);
    kept.forget('pb-1', 's-1');
    expect(kept.at('pb-1', 's-1', 2)).toBeUndefined();
  });
});
