/**
 * Refusals the API sends: an HTTP status, a stable code and one sentence in Chinese and
 * English (the analysis stage's wording when the analysis found the problem), with the
 * file, line or page it is about. Anything else that goes wrong is a bug (500).
 */
import { AnalysisError, messageText, type MessageCode } from '../../../../analysis/messages.ts';
import { diagnosticsOf } from '../../../../analysis/pipeline.ts';
import type { Diagnostic } from '../../../../analysis/model.ts';

export interface ApiErrorBody {
  code: string;
  message: string;
  file?: string;
  line?: number | null;
  page?: number | null;
  /** Further problems when a file had several. */
  problems?: { code: string; message: string; file: string; line: number | null; page: number | null }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

export function refuse(status: number, code: MessageCode, params: Record<string, string | number> = {}, where: Partial<ApiErrorBody> = {}): ApiError {
  return new ApiError(status, { code, message: messageText(code, params), ...where });
}

const located = (d: Diagnostic) => ({ code: d.code, message: d.message, file: d.file, line: d.line, page: d.page ?? null });

/** An analysis failure (unreadable file, malformed dictionary line, …) as a 422; null for a bug. */
export function fromAnalysis(error: unknown, rename: (file: string) => string = (f) => f): ApiError | null {
  if (error instanceof ApiError) return error;
  const diagnostics = diagnosticsOf(error);
  if (diagnostics === null || diagnostics.length === 0) return null;
  const [first, ...rest] = diagnostics.map((d) => ({ ...located(d), file: rename(d.file) }));
  return new ApiError(422, { ...first, ...(rest.length ? { problems: rest } : {}) });
}

export { AnalysisError };
