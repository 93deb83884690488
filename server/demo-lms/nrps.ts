// NRPS context memberships: the course roster with role filter and paging by `limit` and Link rel="next".
import express from 'express';
import { requireToken } from './bearer';
import { MediaType, Role, Scope } from '../lti/claims';
import type { LmsContext } from './context';
import { fullName, rolesOf, type Member } from './course';
import { LmsError } from './errors';
import { paginate, plainQuery } from './paging';

export function membershipsRouter(ctx: LmsContext): express.Router {
  const router = express.Router();
  router.get('/nrps/:contextId/memberships', (req, res) => {
    requireToken(ctx, req, [Scope.nrpsMembership]);
    if (req.params.contextId !== ctx.course.id) throw new LmsError(404, 'not_found', 'no such context');
    const query = plainQuery(req.query);
    const profile = ctx.profile();
    const wanted = query.role === undefined ? undefined : expandRole(query.role);
    const members = ctx.roster
      .list()
      .map((member) => ({ member, roles: rolesOf(member, profile) }))
      .filter(({ roles }) => wanted === undefined || roles.includes(wanted));
    const page = paginate(members, query, ctx.urls.memberships(ctx.course.id));
    if (page.link) res.set('Link', page.link);
    const body = {
      id: ctx.urls.memberships(ctx.course.id),
      context: { id: ctx.course.id, label: ctx.course.label, title: ctx.course.title },
      members: page.items.map(({ member, roles }) => memberJson(member, roles)),
    };
    res.type(MediaType.membershipContainer).send(JSON.stringify(body));
  });
  return router;
}

/** The spec lets `role` be a full URI or a short context role name such as `Learner`. */
function expandRole(role: string): string {
  if (role.includes(':')) return role;
  const short: Record<string, string> = {
    Learner: Role.learner,
    Instructor: Role.instructor,
    Mentor: Role.mentor,
    TeachingAssistant: Role.teachingAssistant,
  };
  return short[role] ?? role;
}

function memberJson(member: Member, roles: string[]): Record<string, unknown> {
  return {
    status: 'Active',
    user_id: member.userId,
    name: fullName(member),
    given_name: member.givenName,
    family_name: member.familyName,
    email: member.email,
    lis_person_sourcedid: member.userId,
    roles,
  };
}
