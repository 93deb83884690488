// Turns what assessment and grade passback did into audit entries: who, when, what changed (before/after), why.
import type { LaunchSession } from '../../../lti/session-token';
import type { GradePublisher } from '../../assessment/index';
import { isPriorLearningClaim, type Attempt } from '../../evidence/index';
import type { AuditEntryDocument } from '../data/audit-model';
import type { AuditRepository } from '../data/audit-repository';

/** What the assessment routes report after a decision (server/features/assessment/routes.ts). */
export interface AssessmentDecision {
  session: LaunchSession;
  action: 'grade' | 'decision';
  before: Attempt;
  after: Attempt;
  comment?: string;
}

export interface DecisionRecorderDeps {
  audit: AuditRepository;
  /** The student's other attempts, to tell a first grade from a changed one. */
  attempts: { listForStudent(playbookId: string, studentId: string, outcomeId?: string): Promise<Attempt[]> };
  now: () => Date;
}

/** The role a decision was taken in: the highest the session holds. */
export function actingRole(session: Pick<LaunchSession, 'roles'>): string {
  for (const role of ['teacher', 'assistant', 'coach', 'student'] as const) if (session.roles.includes(role)) return role;
  return 'unknown';
}

function courseOf(attempt: Attempt): Pick<AuditEntryDocument, 'platformId' | 'deploymentId' | 'contextId' | 'resourceLinkId' | 'playbookId'> {
  const { platformId, deploymentId, contextId, resourceLinkId } = attempt.placement;
  return { platformId, deploymentId, contextId, resourceLinkId, playbookId: attempt.playbookId };
}

function resultOf(attempt: Attempt): Record<string, unknown> {
  return {
    attemptId: attempt.id,
    status: attempt.status,
    ...(attempt.assessment ? { fraction: attempt.assessment.result.fraction, rubricPassed: attempt.assessment.result.passed } : {}),
    ...(attempt.passed !== undefined ? { passed: attempt.passed } : {}),
    ...(attempt.fourEyes ? { decisions: attempt.fourEyes.decisions.map((d) => ({ assessorId: d.assessorId, verdict: d.verdict })) } : {}),
  };
}

/** When the decision was taken: the attempt's own time of change, which precedes the grades it sent. */
function decidedAt(after: Attempt, now: () => Date): Date {
  return after.updatedAt instanceof Date ? after.updatedAt : now();
}

export async function recordAssessmentDecision(deps: DecisionRecorderDeps, event: AssessmentDecision): Promise<void> {
  const { session, before, after } = event;
  const base = { ...courseOf(after), actor: { id: session.sub, role: actingRole(session) }, studentId: after.studentId, attemptId: after.id, outcomeId: after.outcomeId, at: decidedAt(after, deps.now) };
  const comment = event.comment ? { comment: event.comment } : {};
  if (event.action === 'decision') {
    await deps.audit.append({ ...base, kind: 'second-assessor', before: resultOf(before), after: resultOf(after), ...comment });
    return;
  }
  if (isPriorLearningClaim(after)) {
    await deps.audit.append({ ...base, kind: 'prior-learning-decision', before: resultOf(before), after: resultOf(after), ...comment });
    return;
  }
  // A later graded attempt on the same outcome changes the student's result there: the earlier one is the "before".
  const earlier = (await deps.attempts.listForStudent(after.playbookId, after.studentId, after.outcomeId)).filter((a) => a.id !== after.id && a.status === 'graded');
  const previous = earlier.at(-1);
  if (previous) await deps.audit.append({ ...base, kind: 'grade-changed', before: resultOf(previous), after: resultOf(after), ...comment });
  else await deps.audit.append({ ...base, kind: 'grade-given', before: resultOf(before), after: resultOf(after), ...comment });
}

/**
 * Wraps the grade publisher: each grade Playroute puts in the outbox for the LMS is an entry ('grade-sent', by the
 * system, as a consequence of the decision logged just before it). Progress without a grade is not a decision.
 */
export function auditedPublisher(publisher: GradePublisher, deps: Pick<DecisionRecorderDeps, 'audit' | 'now'>): GradePublisher {
  const system = { id: 'playroute', role: 'system' };
  return {
    async publishOutcomeResult(p) {
      await publisher.publishOutcomeResult(p);
      const { platformId, deploymentId, contextId, resourceLinkId } = p.placement;
      await deps.audit.append({
        platformId, deploymentId, contextId, resourceLinkId, playbookId: p.playbookId, kind: 'grade-sent', actor: system, studentId: p.studentSub,
        attemptId: p.attemptId, outcomeId: p.outcomeId, after: { column: 'outcome', grade: p.grade.display, scoreGiven: p.grade.scoreGiven, scoreMaximum: p.grade.scoreMaximum }, at: deps.now(),
      });
    },
    async publishFinalGrade(p) {
      await publisher.publishFinalGrade(p);
      const { platformId, deploymentId, contextId, resourceLinkId } = p.placement;
      await deps.audit.append({
        platformId, deploymentId, contextId, resourceLinkId, playbookId: p.playbookId, kind: 'grade-sent', actor: system, studentId: p.studentSub,
        after: { column: 'final', grade: p.grade.display, scoreGiven: p.grade.scoreGiven, scoreMaximum: p.grade.scoreMaximum }, at: deps.now(),
      });
    },
    publishActivityProgress: (p) => publisher.publishActivityProgress(p),
  };
}

/** A teacher sends a grade again (resend from the gradebook check, or retry of a failed delivery). */
export async function recordResend(
  deps: Pick<DecisionRecorderDeps, 'audit' | 'now'>,
  props: { session: LaunchSession; how: 'resend' | 'retry'; delivery: { id: string; userId: string; resourceLinkId?: string; lineItem: { label?: string; tag?: string }; scoreGiven?: number; scoreMaximum?: number; state: string } },
): Promise<void> {
  const { session, delivery } = props;
  if (!session.contextId) return;
  await deps.audit.append({
    platformId: session.platformId, deploymentId: session.deploymentId, contextId: session.contextId, resourceLinkId: delivery.resourceLinkId,
    kind: 'grade-resent', actor: { id: session.sub, role: actingRole(session) }, studentId: delivery.userId,
    after: { how: props.how, deliveryId: delivery.id, column: delivery.lineItem.label ?? delivery.lineItem.tag, scoreGiven: delivery.scoreGiven, scoreMaximum: delivery.scoreMaximum, state: delivery.state },
    at: deps.now(),
  });
}
