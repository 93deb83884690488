// Coaches and teachers read the intakes of the students in their scope; the teacher reviews a diagnostic task and may
// reopen a submitted intake.
import { classStart, reopenedIntake, type ClassStartPoint, type IntakeResult } from '../../../domain/intake/index';
import type { LaunchSession } from '../../../lti/session-token';
import { studentsInScope } from '../../learning-routes/index';
import type { ClassListMember } from '../../roster/index';
import type { StoredResponse } from '../data/intake-repository';
import type { IntakeDeps } from '../deps';
import { invalidAnswers, noDiagnosticAnswer, noIntake, notSubmitted, studentNotFound } from '../errors';
import { classStandings, type ClassStandings, type StudentStanding } from './class-standings';
import { intakeContext, type IntakeContext } from './intake-context';
import { resultOf } from './own-intake';

/** The class's standings, narrowed to the students this person may see (the one scope rule of the learning routes). */
export async function standingsInScope(deps: IntakeDeps, { session }: { session: LaunchSession }): Promise<ClassStandings> {
  const [standings, scope] = await Promise.all([classStandings(deps, { session, audience: 'staff' }), studentsInScope(deps.learningRoutes, { session })]);
  const visible = new Set(scope.students.map((s) => s.id));
  return { ...standings, students: standings.students.filter((s) => visible.has(s.student.id)) };
}

export interface StudentIntake extends IntakeContext {
  student: ClassListMember;
  response: StoredResponse | undefined;
  result: IntakeResult | undefined;
}

export async function studentIntake(deps: IntakeDeps, { session, studentId }: { session: LaunchSession; studentId: string }): Promise<StudentIntake> {
  const context = await intakeContext(deps, { session, audience: 'staff' });
  const { students } = await studentsInScope(deps.learningRoutes, { session });
  const student = students.find((s) => s.id === studentId);
  if (!student) throw studentNotFound(studentId);
  const response = await deps.intakes.getResponse(context.playbook.id, studentId);
  const result = response?.status === 'submitted' ? await resultOf(deps, context, studentId, response) : undefined;
  return { ...context, student, response, result };
}

export interface ReviewProps {
  session: LaunchSession;
  studentId: string;
  outcomeId: string;
  version: number;
  comment: string;
  /** The level the answer shows; it then counts over the student's self-placement on the outcome. */
  rank?: number | undefined;
}

export async function reviewDiagnostic(deps: IntakeDeps, props: ReviewProps): Promise<StudentIntake> {
  const found = await studentIntake(deps, props);
  if (!found.stored) throw noIntake();
  const { response } = found;
  if (!response || response.status !== 'submitted') throw notSubmitted();
  const answer = response.diagnostics.find((d) => d.outcomeId === props.outcomeId);
  if (!answer) throw noDiagnosticAnswer(props.outcomeId);
  const max = found.outcomes.find((o) => o.id === props.outcomeId)?.rubric.criteria.reduce((m, c) => Math.max(m, c.levels.length), 0) ?? 0;
  if (props.rank !== undefined && props.rank > max) throw invalidAnswers([{ code: 'rank_out_of_scale', point: props.outcomeId, rank: props.rank, max }]);
  const at = deps.learningRoutes.now();
  const review = { by: props.session.sub, at, comment: props.comment, ...(props.rank === undefined ? {} : { rank: props.rank }) };
  const diagnostics = response.diagnostics.map((d) => (d.outcomeId === props.outcomeId ? { ...d, review } : d));
  const saved = await deps.intakes.saveResponse(found.playbook.id, props.studentId, { ...response, diagnostics }, { expectedVersion: props.version, at });
  return { ...found, response: saved, result: await resultOf(deps, found, props.studentId, saved) };
}

export interface ReopenProps {
  session: LaunchSession;
  studentId: string;
  /** The version the teacher read: a student submitting again meanwhile is not undone unseen. */
  version: number;
  /** Why, for the student and the history ("you placed yourself on the wrong outcome"). */
  reason?: string | undefined;
}

/** A teacher opens a submitted intake again: the student can change and submit it; the history records who and when. */
export async function reopenIntake(deps: IntakeDeps, props: ReopenProps): Promise<StudentIntake> {
  const found = await studentIntake(deps, props);
  if (!found.stored) throw noIntake();
  const { response } = found;
  if (!response || response.status !== 'submitted') throw notSubmitted();
  const at = deps.learningRoutes.now();
  const reason = props.reason?.trim() || undefined;
  const saved = await deps.intakes.saveResponse(found.playbook.id, props.studentId, reopenedIntake(response, { by: props.session.sub, at, reason }), { expectedVersion: props.version, at });
  return { ...found, response: saved, result: undefined };
}

export interface ClassStartAnswer {
  students: number;
  submitted: number;
  points: ClassStartPoint[];
  standings: ClassStandings;
}

/** The class's starting position per outcome and indicator, over the students in the caller's scope. */
export async function classStartPosition(deps: IntakeDeps, { session }: { session: LaunchSession }): Promise<ClassStartAnswer> {
  const standings = await standingsInScope(deps, { session });
  const submitted = standings.students.filter((s: StudentStanding) => s.intake === 'submitted').length;
  return { students: standings.students.length, submitted, points: classStart(standings.students.map((s) => s.points)), standings };
}
