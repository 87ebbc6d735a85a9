/**
 * The answering connector: a query the server answered gets those rows without the engine;
 * any other waits for the engine; once the engine is attached it answers everything, on the
 * same object. Answers computed from other tables than the manifest's are not used.
 */
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../analysis/contract.ts';
import type { Connector, Query } from '../../../../src/lib/db/connector.ts';
import { AnsweringConnector, fetchFirstAnswers, usableAnswers, type AnswerMap } from '../../../../src/lib/db/first-answers.ts';

const answered: Query = { sql: 'SELECT term FROM term_track WHERE edition_id = ?', params: ['2026-hunan'] };
const other: Query = { sql: 'SELECT 1 AS x' };
const serverRows = [{ term: '数据', count: 3 }];

function fakeEngine(): Connector & { asked: Query[] } {
  const asked: Query[] = [];
  return { asked, query: async <T>(q: Query) => (asked.push(q), [{ from: 'engine' }] as T[]), close: async () => {} };
}

const settle = () => new Promise((r) => setTimeout(r, 10));
const answers = (): AnswerMap => new Map([[JSON.stringify(answered), serverRows]]);

describe('AnsweringConnector', () => {
  it('answers a matching key at once and defers any other query to the engine', async () => {
    const db = new AnsweringConnector(Promise.resolve(answers()));
    expect(await db.query(answered)).toEqual(serverRows);
    let deferred: unknown = null;
    void db.query(other).then((rows) => (deferred = rows));
    await settle();
    expect(deferred).toBeNull();
    const engine = fakeEngine();
    expect(db.attach(engine)).toBe(db);
    await settle();
    expect(deferred).toEqual([{ from: 'engine' }]);
    // After the engine is in, it answers everything, the first answers' keys too.
    expect(await db.query(answered)).toEqual([{ from: 'engine' }]);
    expect(engine.asked).toEqual([other, answered]);
  });

  it('waits for the answers that are still on their way, and for the engine when there are none', async () => {
    let arrive: (a: AnswerMap | null) => void = () => {};
    const db = new AnsweringConnector(new Promise((r) => (arrive = r)));
    const early = db.query(answered);
    arrive(answers());
    expect(await early).toEqual(serverRows);

    const none = new AnsweringConnector(Promise.resolve(null));
    let rows: unknown = null;
    void none.query(answered).then((r) => (rows = r));
    await settle();
    expect(rows).toBeNull();
    none.attach(fakeEngine());
    await settle();
    expect(rows).toEqual([{ from: 'engine' }]);
  });

  it('lets the engine answer when it arrives before the answers', async () => {
    const db = new AnsweringConnector(new Promise(() => {}));
    const pending = db.query(answered);
    db.attach(fakeEngine());
    expect(await pending).toEqual([{ from: 'engine' }]);
  });
});

describe('usableAnswers', () => {
  const manifest = { tables: [{ name: 'terms', sha256: 'aaa' }, { name: 'term_track', sha256: 'bbb' }] } as unknown as Manifest;
  const body = { manifest_sha: 'v', edition: '2026-hunan', tables: { terms: 'aaa', term_track: 'bbb' }, answers: [{ key: 'k', rows: [{ a: 1 }] }] };

  it('uses answers computed from the manifest’s tables', () => {
    expect(usableAnswers(body, manifest)?.get('k')).toEqual([{ a: 1 }]);
  });

  it('refuses answers from other tables, and bodies that are not answers', () => {
    expect(usableAnswers({ ...body, tables: { terms: 'aaa', term_track: 'old' } }, manifest)).toBeNull();
    expect(usableAnswers({ ...body, tables: { cooccurrence: 'x' } }, manifest)).toBeNull();
    expect(usableAnswers({ ...body, tables: {} }, manifest)).toBeNull();
    expect(usableAnswers({ ...body, answers: [] }, manifest)).toBeNull();
    expect(usableAnswers('nope', manifest)).toBeNull();
  });

  it('gives null, never a throw, when the request fails', async () => {
    const failing = (async () => {
      throw new TypeError('network');
    }) as unknown as typeof fetch;
    expect(await fetchFirstAnswers(failing, '', null, Promise.resolve(manifest))).toBeNull();
    const notFound = (async () => new Response('no', { status: 404 })) as unknown as typeof fetch;
    expect(await fetchFirstAnswers(notFound, '', '2026-hunan', Promise.resolve(manifest))).toBeNull();
    const good = (async (url: string) => {
      expect(url).toBe('/base/api/first-answers?edition=2026-hunan');
      return Response.json(body);
    }) as unknown as typeof fetch;
    expect((await fetchFirstAnswers(good, '/base', '2026-hunan', Promise.resolve(manifest)))?.get('k')).toEqual([{ a: 1 }]);
  });
});
