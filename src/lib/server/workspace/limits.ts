/**
 * Every bound the workspace API enforces, in one place. (The reliability work, #7, brings
 * a shared limits module for all readers; these constants are meant to point at it.)
 */
const MB = 1024 * 1024;

function fromEnv(name: string, fallback: number, unit = 1): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? Math.round(value * unit) : fallback;
}

export const UPLOAD_LIMITS = {
  /** One guide file (CROSSTRACK_MAX_UPLOAD_MB, default 20 MB). */
  fileBytes: fromEnv('CROSSTRACK_MAX_UPLOAD_MB', 20 * MB, MB),
  /** The whole multipart body: the file plus a few small fields. */
  get requestBytes() {
    return this.fileBytes + 256 * 1024;
  },
  /** A .docx's members inflated, summed over the archive, as its zip directory declares them. */
  get inflatedBytes() {
    return Math.max(200 * MB, 10 * this.fileBytes);
  },
  /** A JSON body (a dictionary's whole text, an edition's fields). */
  jsonBytes: 4 * MB,
  /** Year, region and title as typed on the page. */
  fieldChars: { region: 40, title: 200 },
  /** Changes waiting for the one re-analysis at a time; past this, 429. */
  queuedChanges: 32,
  /** History steps kept (their snapshots too); older ones can no longer be undone. */
  historySteps: 200
} as const;
