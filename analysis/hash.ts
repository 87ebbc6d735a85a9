import { createHash } from 'node:crypto';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** 12 hex digits: enough to tell dictionary versions apart on a chart's source line. */
export function shortHash(data: Uint8Array | string): string {
  return sha256Hex(data).slice(0, 12);
}
