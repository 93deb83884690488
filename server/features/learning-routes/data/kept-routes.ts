// The route this process last read or wrote per student and playbook, so a save over it need not read it again.
import type { Route } from '../../../domain/route';

/** Routes kept; past this the oldest goes. A class of 200 saving needs 200, a school's busy hour a few thousand. */
const KEPT_ROUTES = 5_000;

/**
 * A kept route is taken only at the exact version the student's client says it read. Every write to a route's
 * fields goes through the route repository's save, which raises the version and writes only over the version it
 * was given (a route's fields and its version change together, nowhere else: the erasure and the retention job
 * remove whole routes, and move-out of an old embedded history touches only `history`, never read with the route).
 * So the stored route at that version is the kept one, or the route moved on (another process, a coach) or went, and
 * then the save's conditional write refuses it: never written over, and the use case retries over a fresh read.
 * Whatever comes to rewrite a route's fields in place (say an erasure pseudonymising a coach in a study plan) must raise
 * its version as well, or a save from a kept route would write the old value back.
 */
export class KeptRoutes {
  private readonly kept = new Map<string, Route>();

  /** The kept route of this student in this playbook, if it is at `version`. */
  at(playbookId: string, studentId: string, version: number): Route | undefined {
    const route = this.kept.get(keyOf(playbookId, studentId));
    return route?.version === version ? route : undefined;
  }

  /** Keeps the route as read or written, frozen: it is handed to later requests, so none may change it. */
  keep(route: Route): void {
    const key = keyOf(route.playbookId, route.studentId);
    this.kept.delete(key);
    if (this.kept.size >= KEPT_ROUTES) this.kept.delete(this.kept.keys().next().value ?? key);
    this.kept.set(key, deepFreeze(route));
  }

  forget(playbookId: string, studentId: string): void {
    this.kept.delete(keyOf(playbookId, studentId));
  }
}

function keyOf(playbookId: string, studentId: string): string {
  return `${playbookId}\u0000${studentId}`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
