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

/** The diagnostic's sentence with its place in front, in both halves: "f 第 3 行：… / f line 3: …". */
function withPlace(d: Diagnostic, file: string): string {
  const cut = d.message.indexOf(' / ');
  const [zh, en] = cut < 0 ? [d.message, d.message] : [d.message.slice(0, cut), d.message.slice(cut + 3)];
  const at = d.page != null ? [`第 ${d.page} 页`, `page ${d.page}`] : d.line != null ? [`第 ${d.line} 行`, `line ${d.line}`] : ['', ''];
  return `${file}${at[0] ? ` ${at[0]}` : ''}：${zh} / ${file}${at[1] ? ` ${at[1]}` : ''}: ${en}`;
}

const located = (d: Diagnostic, file: string) => ({ code: d.code, message: withPlace(d, file), file, line: d.line, page: d.page ?? null });

/** An analysis failure (unreadable file, malformed dictionary line, …) as a 422 naming file and line; null for a bug. */
export function fromAnalysis(error: unknown, rename: (file: string) => string = (f) => f): ApiError | null {
  if (error instanceof ApiError) return error;
  const diagnostics = diagnosticsOf(error);
  if (diagnostics === null || diagnostics.length === 0) return null;
  const [first, ...rest] = diagnostics.map((d) => located(d, rename(d.file)));
  return new ApiError(422, { ...first, ...(rest.length ? { problems: rest } : {}) });
}

export { AnalysisError };
