// The operator's erasure API: POST /admin/privacy/erasures {platformId, sub} with Authorization: Bearer <key>.
//
// Who is an administrator? Not anyone the LMS calls one: a launch's roles are course roles (and a Moodle site admin
// or an institution Administrator role is the LMS's administrator, not necessarily the one who runs Playroute), while
// erasure reaches across every course of a platform. It belongs to whoever operates this Playroute and holds its
// secrets, like registering an LMS: so it is authorised by the operator secret LTI_REGISTRATION_KEY, compared in
// constant time. Without that key configured the API does not exist (404) and erasure is the command line's only
// (`npm run privacy:erase`). It lives outside /api, where every call needs a launch session.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { NotAuthenticatedError, NotAuthorisedError } from '../../errors';
import type { Logger } from '../../logger';
import { validate } from '../../http/validate';
import { erasePerson } from './use-cases/erase-person';
import { exportPerson } from './use-cases/export-person';
import { requireRole, sessionOf } from '../../http/auth';
import { contextKeyOf } from '../playbooks/index';
import { courseRetention } from './use-cases/retention';

/** Teachers are told this long before the retention job removes a course's personal data. */
const WARN_DAYS = 30;

const erasureSchema = z.object({ platformId: z.string().min(1).max(200), sub: z.string().min(1).max(255) }).strict();

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function requireOperator(key: string): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (!match?.[1]) return next(new NotAuthenticatedError('This needs the operator key: Authorization: Bearer <LTI_REGISTRATION_KEY>.'));
    if (!sameSecret(match[1], key)) return next(new NotAuthorisedError('Wrong operator key.'));
    next();
  };
}

/** GET /api/privacy/export: the person who launched downloads everything Playroute holds about them (any role). */
export function privacyRoutes(deps: { connection: Connection }): Router {
  const router = Router();
  router.get('/api/privacy/export', async (_req, res) => {
    const session = sessionOf(res);
    const { archive, filename } = await exportPerson({ connection: deps.connection }, { platformId: session.platformId, sub: session.sub });
    res.set('cache-control', 'no-store').type('application/zip').attachment(filename).send(archive);
  });
  // The teacher's notice: when the course's personal data will be removed (and whether that is near).
  router.get('/api/privacy/retention', requireRole('teacher'), async (_req, res) => {
    const course = contextKeyOf(sessionOf(res));
    const retention = await courseRetention({ connection: deps.connection }, course);
    const soon = retention.removeOn ? retention.removeOn.getTime() - Date.now() < WARN_DAYS * 86_400_000 : false;
    res.json({ ...retention, courseEnd: 'last activity: the latest launch of anyone in the course', warning: soon });
  });
  return router;
}

export function privacyAdminRoutes(deps: { connection: Connection; logger: Logger; operatorKey: string | undefined }): Router {
  const router = Router();
  if (!deps.operatorKey) return router;
  router.post('/admin/privacy/erasures', requireOperator(deps.operatorKey), validate(erasureSchema), async (req, res) => {
    const report = await erasePerson({ connection: deps.connection, logger: deps.logger }, req.body as z.infer<typeof erasureSchema>);
    res.status(200).json({ report });
  });
  return router;
}
