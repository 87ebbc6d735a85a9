import { tableFromIPC } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terms } from '../../../analysis/contract.ts';
import { ARROW_EOS, arrowStreamPrefix, encodeArrowBatch } from '../../../analysis/write/arrow.ts';
import { columnsFromRows } from '../../../analysis/write/columns.ts';

/** What TextEncoder makes of a string: lone surrogates become U+FFFD. */
const wellFormed = (text: string) => new TextDecoder().decode(new TextEncoder().encode(text));

function roundTrip(values: string[]): string[] {
  const rows = values.map((term) => ({
    term,
    count: 1,
    editions: 1,
    topics: 1,
    chars: term.length,
    in_dictionary: false,
    generic_verb: false,
    themes: term,
    variants: ''
  }));
  const bytes = new Uint8Array([...arrowStreamPrefix(terms), ...encodeArrowBatch(terms, columnsFromRows(terms, rows)), ...ARROW_EOS]);
  return tableFromIPC(bytes).getChild('term')!.toArray() as string[];
}

describe('Arrow string columns', () => {
  it('read back as the UTF-8 of any strings, repeated runs, long strings and lone surrogates included', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.constantFrom('可信数据空间', '', 'AI', '\uD800x', '𠀀𠀁'));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.integer({ min: 1, max: 3 })), { maxLength: 30 }), (runs) => {
        const values = runs.flatMap(([value, times]) => Array.from({ length: times }, () => value));
        expect(roundTrip(values)).toEqual(values.map(wellFormed));
      })
    );
  });
});
