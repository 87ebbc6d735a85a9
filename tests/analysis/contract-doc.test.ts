import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC, withContract } from '../../scripts/contract-doc.ts';
import { TABLE_NAMES } from '../../analysis/contract.ts';

describe('docs/ARCHITECTURE.md', () => {
  it('documents the current table contract (run `npx tsx scripts/contract-doc.ts` after changing it)', () => {
    const doc = readFileSync(DOC, 'utf8');
    expect(withContract(doc)).toBe(doc);
    for (const name of TABLE_NAMES) expect(doc).toContain(`#### \`${name}\``);
  });
});
