// Page slicing and the RFC 8288 Link header the AGS and NRPS containers page with.
import { z } from 'zod';
import { LmsError } from './errors';

const pageQuerySchema = z.object({
  limit: z.coerce.number().int().positive().max(1000).optional(),
  page: z.coerce.number().int().positive().optional(),
});

export interface Page<T> {
  items: T[];
  /** Value for the Link header, empty when everything fits on one page. */
  link: string;
}

/**
 * Slices `all` by the request's `limit` and `page`; links keep every other query parameter.
 * @param baseUrl the container URL without query string
 */
export function paginate<T>(all: T[], query: Record<string, string>, baseUrl: string): Page<T> {
  const parsed = pageQuerySchema.safeParse({ limit: query.limit, page: query.page });
  if (!parsed.success) throw new LmsError(400, 'invalid_request', 'limit and page must be positive integers');
  const { limit, page = 1 } = parsed.data;
  if (!limit) return { items: all, link: '' };
  const pages = Math.max(1, Math.ceil(all.length / limit));
  const at = (n: number) => {
    const url = new URL(baseUrl);
    for (const [key, value] of Object.entries(query)) if (key !== 'page') url.searchParams.set(key, value);
    url.searchParams.set('page', String(n));
    return url.toString();
  };
  const links = [`<${at(1)}>; rel="first"`, `<${at(pages)}>; rel="last"`];
  if (page < pages) links.push(`<${at(page + 1)}>; rel="next"`);
  if (page > 1) links.push(`<${at(Math.min(page - 1, pages))}>; rel="prev"`);
  return { items: all.slice((page - 1) * limit, page * limit), link: links.join(', ') };
}

/** A request's query as plain strings (repeated parameters keep their first value). */
export function plainQuery(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof query !== 'object' || query === null) return out;
  for (const [key, value] of Object.entries(query)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') out[key] = first;
  }
  return out;
}
