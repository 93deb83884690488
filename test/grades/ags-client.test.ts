import { afterEach, describe, expect, it } from 'vitest';
import { parseRetryAfter, scoresUrl } from '../../server/lti/ags-client';
import { backoffDelay } from '../../server/features/grades/use-cases/backoff';
import { startGradesHarness, type GradesHarness } from './grades-harness';

describe('the AGS client', () => {
  let h: GradesHarness | undefined;
  afterEach(async () => h?.stop());

  it('puts /scores into the path of a line item URL and keeps its query string (Moodle)', () => {
    expect(scoresUrl('https://moodle.example/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1')).toBe('https://moodle.example/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=1');
    expect(scoresUrl('https://canvas.example/api/lti/courses/1/line_items/5/')).toBe('https://canvas.example/api/lti/courses/1/line_items/5/scores');
  });

  it('reads Retry-After as seconds or a date; backs off exponentially with jitter otherwise', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(backoffDelay({ attempt: 1, retryAfterMs: 5000 })).toBe(5000);
    expect(backoffDelay({ attempt: 3, baseMs: 1000, random: () => 0 })).toBe(2000);
    expect(backoffDelay({ attempt: 3, baseMs: 1000, random: () => 1 })).toBe(4000);
    expect(backoffDelay({ attempt: 40, baseMs: 1000, maxMs: 60_000, random: () => 1 })).toBe(60_000);
  });

  it('finds a line item by resourceId and tag across pages, and creates one only when none exists', async () => {
    h = await startGradesHarness();
    const spec = { resourceId: 'lu-9', tag: 'outcome', label: 'Outcome 9', scoreMaximum: 10 };
    for (let i = 0; i < 3; i += 1) await h.lti.ags.findOrCreateLineItem(h.platform, h.lineItemsUrl, { ...spec, resourceId: `other-${i}` });
    const created = await h.lti.ags.findOrCreateLineItem(h.platform, h.lineItemsUrl, spec);
    const again = await h.lti.ags.findOrCreateLineItem(h.platform, h.lineItemsUrl, spec);
    expect(created.created).toBe(true);
    expect(again).toMatchObject({ id: created.id, created: false });
    expect(h.lms.lineItems()).toHaveLength(4);
    const paged = await h.lti.ags.findLineItems(h.platform, `${h.lineItemsUrl}?limit=1`, {});
    expect(paged).toHaveLength(4);
  });
});
