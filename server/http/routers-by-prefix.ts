// Hands a request only to the routers that have a route under its path's first two segments ("/api/route"), in the
// order they were given, instead of walking every router's every route: a route save passed some thirty route
// matches of other features (express's router, path-to-regexp) before reaching its own, on each of a class's saves.
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';

/** What a router's stack exposes (express 5's `router` package): a route's path, a nested router's own stack. */
interface LayerLike {
  route?: { path?: unknown };
  handle?: { stack?: unknown };
  rawPath?: unknown;
  slash?: boolean;
}

const EVERYWHERE = 'everywhere';
type Prefixes = Set<string> | typeof EVERYWHERE;

/**
 * The prefixes ("/api/route", "/lti"; lower case) a router's layers answer under, or EVERYWHERE when any of its layers
 * could answer any path: a middleware without a path, a parameter or pattern in a path's first two segments, or a layer
 * whose shape is not the one known here (a later express), so that the router is then simply always asked.
 */
function prefixesOf(stack: unknown): Prefixes {
  if (!Array.isArray(stack)) return EVERYWHERE;
  const prefixes = new Set<string>();
  for (const layer of stack as LayerLike[]) {
    let found: Prefixes;
    if (layer.route) found = prefixOfPath(layer.route.path);
    else if (layer.slash) found = layer.handle && 'stack' in layer.handle ? prefixesOf(layer.handle.stack) : EVERYWHERE;
    // A middleware or router mounted at a path answers under it ("/lti" and "/lti/…").
    else found = prefixOfPath(layer.rawPath);
    if (found === EVERYWHERE) return EVERYWHERE;
    for (const prefix of found) prefixes.add(prefix);
  }
  return prefixes;
}

/** A path's first two segments (or its only one), when both are plain words. */
function prefixOfPath(path: unknown): Prefixes {
  if (typeof path !== 'string' || !path.startsWith('/')) return EVERYWHERE;
  const segments = path.split('/').slice(1, 3);
  if (segments.at(-1) === '') segments.pop();
  if (segments.length === 0 || segments.some((segment) => segment === '' || /[:*{}()?+\\[\]]/.test(segment))) return EVERYWHERE;
  return new Set([`/${segments.join('/')}`.toLowerCase()]);
}

/** A request path's first two segments, and its first, as prefixOfPath names them (express matches case-insensitively). */
function prefixesOfRequest(path: string): [string, string] {
  const second = path.indexOf('/', 1);
  const first = (second === -1 ? path : path.slice(0, second)).toLowerCase();
  const end = second === -1 ? -1 : path.indexOf('/', second + 1);
  return [(end === -1 ? path : path.slice(0, end)).toLowerCase(), first];
}

/**
 * One middleware for `routers`: a request goes through those of them with a route under its prefix, or that may answer
 * anywhere, in the given order, and on to what follows if none answers. The routers are read once, when this is made.
 */
export function routersByPrefix(routers: Router[]): RequestHandler & { prefixes: (string[] | 'everywhere')[] } {
  const served = routers.map((router) => ({ router, prefixes: prefixesOf(router.stack) }));
  const asked = (answers: (prefixes: Set<string>) => boolean) => served.filter(({ prefixes }) => prefixes === EVERYWHERE || answers(prefixes)).map((entry) => entry.router);
  const everywhere = asked(() => false);
  // A request under "/lti/launch" goes to the routers answering there, and to those answering under all of "/lti".
  const known = served.flatMap(({ prefixes }) => (prefixes === EVERYWHERE ? [] : [...prefixes]));
  const byPrefix = new Map(known.map((prefix) => [prefix, asked((its) => its.has(prefix) || its.has(prefixesOfRequest(prefix)[1]))]));
  const handler = (req: Request, res: Response, next: NextFunction) => {
    const [two, one] = prefixesOfRequest(req.path);
    const chain = byPrefix.get(two) ?? byPrefix.get(one) ?? everywhere;
    let at = 0;
    const proceed = (error?: unknown): void => {
      // 'router' leaves one router for the next one, as express itself does; any other value is an error.
      if (error !== undefined && error !== null && error !== 'router') return next(error);
      const router = chain[at++];
      if (!router) return next();
      router(req, res, proceed);
    };
    proceed();
  };
  // What each router was read as, in order (a test shows that none of the app's is asked for every request).
  const prefixes = served.map(({ prefixes: found }) => (found === EVERYWHERE ? EVERYWHERE : [...found].sort()));
  return Object.assign(handler, { prefixes });
}
