/** A file name that is safe on Windows, macOS and Linux and still readable in Chinese. */
export function exportFilename(parts: readonly (string | null | undefined)[], extension: string): string {
  const stem = parts
    .filter((p): p is string => !!p && p.trim() !== '')
    .map((p) => p.trim().replace(/[\\/:*?"<>|\s]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, ''))
    .filter(Boolean)
    .join('_');
  return `${stem || 'chart'}.${extension}`;
}
