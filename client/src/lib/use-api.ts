// The older hook for one API read (loading, data or error, and a way to load again), for the views not yet on TanStack Query:
// the student's route (features/student-route) still reads through it. New reads use useQuery in the feature's api/ file.
import { useEffect, useState } from 'react';
import { ApiError } from './api-client';

export type ApiState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

/** `load` runs again when a value in `deps` changes or reload() is called. */
export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[] = []): ApiState<T> & { reload: () => void } {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'error', error: error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error)) }),
    );
    return () => {
      current = false;
    };
    // The caller lists what the load depends on; `load` itself is a new function on every render.
  }, [...deps, attempt]);
  return { ...state, reload: () => setAttempt((n) => n + 1) };
}
