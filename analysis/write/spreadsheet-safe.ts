/**
 * Text cells a spreadsheet would run as a formula (CSV / formula injection, the OWASP rule):
 * a cell that begins with = + - @, a tab or a carriage return gets a leading apostrophe,
 * which Excel, WPS and LibreOffice read as "this is text". A guide's topic title
 * `=HYPERLINK("http://…")` then shows as written instead of becoming a link, and a
 * command (`=cmd|…`) never runs.
 *
 * Applied to every text cell written for people: the analysis stage's csv/ copies and the
 * dashboard's CSV and XLSX exports. Numbers stay numbers (a negative count is not text),
 * and the Arrow tables, which programs read, keep the raw text.
 */

/** = + - @ tab CR */
const TRIGGERS = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

export function startsLikeFormula(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text.charCodeAt(0));
}

/** The text as a spreadsheet will show it, never run it. */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
