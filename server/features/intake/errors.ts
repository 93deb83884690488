// Why an intake request cannot be served, as AppErrors with stable codes the client translates.
import { AppError } from '../../errors';
import type { IntakeDesignIssue, IntakeIssue } from '../../domain/intake/index';

export function noIntake(): AppError {
  return new AppError(404, 'no_intake', 'This playbook has no intake yet.');
}

export function invalidDesign(issues: IntakeDesignIssue[]): AppError {
  return new AppError(422, 'invalid_intake_design', 'The intake names outcomes or indicators this playbook does not have, or an outcome without rubric levels.', { issues });
}

export function invalidAnswers(issues: IntakeIssue[]): AppError {
  return new AppError(422, 'invalid_intake', 'The intake is not complete or names levels or points it does not have.', { issues });
}

export function alreadySubmitted(): AppError {
  return new AppError(409, 'intake_submitted', 'Your intake has been submitted; it can no longer be changed.');
}

export function notSubmitted(): AppError {
  return new AppError(409, 'intake_not_submitted', 'The student has not submitted this intake yet.');
}

export function noDiagnosticAnswer(outcomeId: string): AppError {
  return new AppError(404, 'no_diagnostic_answer', 'The student has not answered the diagnostic task of this outcome.', { outcomeId });
}

export function noPlaybook(): AppError {
  return new AppError(404, 'no_playbook', 'This link has no published playbook yet. Ask your teacher when it opens.');
}

/** Also for a student of another coach: whether they exist is none of the caller's business. */
export function studentNotFound(studentId: string): AppError {
  return new AppError(404, 'student_not_found', 'This student is not one of your students in this course.', { studentId });
}
