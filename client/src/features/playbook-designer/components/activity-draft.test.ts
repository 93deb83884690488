// The designer's activity form: a new activity from a grid cell, an existing one to edit, what blocks saving, and what is sent.
import { describe, expect, it } from 'vitest';
import type { ActivityView } from '../api/types';
import { bodyOf, draftOf, problemsOf, type Draft } from './activity-draft';

const workshop: ActivityView = {
  id: 'act-1',
  title: 'Workshop planning',
  description: 'Plan a project with a client.',
  environment: 'campus',
  form: 'collaborative',
  type: 'application',
  links: [{ title: 'Template', url: 'https://example.edu/template' }],
  studyLoadHours: 3.5,
  schedule: { kind: 'synchronous', sessions: [{ id: 's-1', startsAt: new Date(2030, 9, 20, 10, 0).toISOString(), place: 'Room 2.14', capacity: 20 }] },
  prerequisiteIds: ['act-0'],
};

const filled = (overrides: Partial<Draft> = {}): Draft => ({ ...draftOf(workshop, undefined), ...overrides });

describe("the designer's activity draft", () => {
  it('a new activity from a grid cell starts in that cell, one hour, without sessions', () => {
    const draft = draftOf(undefined, { environment: 'workplace', form: 'expert' });
    expect(draft).toMatchObject({ title: '', environment: 'workplace', form: 'expert', studyLoadHours: '1', synchronous: false, sessions: [] });
    expect(problemsOf(draft)).toEqual({ title: 'designer.validation.required' });
  });

  it('an existing activity opens with its sessions as local date-time inputs', () => {
    const draft = draftOf(workshop, undefined);
    expect(draft.synchronous).toBe(true);
    expect(draft.studyLoadHours).toBe('3.5');
    expect(draft.sessions).toEqual([{ id: 's-1', startsAt: '2030-10-20T10:00', place: 'Room 2.14', capacity: '20' }]);
    expect(problemsOf(draft)).toEqual({});
  });

  it('sends back what it opened with, unchanged', () => {
    const { id: _id, ...input } = workshop;
    expect(bodyOf(draftOf(workshop, undefined))).toEqual(input);
  });

  it('names each field that blocks saving', () => {
    expect(problemsOf(filled({ title: '  ' }))).toEqual({ title: 'designer.validation.required' });
    expect(problemsOf(filled({ studyLoadHours: 'two' }))).toEqual({ studyLoadHours: 'designer.activity.hoursInvalid' });
    expect(problemsOf(filled({ studyLoadHours: '-1' }))).toEqual({ studyLoadHours: 'designer.activity.hoursInvalid' });
    expect(problemsOf(filled({ studyLoadHours: '' }))).toEqual({ studyLoadHours: 'designer.activity.hoursInvalid' });
    expect(problemsOf(filled({ sessions: [] }))).toEqual({ sessions: 'designer.activity.sessionsNeeded' });
    expect(problemsOf(filled({ sessions: [{ startsAt: '', place: 'Hall', capacity: '0' }] }))).toEqual({
      'session-0-startsAt': 'designer.activity.sessionDateNeeded',
      'session-0-capacity': 'designer.activity.capacityInvalid',
    });
    expect(problemsOf(filled({ links: [{ title: 'Bad', url: 'javascript:alert(1)' }] }))).toEqual({ 'link-0': 'designer.activity.urlInvalid' });
  });

  it('an activity switched to "any time" sends no sessions, and texts go out trimmed', () => {
    const body = bodyOf(filled({ synchronous: false, title: '  Workshop  ', links: [{ title: ' Template ', url: ' https://example.edu/t ' }] }));
    expect(body.schedule).toEqual({ kind: 'asynchronous' });
    expect(body.title).toBe('Workshop');
    expect(body.links).toEqual([{ title: 'Template', url: 'https://example.edu/t' }]);
  });

  it('a new session has no id, so the server gives it one', () => {
    const body = bodyOf(filled({ sessions: [{ startsAt: '2030-11-01T09:30', place: ' Lab ', capacity: '12' }] }));
    expect(body.schedule).toEqual({ kind: 'synchronous', sessions: [{ startsAt: new Date(2030, 10, 1, 9, 30).toISOString(), place: 'Lab', capacity: 12 }] });
  });
});
