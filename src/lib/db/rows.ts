/**
 * Turns engine values into plain JS so views, charts and CSV export see the same
 * shapes from either engine: numbers instead of BigInt, arrays instead of Arrow vectors.
 */

interface ArrowVectorLike {
  toArray(): ArrayLike<unknown>;
}
interface ArrowRowLike {
  toJSON(): Record<string, unknown>;
}

function isVector(value: object): value is ArrowVectorLike {
  return typeof (value as ArrowVectorLike).toArray === 'function' && !(value instanceof Date);
}
function isStructRow(value: object): value is ArrowRowLike {
  return typeof (value as ArrowRowLike).toJSON === 'function' && !(value instanceof Date);
}

/** Counts in these tables stay far below 2^53, so Number() loses nothing in practice. */
export function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    // Typed arrays from Arrow list columns; BigInt64Array needs the per-item conversion.
    return Array.from(value as unknown as ArrayLike<unknown>, plainValue);
  }
  if (Array.isArray(value)) return value.map(plainValue);
  if (isVector(value)) return Array.from(value.toArray(), plainValue);
  if (isStructRow(value)) return plainRow(value.toJSON());
  if (value instanceof Date) return value;
  return plainRow(value as Record<string, unknown>);
}

export function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) out[key] = plainValue(row[key]);
  return out;
}
