// Exports a playbook with its outcomes to the sharing format, and imports one with fresh, consistent ids.

import type { Activity } from './activity';
import type { LearningOutcome } from './outcome';
import type { Playbook } from './playbook';
import {
  PLAYBOOK_FORMAT,
  PLAYBOOK_FORMAT_VERSION,
  playbookFileSchema,
  type ParsedPlaybookFile,
  type PlaybookFile,
} from './playbook-format';

/** A playbook without what belongs to one course; the caller adds id, placement, status and course start. */
export type PlaybookDesign = Omit<Playbook, 'id' | 'placementId' | 'status' | 'publishedAt' | 'courseStartDate'>;

export interface ImportIssue {
  /** Dotted path into the file, e.g. "playbook.activities.2.type". */
  path: string;
  message: string;
}

export type ImportResult =
  | { ok: true; value: { playbook: PlaybookDesign; outcomes: LearningOutcome[] } }
  | { ok: false; issues: ImportIssue[] };

export function exportPlaybook(playbook: Playbook, outcomes: LearningOutcome[], now?: Date): PlaybookFile {
  const own = outcomes.filter((o) => playbook.outcomeIds.includes(o.id));
  return {
    format: PLAYBOOK_FORMAT,
    version: PLAYBOOK_FORMAT_VERSION,
    ...(now ? { exportedAt: now.toISOString() } : {}),
    playbook: {
      title: playbook.title,
      description: playbook.description,
      outcomeIds: own.map((o) => o.id),
      activities: playbook.activities.map(exportActivity),
      recommendedRoute: playbook.recommendedRoute,
      rules: playbook.rules,
      selfDirectionLevel: playbook.selfDirectionLevel,
      assessmentWindows: playbook.assessmentWindows.map((w) => ({ id: w.id, from: w.from.toISOString(), until: w.until.toISOString() })),
    },
    outcomes: own.map(({ status: _s, publishedAt: _p, ...design }) => design),
  };
}

function exportActivity(activity: Activity): PlaybookFile['playbook']['activities'][number] {
  if (activity.schedule.kind === 'asynchronous') return { ...activity, schedule: { kind: 'asynchronous' } };
  const sessions = activity.schedule.sessions.map(({ startsAt, endsAt, ...rest }) => ({
    ...rest,
    startsAt: startsAt.toISOString(),
    ...(endsAt ? { endsAt: endsAt.toISOString() } : {}),
  }));
  return { ...activity, schedule: { kind: 'synchronous', sessions } };
}

/**
 * Accepts the file as text or as parsed JSON. Either the whole value comes back, or every issue
 * found (structure first; references are checked once the structure is sound). Outcomes come
 * back as drafts: the new course publishes its own criteria before its own start.
 */
export function parseImport(input: unknown, { newId }: { newId: () => string }): ImportResult {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch {
      return { ok: false, issues: [{ path: '', message: 'not valid JSON' }] };
    }
  }
  const parsed = playbookFileSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
  }
  return { ok: true, value: remapIds(parsed.data, newId) };
}

/** Referenced ids (activities, outcomes, rubric levels) go through a map so every reference gets the same new id; the rest just get a new one. */
function remapIds(file: ParsedPlaybookFile, newId: () => string): { playbook: PlaybookDesign; outcomes: LearningOutcome[] } {
  const mapper = () => {
    const seen = new Map<string, string>();
    return (old: string): string => {
      const known = seen.get(old);
      if (known) return known;
      const fresh = newId();
      seen.set(old, fresh);
      return fresh;
    };
  };
  const activity = mapper();
  const outcome = mapper();
  const { playbook } = file;
  const activities: Activity[] = playbook.activities.map((a) => ({
    ...a,
    id: activity(a.id),
    prerequisiteIds: a.prerequisiteIds.map(activity),
    schedule: a.schedule.kind === 'synchronous' ? { kind: 'synchronous', sessions: a.schedule.sessions.map((s) => ({ ...s, id: newId() })) } : a.schedule,
  }));
  const outcomes: LearningOutcome[] = file.outcomes.map((o) => {
    const level = mapper();
    return {
      ...o,
      id: outcome(o.id),
      status: 'draft',
      indicators: o.indicators.map((i) => ({ ...i, id: newId() })),
      possibleEvidence: o.possibleEvidence.map((e) => ({ ...e, id: newId() })),
      assessments: o.assessments.map((a) => ({ ...a, id: newId() })),
      rubric: {
        criteria: o.rubric.criteria.map((c) => ({
          ...c,
          id: newId(),
          levels: c.levels.map((l) => ({ ...l, id: level(l.id) })),
          ...(c.passLevelId ? { passLevelId: level(c.passLevelId) } : {}),
        })),
      },
    };
  });
  return {
    playbook: {
      ...playbook,
      outcomeIds: playbook.outcomeIds.map(outcome),
      activities,
      recommendedRoute: playbook.recommendedRoute.map(activity),
      rules: { ...playbook.rules, requiredActivityIds: playbook.rules.requiredActivityIds.map(activity) },
      assessmentWindows: playbook.assessmentWindows.map((w) => ({ ...w, id: newId() })),
    },
    outcomes,
  };
}
