/**
 * Numbers as guides print them: Chinese numerals 一 … 九百九十九, Arabic digits,
 * full-width digits (１２). Anything else is not a number.
 */

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9
};

/** One or more ASCII or full-width digits. */
export const DIGITS_PATTERN = '[0-9０-９]+';
/** Characters a Chinese numeral up to 九百九十九 is made of. */
export const CHINESE_NUMERAL_PATTERN = '[一二三四五六七八九十百零〇]{1,6}';

const ARABIC = /^[0-9０-９]+$/;
// 十, 十一, 二十, 二十一 … 九十九; a leading 一 before 十 is not how guides write 10–19.
const CHINESE = /^(?:([二三四五六七八九])?十([一二三四五六七八九])?|([一二三四五六七八九]))$/;
// 一百, 一百零一, 一百一十, 一百二十三 … 九百九十九 (一百十 too).
const HUNDREDS = /^([一二三四五六七八九])百(?:[零〇]([一二三四五六七八九])|([一二三四五六七八九])?十([一二三四五六七八九])?)?$/;

export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

export function parseNumeral(text: string): number | null {
  const s = text.trim();
  if (ARABIC.test(s)) {
    const value = Number(toAsciiDigits(s));
    return Number.isSafeInteger(value) ? value : null;
  }
  const hundreds = HUNDREDS.exec(s);
  if (hundreds) {
    const [, h, zeroUnits, tens, units] = hundreds;
    const rest = zeroUnits ? CHINESE_DIGITS[zeroUnits] : s.includes('十') ? (tens ? CHINESE_DIGITS[tens] : 1) * 10 + (units ? CHINESE_DIGITS[units] : 0) : 0;
    return CHINESE_DIGITS[h] * 100 + rest;
  }
  const match = CHINESE.exec(s);
  if (!match) return null;
  const [, tens, units, single] = match;
  if (single) return CHINESE_DIGITS[single];
  return (tens ? CHINESE_DIGITS[tens] : 1) * 10 + (units ? CHINESE_DIGITS[units] : 0);
}
