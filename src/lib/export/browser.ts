/** Browser-only export steps: rasterising SVG and handing files to the user. */
import { withPngDpi } from './png.ts';
import { svgSize } from './svg.ts';

/**
 * Draws the SVG onto a canvas `scale` times its size. Text is rasterised with the viewer's
 * fonts (exports embed their own). With `dpi`, the PNG records it, so Word inserts it at size.
 */
export async function svgToPng(svg: string, scale: number, dpi?: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the SVG could not be drawn'));
      image.src = url;
    });
    // The SVG's own size, not the image's (rounded to whole pixels): 604.8 px × 3.125 is 1890, not 1891.
    const declared = svgSize(svg);
    const width = declared.width || image.naturalWidth;
    const height = declared.height || image.naturalHeight;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale - 1e-6);
    canvas.height = Math.ceil(height * scale - 1e-6);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png')
    );
    if (!dpi) return blob;
    const bytes = withPngDpi(new Uint8Array(await blob.arrayBuffer()), dpi);
    return new Blob([bytes as BlobPart], { type: 'image/png' });
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}

/**
 * Puts a PNG on the clipboard. The blob is handed over as a promise so Safari and Chromium
 * keep the user's click as the permission for the write.
 */
export const canCopyPictures = () => typeof ClipboardItem !== 'undefined' && !!navigator.clipboard?.write;

export async function copyPng(png: Promise<Blob>): Promise<void> {
  if (!canCopyPictures()) throw new Error('this browser cannot put pictures on the clipboard');
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
}
