// The activity form's working copy: built from an activity (or a grid cell), checked field by field, and turned into the API body.
import type { MessageKey } from '../../../i18n/en';
import type { ActivityInput, ActivityView, Environment, LearningForm } from '../api/types';
import { fromLocalInput, toLocalInput } from './dates';

export interface SessionDraft {
  id?: string;
  startsAt: string;
  place: string;
  capacity: string;
}

export interface Draft {
  title: string;
  description: string;
  environment: Environment;
  form: LearningForm;
  type: ActivityInput['type'];
  studyLoadHours: string;
  synchronous: boolean;
  sessions: SessionDraft[];
  links: { title: string; url: string }[];
  prerequisiteIds: string[];
}

export function draftOf(activity: ActivityView | undefined, initial: { environment: Environment; form: LearningForm } | undefined): Draft {
  if (!activity) {
    return {
      title: '',
      description: '',
      environment: initial?.environment ?? 'online',
      form: initial?.form ?? 'self-study',
      type: 'activation',
      studyLoadHours: '1',
      synchronous: false,
      sessions: [],
      links: [],
      prerequisiteIds: [],
    };
  }
  const sessions = activity.schedule.kind === 'synchronous' ? activity.schedule.sessions : [];
  return {
    title: activity.title,
    description: activity.description,
    environment: activity.environment,
    form: activity.form,
    type: activity.type,
    studyLoadHours: String(activity.studyLoadHours),
    synchronous: activity.schedule.kind === 'synchronous',
    sessions: sessions.map((s) => ({ id: s.id, startsAt: toLocalInput(s.startsAt), place: s.place, capacity: String(s.capacity) })),
    links: activity.links,
    prerequisiteIds: activity.prerequisiteIds,
  };
}

export type Problems = Partial<Record<string, MessageKey>>;

export function problemsOf(d: Draft): Problems {
  const problems: Problems = {};
  if (d.title.trim() === '') problems.title = 'designer.validation.required';
  const hours = Number(d.studyLoadHours);
  if (d.studyLoadHours.trim() === '' || Number.isNaN(hours) || hours < 0 || hours > 1000) problems.studyLoadHours = 'designer.activity.hoursInvalid';
  if (d.synchronous && d.sessions.length === 0) problems.sessions = 'designer.activity.sessionsNeeded';
  d.sessions.forEach((s, i) => {
    if (!fromLocalInput(s.startsAt)) problems[`session-${i}-startsAt`] = 'designer.activity.sessionDateNeeded';
    const capacity = Number(s.capacity);
    if (!Number.isInteger(capacity) || capacity < 1) problems[`session-${i}-capacity`] = 'designer.activity.capacityInvalid';
  });
  d.links.forEach((l, i) => {
    if (!/^https?:\/\/\S+$/i.test(l.url.trim())) problems[`link-${i}`] = 'designer.activity.urlInvalid';
  });
  return problems;
}

export function bodyOf(d: Draft): ActivityInput {
  return {
    title: d.title.trim(),
    description: d.description,
    environment: d.environment,
    form: d.form,
    type: d.type,
    studyLoadHours: Number(d.studyLoadHours),
    links: d.links.map((l) => ({ title: l.title.trim(), url: l.url.trim() })),
    schedule: d.synchronous
      ? {
          kind: 'synchronous',
          sessions: d.sessions.map((s) => ({ ...(s.id ? { id: s.id } : {}), startsAt: fromLocalInput(s.startsAt) ?? '', place: s.place.trim(), capacity: Number(s.capacity) })),
        }
      : { kind: 'asynchronous' },
    prerequisiteIds: d.prerequisiteIds,
  };
}
