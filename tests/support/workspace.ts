/**
 * Temporary workspaces for tests: a copy of the bundled editions and dictionaries in a
 * fresh folder, and a byte-level fingerprint of a whole folder tree (every file's path and
 * SHA-256), so a test can prove that a refused request changed nothing at all.
 */
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export function makeWorkspace(options: { editions?: string[] } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'crosstrack-ws-'));
  mkdirSync(join(root, 'editions'));
  cpSync(join(ROOT, 'data/dict'), join(root, 'dict'), { recursive: true });
  const names = options.editions ?? readdirSync(join(ROOT, 'data/editions'));
  for (const name of names) cpSync(join(ROOT, 'data/editions', name), join(root, 'editions', name));
  return root;
}

/** Every file under `dir` (hidden ones included) → SHA-256 of its bytes; folders as entries too. */
export function treeFingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (path: string, rel: string) => {
    for (const name of readdirSync(path).sort()) {
      const abs = join(path, name);
      const key = rel ? `${rel}/${name}` : name;
      const stat = lstatSync(abs);
      if (stat.isDirectory()) {
        out[`${key}/`] = 'dir';
        walk(abs, key);
      } else out[key] = createHash('sha256').update(readFileSync(abs)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

export const HUNAN = readFileSync(join(ROOT, 'data/editions/2026-hunan.txt'));

/** A small guide in the Hunan layout, named for a year and region the metadata can infer. */
export function smallGuide(title = '2027年“数据要素×”大赛湖南分赛 赛题指南', topics = ['可信数据空间建设与运营', '大模型赋能工业质检']): string {
  return [title, '赛道一：工业制造赛道', ...topics.flatMap((t, i) => [`${'一二三四五六七八九'[i]}、${t}`, `围绕${t}，利用隐私计算与高质量数据集，构建智能体应用。`])].join('\n') + '\n';
}
