// Why a project-group request cannot be served, as AppErrors with stable codes the client translates.
import { AppError } from '../../errors';

export function groupSetNotFound(id: string): AppError {
  return new AppError(404, 'group_set_not_found', 'There are no such groups in this playbook.', { id });
}

export function unknownStudents(studentIds: string[]): AppError {
  return new AppError(422, 'unknown_students', 'Some fixed partners are not students of this course.', { studentIds });
}

export function unknownActivity(activityId: string): AppError {
  return new AppError(422, 'unknown_activity', 'The playbook has no such activity.', { activityId });
}
