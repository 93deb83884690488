// Anything a failed call threw, as an ApiError the error components can put into words.
import { ApiError } from '../../../lib/api-client';

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error));
}
