import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageOutput } from '../../../analysis/write/atomic.ts';

function outputFolder() {
  const root = mkdtempSync(join(tmpdir(), 'crosstrack-atomic-'));
  const out = join(root, 'out');
  mkdirSync(out);
  writeFileSync(join(out, 'manifest.json'), 'old');
  return { root, out };
}

describe('staged output', () => {
  it('replaces the whole folder on commit, leaving no temporary folders', () => {
    const { root, out } = outputFolder();
    const stage = stageOutput(out, 't1');
    writeFileSync(join(stage.dir, 'manifest.json'), 'new');
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('old');
    stage.commit();
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('new');
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('leaves the previous outputs untouched on discard', () => {
    const { root, out } = outputFolder();
    const stage = stageOutput(out, 't2');
    writeFileSync(join(stage.dir, 'manifest.json'), 'half-written');
    stage.discard();
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('old');
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('creates the output folder when there was none', () => {
    const root = mkdtempSync(join(tmpdir(), 'crosstrack-atomic-'));
    const stage = stageOutput(join(root, 'deep', 'out'), 't3');
    writeFileSync(join(stage.dir, 'a'), 'x');
    stage.commit();
    expect(existsSync(join(root, 'deep', 'out', 'a'))).toBe(true);
  });
});
