/**
 * The JSON shape of every API answer: data on success; `{ "error": { code, message, … } }`
 * with a 4xx status when the request is refused. A bug answers 500 with a sentence and is
 * logged with its stack on the server, never sent to the client.
 */
import { json } from '@sveltejs/kit';
import { ApiError, refuse } from './workspace/errors.ts';
import { UPLOAD_LIMITS } from './workspace/limits.ts';
import { checkLength, megabytes } from './workspace/upload.ts';

const NO_STORE = { 'cache-control': 'no-store' };

export function ok(data: unknown, status = 200): Response {
  return json(data, { status, headers: NO_STORE });
}

export function failure(error: unknown): Response {
  if (error instanceof ApiError) return json({ error: error.body }, { status: error.status, headers: NO_STORE });
  console.error(error);
  const message = '服务器内部错误，请查看服务器日志 / internal server error; see the server log';
  return json({ error: { code: 'internal', message } }, { status: 500, headers: NO_STORE });
}

/** Runs a handler and turns what it throws into an error answer. */
export async function answer(handler: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return failure(error);
  }
}

/** The request's JSON object, bounded in size; anything else is a 400 or 413 naming the problem. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  checkLength(request, UPLOAD_LIMITS.jsonBytes, ['请求内容有', 'the request body is']);
  const text = await request.text();
  if (text.length > UPLOAD_LIMITS.jsonBytes) {
    throw refuse(413, 'api-too-large', { what: '请求内容有', what_en: 'the request body is', size: megabytes(text.length), max: megabytes(UPLOAD_LIMITS.jsonBytes) });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw refuse(400, 'api-bad-json', { reason: error instanceof Error ? error.message : String(error) });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw refuse(400, 'api-bad-json', { reason: 'expected an object { … }' });
  return value as Record<string, unknown>;
}

/** `{ "text": "…" }`: a dictionary's whole text. */
export async function readText(request: Request): Promise<string> {
  const body = await readJsonObject(request);
  const keys = Object.keys(body);
  const extra = keys.find((k) => k !== 'text');
  if (extra) throw refuse(400, 'api-unknown-field', { field: extra, known: 'text' });
  if (typeof body.text !== 'string') throw refuse(400, 'api-bad-field', { field: 'text', reason: '应为词典文件的全部文字', reason_en: 'it should be the whole text of the dictionary file' });
  return body.text;
}
