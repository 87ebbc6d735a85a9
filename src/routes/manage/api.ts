/**
 * The page's client for the data-management API. Answers are JSON; a refusal is thrown as
 * an ApiProblem with the server's sentence (Chinese / English) and the line or page it
 * names. When the server asks for an access token, the page asks the person once and keeps
 * it for this tab.
 */
export interface ApiProblem {
  status: number;
  code: string;
  message: string;
  file?: string;
  line?: number | null;
  page?: number | null;
}

export class ApiFailure extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.message);
  }
}

const TOKEN_KEY = 'crosstrack-token';
let askToken: (() => Promise<string | null>) | null = null;

/** The page's way of asking for the token (a dialog); null: give up. */
export function onTokenNeeded(ask: () => Promise<string | null>): void {
  askToken = ask;
}

function savedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function saveToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* private mode: asked again next time */
  }
}

/** The half of a "中文 / English" message in the page's language. */
export function inLanguage(message: string, lang: 'zh' | 'en'): string {
  const cut = message.indexOf(' / ');
  if (cut < 0) return message;
  return lang === 'en' ? message.slice(cut + 3) : message.slice(0, cut);
}

export async function api<T>(base: string, path: string, init: RequestInit = {}): Promise<T> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const headers = new Headers(init.headers);
    const token = savedToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { ...init, headers });
    } catch (error) {
      throw new ApiFailure({ status: 0, code: 'network', message: `无法连接服务器 / cannot reach the server (${String(error)})` });
    }
    const body = (await response.json().catch(() => null)) as { error?: Omit<ApiProblem, 'status'> } | null;
    if (response.ok) return body as T;
    const problem: ApiProblem = { status: response.status, code: 'http', message: `HTTP ${response.status}`, ...(body?.error ?? {}) };
    if (response.status === 401 && askToken) {
      saveToken(null);
      const given = await askToken();
      if (!given) throw new ApiFailure(problem);
      saveToken(given);
      continue;
    }
    throw new ApiFailure(problem);
  }
  throw new ApiFailure({ status: 401, code: 'api-token-wrong', message: '访问令牌不正确 / the access token is not correct' });
}

export const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body)
});

export function form(file: File, fields: Record<string, string | number | null | undefined> = {}): RequestInit {
  const data = new FormData();
  data.set('file', file);
  for (const [key, value] of Object.entries(fields)) if (value !== null && value !== undefined && value !== '') data.set(key, String(value));
  return { method: 'POST', body: data };
}

// Shapes of the answers (src/lib/server/workspace).
export interface EditionRow {
  edition_id: string;
  year: number;
  region: string;
  title: string;
  file: string;
  encoding: string;
  bytes: number;
  tracks: number;
  topics: number;
  has_bodies: boolean;
  warnings: { code: string; message: string; line: number | null; page: number | null }[];
}

export interface UploadPreview {
  file: string;
  format: 'pdf' | 'docx' | 'text';
  encoding: string;
  bytes: number;
  edition: { edition_id: string; year: number | null; region: string; title: string };
  missing: ('year' | 'region')[];
  same_as: string | null;
  tracks: { track_no: number; track_name: string; heading: string; topics: { topic_no: number; printed_no: number | null; title: string; chars: number }[] }[];
  topics: number;
  has_bodies: boolean;
  warnings: { level: string; code: string; message: string; line: number | null; page: number | null }[];
}

export interface DictPreview {
  name: string;
  passages: number;
  total: number;
  changes: { term: string; before: number; after: number; example: { where: string; before: string; after: string } | null }[];
}

export interface HistoryRow {
  id: number;
  at: string;
  kind: 'add' | 'edit' | 'delete' | 'dict';
  subject: string;
  detail: string;
  state: 'pending' | 'done' | 'undoing' | 'undone';
  undone_at: string | null;
  files: string[];
  undoable: boolean;
}

export interface ServerInfo {
  writable: boolean;
  token_required: boolean;
  tables: string | null;
  limits: { upload_bytes: number };
}
