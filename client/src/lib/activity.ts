// An activity as the API sends it: the domain's own type (server/domain/activity.ts), with its dates as ISO strings.
import type { Activity as DomainActivity, ActivitySession as DomainSession } from './domain';

export type ActivitySession = Omit<DomainSession, 'startsAt' | 'endsAt'> & { startsAt: string; endsAt?: string };

export type Activity = Omit<DomainActivity, 'schedule'> & { schedule: { kind: 'asynchronous' } | { kind: 'synchronous'; sessions: ActivitySession[] } };
