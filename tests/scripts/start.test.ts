import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markDone, planAnalysis, planBuild, retireStaticData } from '../../scripts/start.ts';

function project() {
  const root = mkdtempSync(join(tmpdir(), 'crosstrack-start-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('data/editions/2026-hunan.txt', '赛道一：工业制造赛道\n一、题目\n');
  write('data/dict/terms.txt', '可信数据空间\n');
  write('analysis/cli.ts', '// cli');
  write('analysis/contract.ts', '// contract');
  write('src/routes/+page.svelte', '<h1>总览</h1>');
  write('package-lock.json', '{}');
  return { root, write };
}

describe('npm start planning', () => {
  it('analyses and builds the first time, then neither while nothing changed', () => {
    const { root, write } = project();
    const analysis = planAnalysis(root);
    expect(analysis.needed).toBe(true);
    write('data/tables/manifest.json', '{}');
    markDone(root, analysis);
    const build = planBuild(root);
    expect(build.needed).toBe(true);
    write('build/index.js', '');
    markDone(root, build);
    expect(planAnalysis(root).needed).toBe(false);
    expect(planBuild(root).needed).toBe(false);
  });

  it('re-analyses when an edition or a dictionary changes, and rebuilds when sources change', () => {
    const { root, write } = project();
    write('data/tables/manifest.json', '{}');
    write('build/index.js', '');
    markDone(root, planAnalysis(root));
    markDone(root, planBuild(root));

    write('data/dict/terms.txt', '可信数据空间\n数据要素\n');
    expect(planAnalysis(root).needed).toBe(true);
    markDone(root, planAnalysis(root));
    write('data/editions/2027-hunan.txt', '赛道一：工业制造赛道\n一、新题目\n');
    expect(planAnalysis(root).needed).toBe(true);
    markDone(root, planAnalysis(root));
    expect(planBuild(root).needed).toBe(false);

    write('src/routes/+page.svelte', '<h1>总览 2</h1>');
    expect(planBuild(root).needed).toBe(true);
    expect(planAnalysis(root).needed).toBe(false);
  });

  it('does not rebuild when only the tables change: the server serves them from data/tables', () => {
    const { root, write } = project();
    write('data/tables/manifest.json', '{"v":1}');
    write('build/index.js', '');
    markDone(root, planBuild(root));
    write('data/tables/manifest.json', '{"v":2}');
    write('data/.history/log.json', '{}');
    expect(planBuild(root).needed).toBe(false);
    expect(planAnalysis(root).needed).toBe(true);
  });

  it('rebuilds when the analysis code changes, because the server runs it', () => {
    const { root, write } = project();
    write('build/index.js', '');
    markDone(root, planBuild(root));
    write('analysis/cli.ts', '// cli 2');
    expect(planBuild(root).needed).toBe(true);
  });

  it('removes tables an older version left in static/data, which the build would serve instead', () => {
    const { root, write } = project();
    write('static/data/manifest.json', JSON.stringify({ tool: { name: 'crosstrack' } }));
    write('static/favicon.svg', '<svg/>');
    expect(retireStaticData(root)).toBe(true);
    expect(existsSync(join(root, 'static/data'))).toBe(false);
    expect(existsSync(join(root, 'static/favicon.svg'))).toBe(true);
    write('static/data/manifest.json', JSON.stringify({ tool: { name: 'someone else' } }));
    expect(retireStaticData(root)).toBe(false);
    expect(existsSync(join(root, 'static/data/manifest.json'))).toBe(true);
  });
});
