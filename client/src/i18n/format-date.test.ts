// Dates in the reader's language, the way Intl writes them for en-GB and nl-NL.
import { describe, expect, it } from 'vitest';
import { formatDate } from './format-date';

const WHEN = new Date(2030, 9, 20, 10, 5);

describe('dates in the interface language', () => {
  it('writes a date the Dutch and the English way', () => {
    expect(formatDate('nl', WHEN, 'long')).toBe('20 oktober 2030');
    expect(formatDate('en', WHEN, 'long')).toBe('20 October 2030');
    expect(formatDate('en', WHEN)).toBe('20 Oct 2030');
  });

  it('adds the time when asked, in 24 hours', () => {
    expect(formatDate('nl', WHEN.toISOString(), 'dateTime')).toBe('20 okt 2030, 10:05');
    expect(formatDate('en', WHEN.toISOString(), 'dateTime')).toBe('20 Oct 2030, 10:05');
  });

  it('says nothing for a missing or unreadable date instead of "Invalid Date"', () => {
    expect(formatDate('en', undefined)).toBe('');
    expect(formatDate('en', 'not a date')).toBe('');
  });
});
