// Calls the Playroute API with the launch token and turns error answers into ApiErrors the interface can put into words.
import { safeParse } from 'zod/mini';
import type { $ZodType, output } from 'zod/v4/core';
import { launchToken } from './launch-token';
import { keepSessionAlive, renewIfDue } from './session-renewal';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the server added to explain the refusal, e.g. `currentRevision` or `problems`. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

let aliveKept = false;

/**
 * Sends the request and hands back the answer unread (`unknown`): only apiRequest, which checks it against a schema, should
 * read it. `headers` adds request headers, e.g. If-Match with the revision a write is based on.
 */
export async function apiFetch(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<unknown> {
  await renewIfDue();
  const token = launchToken();
  if (!aliveKept) {
    aliveKept = true;
    keepSessionAlive();
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network_error', 'network error');
  }
  const text = await res.text();
  const body: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | undefined)?.error;
    throw new ApiError(res.status, error?.code ?? 'http_error', error?.message ?? res.statusText, error?.details);
  }
  return body;
}

/**
 * Calls the API and checks the answer against `schema` before anyone reads it: an answer of another shape (an
 * older server, a proxy's page) becomes an ApiError the interface says in words, not a crash deep in a component.
 * Any zod schema fits, zod/mini's here or the server's own where the shape is the same.
 */
export async function apiRequest<S extends $ZodType>(
  path: string,
  schema: S,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<output<S>> {
  const body = await apiFetch(path, init);
  const parsed = safeParse(schema, body);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(answer)'}: ${issue.message}`).join('; ');
    throw new ApiError(0, 'invalid_response', `unexpected answer from ${path}: ${where}`);
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
