import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseNumeral, toAsciiDigits } from '../../../analysis/parse/numerals.ts';

const UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** Independent spelling of 1–999 the way guides print them (一百零一, 一百一十, 二百三十四). */
function spell(n: number): string {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  if (hundreds > 0) {
    const rest = n % 100 === 0 ? '' : tens === 0 ? `零${UNITS[units]}` : `${UNITS[tens]}十${UNITS[units]}`;
    return `${UNITS[hundreds]}百${rest}`;
  }
  if (tens === 0) return UNITS[units];
  return `${tens === 1 ? '' : UNITS[tens]}十${UNITS[units]}`;
}

describe('parseNumeral', () => {
  test.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['十七', 17],
    ['二十', 20],
    ['二十一', 21],
    ['九十九', 99],
    ['一百', 100],
    ['一百零一', 101],
    ['一百〇五', 105],
    ['一百一十', 110],
    ['一百十', 110],
    ['一百二十三', 123],
    ['九百九十九', 999],
    ['1', 1],
    ['12', 12],
    ['007', 7],
    ['１２', 12],
    ['３', 3]
  ])('%s → %i', (text, value) => {
    expect(parseNumeral(text)).toBe(value);
  });

  test.each(['', '零', '〇', '二〇', '一十', '十十', '百', '一百零', '一千', '百一', '两', 'a', '1a', '一1', '十一二', '1.5', '-1', '赛道'])(
    '%j is not a number',
    (text) => {
      expect(parseNumeral(text)).toBeNull();
    }
  );

  test('every spelling 一 … 九百九十九 reads back as its value', () => {
    for (let n = 1; n <= 999; n++) expect(parseNumeral(spell(n))).toBe(n);
  });

  test('Arabic and full-width digits agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        const fullWidth = String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
        expect(parseNumeral(String(n))).toBe(n);
        expect(parseNumeral(fullWidth)).toBe(n);
        expect(toAsciiDigits(fullWidth)).toBe(String(n));
      })
    );
  });

  test('never throws and returns null or a non-negative integer', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const value = parseNumeral(s);
        expect(value === null || (Number.isSafeInteger(value) && value >= 0)).toBe(true);
      })
    );
  });
});
