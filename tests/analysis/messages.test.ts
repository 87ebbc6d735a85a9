import { describe, expect, it } from 'vitest';
import { formatDiagnostic, printable } from '../../analysis/messages.ts';

describe('printable', () => {
  it('escapes terminal controls, line breaks and direction overrides; leaves Chinese alone', () => {
    expect(printable('\u001b]0;pwned\u0007\u001b[31m红色')).toBe('\\x1B]0;pwned\\x07\\x1B[31m红色');
    expect(printable('a\rb\nc\u0000d\u007f\u009b')).toBe('a\\x0Db\\x0Ac\\x00d\\x7F\\x9B');
    expect(printable('file\u202Etxt.exe')).toBe('file\\u202Etxt.exe');
    expect(printable('赛道一：工业制造（可信数据空间）…')).toBe('赛道一：工业制造（可信数据空间）…');
  });

  it('a diagnostic printed through it cannot forge a second line', () => {
    const line = printable(formatDiagnostic({ level: 'error', code: 'x', file: 'a.txt\ninput/b.txt:1: 完成 done', line: 3, message: 'm' }));
    expect(line.split('\n')).toHaveLength(1);
  });
});
