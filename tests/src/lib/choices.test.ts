import { describe, expect, it } from 'vitest';
import { choicesWith, numberOptions, zeroLast } from '../../../src/lib/choices.ts';

describe('choicesWith', () => {
  it('keeps the usual choices when the current value is one of them', () => {
    expect(choicesWith([10, 20, 30], 20)).toEqual([10, 20, 30]);
  });

  it('adds a value from a shared link in numeric order', () => {
    expect(choicesWith([10, 20, 30], 25)).toEqual([10, 20, 25, 30]);
    expect(choicesWith([10, 20, 30], 5)).toEqual([5, 10, 20, 30]);
  });

  it('can keep 0 ("all") last', () => {
    expect(choicesWith([30, 100, 0], 60, zeroLast)).toEqual([30, 60, 100, 0]);
  });

  it('never changes the list it was given', () => {
    const usual = [10, 20];
    choicesWith(usual, 15);
    expect(usual).toEqual([10, 20]);
  });

  it('labels numeric options', () => {
    expect(numberOptions([10, 20], 15, (n) => `前 ${n}`)).toEqual([
      { value: 10, label: '前 10' },
      { value: 15, label: '前 15' },
      { value: 20, label: '前 20' }
    ]);
  });
});
