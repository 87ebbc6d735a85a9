/** The 「领域词」 switch in the URL (state/vocabulary.ts): carried by links, defaults left out. */
import { describe, expect, it } from 'vitest';
import { GLOBAL_KEYS } from '../../../../src/lib/state/filters.ts';
import { defineParams, text } from '../../../../src/lib/state/params.ts';
import { hrefWithGlobals } from '../../../../src/lib/state/url.ts';
import { parseVocabulary, writeVocabulary } from '../../../../src/lib/state/vocabulary.ts';

describe('vocabulary setting', () => {
  it('reads the URL, bad values as the default', () => {
    expect(parseVocabulary(new URLSearchParams(''))).toEqual({ vocab: 'all', rank: 'count' });
    expect(parseVocabulary(new URLSearchParams('vocab=domain&rank=tfidf'))).toEqual({ vocab: 'domain', rank: 'tfidf' });
    expect(parseVocabulary(new URLSearchParams('vocab=nope&rank=%27'))).toEqual({ vocab: 'all', rank: 'count' });
  });

  it('writes only what differs from the default and keeps the other keys', () => {
    const out = writeVocabulary(new URLSearchParams('edition=e&q=x'), { vocab: 'domain' });
    expect(out.toString()).toBe('edition=e&q=x&vocab=domain');
    expect(writeVocabulary(out, { vocab: 'all' }).toString()).toBe('edition=e&q=x');
  });

  it('travels with every link, and no view may use its keys or `was` for itself', () => {
    expect(GLOBAL_KEYS).toEqual(expect.arrayContaining(['vocab', 'rank']));
    expect(hrefWithGlobals('/network', new URLSearchParams('vocab=domain&rank=tfidf&q=view'))).toBe('/network?vocab=domain&rank=tfidf');
    expect(() => defineParams({ rank: text() })).toThrow(/reserved/);
    expect(() => defineParams({ was: text() })).toThrow(/reserved/);
  });
});
