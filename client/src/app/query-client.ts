// Server state for the whole client: one TanStack Query cache, so loading, errors, refetching and invalidation live in one place.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client';

declare module '@tanstack/react-query' {
  interface Register {
    // Every fetcher goes through lib/api-client, which throws only ApiErrors.
    defaultError: ApiError;
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A refusal (401, 403, 404, a bad answer) will not change by asking again; a network hiccup may.
        retry: (failures, error) => error instanceof ApiError && error.code === 'network_error' && failures < 2,
        // Teachers switch tabs to the LMS and back all day; a refetch each time would reset what they look at.
        refetchOnWindowFocus: false,
        // staleTime stays 0: a view opened again shows what it had at once and reads again, as every view did before the cache.
      },
      mutations: { retry: false },
    },
  });
}
