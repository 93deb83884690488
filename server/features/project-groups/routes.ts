// The project-group endpoints (see README.md in this folder for each request and answer).
import { Router } from 'express';
import { STAFF } from '../../lti/roles';
import { requireRole, sessionOf } from '../../http/auth';
import { validate } from '../../http/validate';
import type { ProjectGroupDeps } from './deps';
import { formSchema, lockSchema, moveSchema, reformSchema, setParamsSchema, type FormBody, type LockBody, type MoveBody, type ReformBody } from './schemas';
import { formGroupSet, listGroupSets, lockGroups, moveStudent, readGroupSet, reformGroupSet } from './use-cases/group-sets';
import { ownGroups } from './use-cases/own-groups';
import { groupSetSummary, groupSetView, ownGroupsView } from './views';

export function projectGroupRoutes(deps: ProjectGroupDeps): Router {
  const router = Router();
  const teacher = requireRole('teacher');
  const staff = requireRole(...STAFF);
  const student = requireRole('student');
  const params = validate(setParamsSchema, 'params');
  const setIdOf = (p: Record<string, unknown>) => String(p.setId);

  router.get('/api/project-groups/mine', student, async (_req, res) => {
    res.json(ownGroupsView(await ownGroups(deps, { session: sessionOf(res) })));
  });

  router.get('/api/project-groups', staff, async (_req, res) => {
    const { sets } = await listGroupSets(deps, { session: sessionOf(res) });
    res.json({ sets: sets.map(groupSetSummary) });
  });

  router.post('/api/project-groups', teacher, validate(formSchema), async (req, res) => {
    const body = req.body as FormBody;
    const { set, standings } = await formGroupSet(deps, { session: sessionOf(res), ...body });
    res.status(201).json(groupSetView(set, standings));
  });

  router.get('/api/project-groups/:setId', staff, params, async (req, res) => {
    const { set, standings } = await readGroupSet(deps, { session: sessionOf(res), setId: setIdOf(req.params) });
    res.json(groupSetView(set, standings));
  });

  router.post('/api/project-groups/:setId/reform', teacher, params, validate(reformSchema), async (req, res) => {
    const body = req.body as ReformBody;
    const { set, standings } = await reformGroupSet(deps, { session: sessionOf(res), setId: setIdOf(req.params), ...body });
    res.json(groupSetView(set, standings));
  });

  router.post('/api/project-groups/:setId/move', teacher, params, validate(moveSchema), async (req, res) => {
    const body = req.body as MoveBody;
    const { set, standings } = await moveStudent(deps, { session: sessionOf(res), setId: setIdOf(req.params), ...body });
    res.json(groupSetView(set, standings));
  });

  router.post('/api/project-groups/:setId/lock', teacher, params, validate(lockSchema), async (req, res) => {
    const body = req.body as LockBody;
    const { set, standings } = await lockGroups(deps, { session: sessionOf(res), setId: setIdOf(req.params), ...body });
    res.json(groupSetView(set, standings));
  });

  return router;
}
