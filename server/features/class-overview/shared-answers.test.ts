// Shared answers: questions asked while the same one is being answered wait for that answer; none is kept after.
import { describe, expect, it } from 'vitest';
import { sharedAnswers } from './shared-answers';

describe('shared answers', () => {
  it('ten requests for the same answer at once work it out once; another question, or the same one later, is worked out anew', async () => {
    const shared = sharedAnswers<number>();
    let worked = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const work = async () => {
      worked += 1;
      await gate;
      return worked;
    };

    const together = Array.from({ length: 10 }, () => shared('class-a', work));
    const other = shared('class-b', work);
    release();

    expect(await Promise.all(together)).toEqual(Array.from({ length: 10 }, () => 2));
    expect(await other).toBe(2);
    expect(worked).toBe(2);
    expect(await shared('class-a', work)).toBe(3);
  });

  it('a failed answer reaches everyone who waited for it, and the next request tries again', async () => {
    const shared = sharedAnswers<string>();
    const failing = () => Promise.reject(new Error('store away'));
    const waiting = [shared('k', failing), shared('k', () => Promise.resolve('not asked'))];
    for (const answer of waiting) await expect(answer).rejects.toThrow('store away');
    await expect(shared('k', () => Promise.resolve('fine'))).resolves.toBe('fine');
  });
});
