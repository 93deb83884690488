// routersByPrefix answers every request as the same routers mounted one after another would, while a request is handed
// only to the routers with a route under its first two segments (or that may answer anywhere). Real express, real HTTP.
import express, { Router, type Express, type NextFunction, type Request, type Response } from 'express';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { routersByPrefix } from '../../server/http/routers-by-prefix';
import { buildTestApp } from '../support/app';

function routers() {
  const routes = Router();
  routes.get('/api/route', (_req, res) => void res.json({ from: 'routes' }));
  routes.put('/api/route', (_req, res) => void res.json({ from: 'routes', saved: true }));
  routes.get('/api/route/history', (_req, res) => void res.json({ from: 'history' }));
  const nested = Router().use(Router().get('/api/coach/students', (_req, res) => void res.json({ from: 'coach' })), Router().get('/api/coach/students/:studentId', (req, res) => void res.json({ from: 'coach', id: req.params.studentId })));
  const skipping = Router();
  // A router that leaves itself for the next one ('router'), and one that fails.
  skipping.get('/api/route/history', (_req, _res, next) => next('router'));
  skipping.get('/api/broken/thing', () => {
    throw new Error('broken');
  });
  const anywhere = Router();
  const seenAnywhere: string[] = [];
  anywhere.use((req, _res, next) => {
    seenAnywhere.push(req.path);
    next();
  });
  // Pages under all of "/lti", as the LTI router's error pages are mounted.
  const mounted = Router();
  mounted.get('/lti/launch', (_req, res) => void res.json({ from: 'launch' }));
  mounted.use('/lti', (_req, res) => void res.status(404).json({ from: 'lti pages' }));
  const byParam = Router();
  byParam.get('/api/:kind/special', (req, res) => void res.json({ from: 'param', kind: req.params.kind }));
  return { list: [skipping, routes, nested, mounted, anywhere, byParam], routes, nested, seenAnywhere };
}

function serve(mount: (app: Express, list: Router[]) => void) {
  const built = routers();
  const app = express();
  mount(app, built.list);
  app.use((_req, res) => void res.status(404).json({ from: 'not found' }));
  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => void res.status(500).json({ error: error.message }));
  return { app, ...built };
}

const REQUESTS: [string, string][] = [
  ['GET', '/api/route'],
  ['PUT', '/api/route'],
  ['GET', '/API/Route'],
  ['GET', '/api/route/'],
  ['GET', '/api/route/history'],
  ['GET', '/api/coach/students'],
  ['GET', '/api/coach/students/s-42'],
  ['GET', '/api/coach/students/s%2042'],
  ['GET', '/api/broken/thing'],
  ['GET', '/api/peers/special'],
  ['GET', '/api/nothing/here'],
  ['GET', '/'],
  ['GET', '/api'],
  ['DELETE', '/api/route'],
  ['GET', '/lti/launch'],
  ['GET', '/LTI/elsewhere/deeper'],
  ['GET', '/lti'],
  ['GET', '/ltix'],
];

describe('routers handed requests by prefix', () => {
  it('answer every request as the same routers mounted one after another', async () => {
    const one = serve((app, list) => list.forEach((router) => app.use(router)));
    const other = serve((app, list) => app.use(routersByPrefix(list)));
    for (const [method, path] of REQUESTS) {
      const expected = await request(one.app)[method.toLowerCase() as 'get'](path);
      const answered = await request(other.app)[method.toLowerCase() as 'get'](path);
      expect({ path, method, status: answered.status, body: answered.body as unknown }).toEqual({ path, method, status: expected.status, body: expected.body as unknown });
    }
    // The router that may answer anywhere saw every request in both.
    expect(other.seenAnywhere).toEqual(one.seenAnywhere);
  });

  it('never hand a request to a router with no route under its prefix', async () => {
    const { app, routes, nested } = serve((app, list) => app.use(routersByPrefix(list)));
    const coachAsked = vi.spyOn(nested as unknown as { handle: () => void }, 'handle');
    const routesAsked = vi.spyOn(routes as unknown as { handle: () => void }, 'handle');

    await request(app).put('/api/route').expect(200, { from: 'routes', saved: true });
    expect(coachAsked).not.toHaveBeenCalled();
    await request(app).get('/api/coach/students').expect(200, { from: 'coach' });
    expect(routesAsked).toHaveBeenCalledTimes(1);
  });

  it('read the app’s own routers by their prefixes, each feature under its own', async () => {
    const app = await buildTestApp({});
    try {
      const layers = (app.app as unknown as { router: { stack: { handle: { prefixes?: (string[] | 'everywhere')[] } }[] } }).router.stack;
      const described = layers.flatMap((layer) => layer.handle.prefixes ?? []);
      expect(described.length).toBeGreaterThan(10);
      // Every router Playroute mounts this way names its prefixes: none had to be asked for every request.
      expect(described).not.toContain('everywhere');
      expect(described.flat()).toEqual(expect.arrayContaining(['/api/route', '/api/class', '/api/session', '/api/evidence', '/api/assessment']));
    } finally {
      await app.close();
    }
  });
});
