/**
 * One sized export: the figure laid out for the chosen size, inside its frame (title,
 * filters, source — the standalone files) or bare (the Word document, whose caption and
 * source line are text). Pure apart from the figure's own layout; runs in Node for vega.
 */
import { figureSvg, type Figure } from './figure.ts';
import { exportBox, pixelSize, type ExportBox, type ExportSize } from './size.ts';
import { BARE_MARGIN, bareSvg, frameChrome, frameSvg, svgSize, type FrameText } from './svg.ts';

export interface SizedSvg {
  svg: string;
  box: ExportBox;
  /** The PNG this SVG becomes at the size's dpi. */
  pixels: { width: number; height: number };
}

export async function sizedExportSvg(figure: Figure, text: FrameText, size: ExportSize, options: { framed: boolean }): Promise<SizedSvg> {
  const box = exportBox(size);
  let svg: string;
  if (options.framed) {
    const chrome = frameChrome(text, box.width);
    const around = chrome.top + chrome.bottom;
    const chart = await figureSvg(figure, {
      width: box.width - 2 * chrome.side,
      height: box.height === null ? null : box.height - around,
      maxHeight: box.maxHeight - around
    });
    svg = frameSvg(chart, text, { width: box.width, ...(box.height === null ? {} : { height: box.height }) });
  } else {
    const chart = await figureSvg(figure, {
      width: box.width - 2 * BARE_MARGIN,
      height: box.height === null ? null : box.height - 2 * BARE_MARGIN,
      maxHeight: box.maxHeight - 2 * BARE_MARGIN
    });
    svg = bareSvg(chart, text.title, box.width);
  }
  return { svg, box, pixels: pixelSize(box, svgSize(svg).height) };
}
