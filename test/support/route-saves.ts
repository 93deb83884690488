// A student's route page over the API: the route opened once, then every save sent over the version the last
// answer gave, as the client does.
import type { LtiHarness } from './lti-harness';

interface RouteAnswer {
  route: { version: number };
}

/** Opens the student's route and answers a save function; a refused save leaves the version where it was. */
export async function routeSaver(h: LtiHarness, student: string): Promise<(activityIds: string[]) => Promise<Response>> {
  let { version } = ((await (await h.api(student, '/api/route')).json()) as RouteAnswer).route;
  return async (activityIds) => {
    const res = await h.api(student, '/api/route', { method: 'PUT', body: JSON.stringify({ version, entries: activityIds.map((activityId) => ({ activityId })) }) });
    if (res.ok) version = ((await res.clone().json()) as RouteAnswer).route.version;
    return res;
  };
}
