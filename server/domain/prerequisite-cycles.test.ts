import { describe, expect, it } from 'vitest';
import { findPrerequisiteCycle } from './prerequisite-cycles';

const a = (id: string, ...prerequisiteIds: string[]) => ({ id, prerequisiteIds });

describe('prerequisite cycles', () => {
  it('a chain of prerequisites has no cycle, also when an id points nowhere', () => {
    expect(findPrerequisiteCycle([a('intro'), a('lecture', 'intro'), a('practice', 'lecture', 'gone')])).toBeUndefined();
  });

  it('an activity that needs itself, directly or through others, is a cycle', () => {
    expect(findPrerequisiteCycle([a('x', 'x')])).toEqual(['x', 'x']);
    expect(findPrerequisiteCycle([a('intro', 'practice'), a('lecture', 'intro'), a('practice', 'lecture')])).toEqual(['intro', 'practice', 'lecture', 'intro']);
  });
});
