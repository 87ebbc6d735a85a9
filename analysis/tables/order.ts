/**
 * Code-point order and length for strings. JS `<` compares UTF-16 units, which puts
 * astral characters (CJK Extension B and up, stored as surrogates D800–DFFF) before
 * U+E000–U+FFFF; the contract orders terms by code point, so we correct that case.
 */

/** Negative, 0 or positive as a sorts before, with or after b by code point. */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

// At the first differing unit, a surrogate stands for a code point ≥ U+10000, so it must
// rank above every BMP unit; lifting surrogates above E000–FFFF does exactly that.
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/** Characters (code points) of a string. */
export function countCodePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}
