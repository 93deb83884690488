// A student's own intake: read it with its result, save a draft, submit it.
import {
  draftIssues,
  intakeResult,
  keepReviews,
  pointStandings,
  submitIssues,
  submittedIntake,
  uniquePlacements,
  type IntakeResponse,
  type IntakeResult,
  type LearnerProfile,
  type SelfPlacement,
} from '../../../domain/intake/index';
import { effectiveLevel } from '../../../domain/self-direction';
import type { LaunchSession } from '../../../lti/session-token';
import type { StoredResponse } from '../data/intake-repository';
import type { IntakeDeps } from '../deps';
import { alreadySubmitted, invalidAnswers, noIntake } from '../errors';
import { gradedRanksByStudent } from './class-standings';
import { intakeContext, type IntakeContext } from './intake-context';

export interface OwnIntake extends IntakeContext {
  response: StoredResponse | undefined;
  /** The picture and the proposals; there once the intake is submitted. */
  result: IntakeResult | undefined;
}

export async function openOwnIntake(deps: IntakeDeps, { session }: { session: LaunchSession }): Promise<OwnIntake> {
  const context = await intakeContext(deps, { session, audience: 'student' });
  if (!context.stored) throw noIntake();
  const response = await deps.intakes.getResponse(context.playbook.id, session.sub);
  return { ...context, response, result: response?.status === 'submitted' ? await resultOf(deps, context, session.sub, response) : undefined };
}

export interface SaveOwnIntakeProps {
  session: LaunchSession;
  /** The version read; 0 for the first save. */
  version: number;
  placements: SelfPlacement[];
  diagnostics: { outcomeId: string; answer: string }[];
  profile: LearnerProfile;
}

export async function saveOwnIntake(deps: IntakeDeps, props: SaveOwnIntakeProps): Promise<OwnIntake> {
  const { session } = props;
  const context = await intakeContext(deps, { session, audience: 'student' });
  if (!context.stored) throw noIntake();
  const current = await deps.intakes.getResponse(context.playbook.id, session.sub);
  if (current?.status === 'submitted') throw alreadySubmitted();
  // The student only writes answers; a teacher's review stays with an answer left as it was (a reopened intake).
  const draft: IntakeResponse = {
    placements: uniquePlacements(props.placements),
    diagnostics: keepReviews(current?.diagnostics ?? [], props.diagnostics),
    profile: props.profile,
    status: 'draft',
    ...(current?.history ? { history: current.history } : {}),
  };
  const issues = draftIssues(context.design, context.outcomes, draft);
  if (issues.length > 0) throw invalidAnswers(issues);
  const saved = await deps.intakes.saveResponse(context.playbook.id, session.sub, draft, { expectedVersion: props.version, at: deps.learningRoutes.now() });
  return { ...context, response: saved, result: undefined };
}

export async function submitOwnIntake(deps: IntakeDeps, { session, version }: { session: LaunchSession; version: number }): Promise<OwnIntake> {
  const context = await intakeContext(deps, { session, audience: 'student' });
  if (!context.stored) throw noIntake();
  const current = await deps.intakes.getResponse(context.playbook.id, session.sub);
  if (current?.status === 'submitted') throw alreadySubmitted();
  const response: IntakeResponse = current ?? { placements: [], diagnostics: [], profile: {}, status: 'draft' };
  const issues = submitIssues(context.design, context.outcomes, response);
  if (issues.length > 0) throw invalidAnswers(issues);
  const at = deps.learningRoutes.now();
  const saved = await deps.intakes.saveResponse(context.playbook.id, session.sub, submittedIntake(response, { by: session.sub, at }), { expectedVersion: version, at });
  return { ...context, response: saved, result: await resultOf(deps, context, session.sub, saved) };
}

/** The result for one student: grades and the teacher's reviews count over their own placement; goals follow their level. */
export async function resultOf(deps: IntakeDeps, context: IntakeContext, studentId: string, response: StoredResponse): Promise<IntakeResult> {
  const [route, graded] = await Promise.all([deps.learningRoutes.routes.getForStudent(context.playbook.id, studentId), deps.gradedAttempts(context.playbook.id)]);
  const mine = graded.filter((a) => a.studentId === studentId);
  const points = pointStandings({ design: context.design, outcomes: context.outcomes, response, gradedRanks: gradedRanksByStudent(mine, context.outcomes).get(studentId) });
  return intakeResult({
    points,
    level: effectiveLevel(context.playbook.selfDirectionLevel, route?.levelOverride),
    playbook: context.playbook,
    routeActivityIds: route?.entries.map((e) => e.activityId) ?? [],
  });
}
