// The operator's privacy API, with Authorization: Bearer <PRIVACY_ADMIN_TOKEN>:
//   POST /admin/privacy/erasures {platformId, sub}   erase one person ({…, preview: true}: only say what would go)
//   GET  /admin/privacy/retention                    every course: last activity, period, removal date
//   PUT  /admin/privacy/retention/:courseId {days}   the course's own period (days: null returns it to RETENTION_DAYS)
//
// Who is an administrator? Not anyone the LMS calls one: a launch's roles are course roles (and a Moodle site admin
// or an institution Administrator role is the LMS's administrator, not necessarily the one who runs Playroute), while
// erasure reaches across every course of a platform. It belongs to whoever operates this Playroute and holds its
// secrets. It has a token of its own, PRIVACY_ADMIN_TOKEN: the registration key (LTI_REGISTRATION_KEY) is typed by LMS
// administrators into their LMS's registration form, and a key that erases anyone must not travel that far. Compared in
// constant time (sha256 of both, then timingSafeEqual: equal lengths, so the length does not leak either) and never
// logged or echoed. Without the token configured these routes do not exist (404) and erasure is the command line's only
// (`npm run privacy:erase`). They live outside /api, where every call needs a launch session.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { NotAuthenticatedError, NotAuthorisedError, NotFoundError } from '../../errors';
import type { Logger } from '../../logger';
import { validate } from '../../http/validate';
import { erasePerson } from './use-cases/erase-person';
import { exportPerson } from './use-cases/export-person';
import { requireRole, sessionOf } from '../../http/auth';
import { contextKeyOf } from '../playbooks/index';
import { courseOfId, courseRetention, listCourseRetention, setCourseRetention } from './use-cases/retention';

/** Teachers are told this long before the retention job removes a course's personal data. */
const WARN_DAYS = 30;

const erasureSchema = z.object({ platformId: z.string().min(1).max(200), sub: z.string().min(1).max(255), preview: z.boolean().optional() }).strict();

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

const retentionSchema = z.object({ days: z.number().int().min(30).max(3650).nullable() }).strict();

function requireOperator(token: string): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (!match?.[1]) return next(new NotAuthenticatedError('This needs the operator token: Authorization: Bearer <PRIVACY_ADMIN_TOKEN>.'));
    if (!sameSecret(match[1], token)) return next(new NotAuthorisedError('Wrong operator token.'));
    next();
  };
}

/** GET /api/privacy/export: the person who launched downloads everything Playroute holds about them (any role). */
export function privacyRoutes(deps: { connection: Connection; retentionDays: number }): Router {
  const router = Router();
  router.get('/api/privacy/export', async (_req, res) => {
    const session = sessionOf(res);
    const { archive, filename } = await exportPerson({ connection: deps.connection }, { platformId: session.platformId, sub: session.sub });
    res.set('cache-control', 'no-store').type('application/zip').attachment(filename).send(archive);
  });
  // The teacher's notice: when the course's personal data will be removed (and whether that is near).
  router.get('/api/privacy/retention', requireRole('teacher'), async (_req, res) => {
    const course = contextKeyOf(sessionOf(res));
    const retention = await courseRetention({ connection: deps.connection, retentionDays: deps.retentionDays }, course);
    const soon = retention.removeOn ? retention.removeOn.getTime() - Date.now() < WARN_DAYS * 86_400_000 : false;
    res.json({ ...retention, courseEnd: 'last activity: the latest launch of anyone in the course', warning: soon });
  });
  return router;
}

export function privacyAdminRoutes(deps: { connection: Connection; logger: Logger; adminToken: string | undefined; retentionDays: number }): Router {
  const router = Router();
  if (!deps.adminToken) return router;
  const operator = requireOperator(deps.adminToken);
  router.post('/admin/privacy/erasures', operator, validate(erasureSchema), async (req, res) => {
    const { preview, ...person } = req.body as z.infer<typeof erasureSchema>;
    const report = await erasePerson({ connection: deps.connection, logger: deps.logger }, person, { preview });
    res.status(200).json({ report });
  });
  router.get('/admin/privacy/retention', operator, async (_req, res) => {
    res.json({ schoolRetentionDays: deps.retentionDays, courses: await listCourseRetention({ connection: deps.connection, retentionDays: deps.retentionDays }) });
  });
  router.put('/admin/privacy/retention/:courseId', operator, validate(retentionSchema), async (req, res) => {
    const course = courseOfId(String(req.params.courseId));
    const known = course ? await deps.connection.db?.collection('lti_contexts').countDocuments(course) : 0;
    if (!course || !known) throw new NotFoundError('No such course: take its courseId from GET /admin/privacy/retention.');
    const { days } = req.body as z.infer<typeof retentionSchema>;
    await setCourseRetention(deps.connection, course, days ?? undefined);
    deps.logger.info({ contextId: course.contextId, days }, 'privacy: course retention period set');
    res.json({ courseId: req.params.courseId, ...course, ...(await courseRetention({ connection: deps.connection, retentionDays: deps.retentionDays }, course)) });
  });
  return router;
}
