// The live rule check as the student composes, in the words the student reads beside the route.
import { describe, expect, it } from 'vitest';
import { translate } from '../../../i18n/translate';
import type { Activity, EntryStatus, PublishedPlaybook } from '../api/types';
import { messageText } from './message-text';
import { checkDraft, choosableActivities, type Choosable } from './route-rules';

const activity = (id: string, overrides: Partial<Activity> = {}): Activity => ({
  id,
  title: `Activity ${id}`,
  description: '',
  environment: 'online',
  form: 'self-study',
  type: 'instruction',
  links: [],
  studyLoadHours: 2,
  schedule: { kind: 'asynchronous' },
  prerequisiteIds: [],
  ...overrides,
});

const playbook = (activities: Activity[], rules: Partial<PublishedPlaybook['rules']> = {}): PublishedPlaybook => ({
  id: 'pb-1',
  title: 'Projects',
  description: '',
  selfDirectionLevel: 2,
  activities,
  recommendedRoute: [],
  rules: { minPerType: {}, requiredActivityIds: [], requiredEnvironments: [], ...rules },
  assessmentWindows: [],
  outcomes: [],
});

const planned = (): EntryStatus => 'planned';

/** What the student reads for a draft route, in English or Dutch. */
function said(book: PublishedPlaybook, ids: string[], language: 'en' | 'nl' = 'en', own: Choosable[] = [], statusOf: (id: string) => EntryStatus = planned): string[] {
  const catalogue = choosableActivities(book, own);
  const titleOf = (id: string) => catalogue.get(id)?.title ?? id;
  return checkDraft(book, catalogue, ids, statusOf).map((m) => messageText((key, params) => translate(language, key, params), m, titleOf));
}

describe('the rule check beside the route', () => {
  const logbook = activity('log', { title: 'Logbook', type: 'reflection' });
  const internship = activity('intern', { title: 'Internship', environment: 'workplace', studyLoadHours: 20 });
  const lecture = activity('lecture', { title: 'Lecture' });

  it('a route that meets every rule has nothing to say', () => {
    const book = playbook([logbook, internship, lecture], { minPerType: { reflection: 1 }, requiredEnvironments: ['workplace'], minStudyLoadHours: 20 });
    expect(said(book, ['lecture', 'intern', 'log'])).toEqual([]);
  });

  it('names the missing type, environment and hours with a plural that fits the number', () => {
    const book = playbook([logbook, internship, lecture], { minPerType: { reflection: 1 }, requiredEnvironments: ['workplace'], minStudyLoadHours: 10 });
    expect(said(book, ['lecture'])).toEqual([
      'Your route has 0 Reflection activities; it needs at least 1.',
      'Your route needs at least one activity in the environment: Workplace.',
      'Your route adds up to 2 hours; it needs at least 10.',
    ]);
    expect(said(book, ['lecture'], 'nl')[0]).toBe('Je route heeft 0 activiteiten van het type Reflectie; er zijn er minstens 1 nodig.');
  });

  it('names a required activity and a prerequisite placed too late by their titles, not their ids', () => {
    const plan = activity('plan', { title: 'Project plan' });
    const build = activity('build', { title: 'Build it', prerequisiteIds: ['plan'] });
    const book = playbook([plan, build, logbook], { requiredActivityIds: ['log'] });
    expect(said(book, ['build', 'plan'])).toEqual(['Your route must contain “Logbook”.', 'Move “Project plan” before “Build it”.']);
  });

  it('a skipped activity does not count towards the rules', () => {
    const book = playbook([logbook, lecture], { minPerType: { reflection: 1 } });
    const skipped = (id: string): EntryStatus => (id === 'log' ? 'skipped' : 'planned');
    expect(said(book, ['lecture', 'log'], 'en', [], skipped)).toEqual(['Your route has 0 Reflection activities; it needs at least 1.']);
  });

  it("counts the student's own approved activity like a catalogue one", () => {
    const book = playbook([lecture], { minPerType: { reflection: 1 } });
    const own: Choosable = { id: 'own-1', title: 'My diary', environment: 'online', form: 'self-study', type: 'reflection', studyLoadHours: 1 };
    expect(said(book, ['lecture'], 'en', [own])).toHaveLength(1);
    expect(said(book, ['lecture', 'own-1'], 'en', [own])).toEqual([]);
  });
});
