// Why a class list cannot be shown or refreshed, as AppErrors with stable codes.
import { AppError } from '../../errors';

export function noCourse(): AppError {
  return new AppError(404, 'no_course', 'This launch did not come from a course, so there is no class list. Open Playroute from a course in the learning environment.');
}

export function rosterNotOffered(): AppError {
  return new AppError(
    409,
    'roster_not_offered',
    'The learning environment does not share the class list with Playroute for this course (Names and Role Provisioning Services). Ask its administrator to enable that service for Playroute.',
  );
}
