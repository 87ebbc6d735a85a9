import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeShare,
  encodeShare,
  itemNumbers,
  LIMITS,
  moveItem,
  parseStored,
  readItems,
  shareFromHash,
  storedText,
  updateItem,
  type BasketItem
} from '../../../../src/lib/report/basket.ts';
import { recipeKind } from '../../../../src/lib/report/recipes/index.ts';

const item = (recipe: string, extra: Partial<BasketItem> = {}): BasketItem => ({
  id: `${recipe}-${Math.random()}`,
  recipe,
  path: '/',
  search: 'edition=2026-hunan',
  size: 'word',
  caption: '',
  note: '',
  ...extra
});

describe('report basket items', () => {
  it('numbers charts and tables separately, in basket order', () => {
    const items = [item('overview.top'), item('terms.index'), item('overlap.chord'), item('track.topics'), item('gone.recipe'), item('network.graph')];
    expect(itemNumbers(items, recipeKind)).toEqual([
      { kind: 'chart', n: 1 },
      { kind: 'table', n: 1 },
      { kind: 'chart', n: 2 },
      { kind: 'table', n: 2 },
      null,
      { kind: 'chart', n: 3 }
    ]);
  });

  it('moves, edits and keeps captions and notes within their limits', () => {
    const [a, b, c] = [item('overview.top'), item('overview.cloud'), item('terms.index')];
    expect(moveItem([a, b, c], c.id, -2).map((i) => i.recipe)).toEqual(['terms.index', 'overview.top', 'overview.cloud']);
    expect(moveItem([a, b, c], a.id, -1)).toEqual([a, b, c]);
    const edited = updateItem([a, b], b.id, { caption: '图：'.repeat(400), note: '说明', size: 'nonsense' });
    expect(edited[1].caption).toHaveLength(LIMITS.caption);
    expect(edited[1].note).toBe('说明');
    expect(edited[1].size).toBe('word');
    expect(edited[0]).toBe(a);
  });

  it('reads a stored basket as hostile input: bad entries are dropped, the rest kept', () => {
    const good = item('overview.top', { caption: ' 图题 ', size: 'custom:10x5@300' });
    const text = JSON.stringify({
      version: 1,
      items: [good, { ...good }, { recipe: '../x', path: '/' }, { recipe: 'a', path: 'https://evil.example/' }, { recipe: 'a', path: '//evil' }, { recipe: 'a', path: '/\\evil.example' }, { recipe: 'a', path: '/x/../..//evil' }, { recipe: 'a', path: '/a b' }, 42, null, { recipe: 'a', path: '/', search: 'x'.repeat(5000) }]
    });
    const read = parseStored(text);
    expect(read).toHaveLength(2);
    expect(read[0]).toMatchObject({ recipe: 'overview.top', caption: '图题', size: 'custom:10x5@300' });
    expect(read[1].id).not.toBe(read[0].id);
    for (const bad of [null, '', '{', '[]', '{"version":2,"items":[]}', '{"version":1,"items":{}}']) expect(parseStored(bad)).toEqual([]);
    expect(readItems(Array.from({ length: 500 }, () => item('overview.top')))).toHaveLength(LIMITS.items);
    expect(readItems([item('term.kwic', { path: `/terms/${encodeURIComponent("数据(1)'s")}` })])).toHaveLength(1);
    expect(parseStored(storedText([good]))[0]).toMatchObject({ recipe: good.recipe, path: good.path, search: good.search });
  });

  it('shares a basket as a short link that rebuilds the same items (ids aside)', async () => {
    const items = [
      item('overview.cloud', { search: 'edition=2026-hunan&cloud=3&theme=隐私计算', caption: '词云：商贸流通', note: '见正文第 2 节' }),
      item('term.kwic', { path: '/terms/%E6%95%B0%E6%8D%AE', search: 'edition=2026-hunan&kwic=10', size: 'ppt' }),
      item('track.topics', { path: '/tracks/2026-hunan/3', size: 'custom:12x8@150' })
    ];
    const value = await encodeShare(items);
    expect(value).toMatch(/^1\.[\w-]+$/);
    expect(value.length).toBeLessThan(600);
    const hash = `#b=${value}`;
    expect(shareFromHash(hash)).toBe(value);
    const back = await decodeShare(shareFromHash(hash)!);
    expect(back.map(({ id: _, ...rest }) => rest)).toEqual(items.map(({ id: _, ...rest }) => rest));
  });

  it('refuses broken, foreign or oversized share links with a reason', async () => {
    const bomb = `1.${Buffer.from(deflateRawSync(Buffer.alloc(5_000_000, 0x20))).toString('base64url')}`;
    for (const bad of ['', 'x', '2.abc', '1.!!!', '1.AAAA', bomb, `1.${'A'.repeat(LIMITS.shareChars)}`]) await expect(decodeShare(bad)).rejects.toThrow();
    const notList = `1.${Buffer.from(deflateRawSync(Buffer.from('{"a":1}'))).toString('base64url')}`;
    await expect(decodeShare(notList)).rejects.toThrow(/not a basket link/);
    const junk = `1.${Buffer.from(deflateRawSync(Buffer.from(JSON.stringify([['overview.top', '/', '', 'word', '', ''], 'x', [1, 2], ['a b', '/']])))).toString('base64url')}`;
    expect((await decodeShare(junk)).map((i) => i.recipe)).toEqual(['overview.top']);
    expect(shareFromHash('#x=1')).toBeNull();
  });
});
