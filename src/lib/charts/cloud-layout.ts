/**
 * The word cloud's layout (d3-cloud, which measures words on a canvas, so browser only):
 * one run per word list, box and seed, and the same input always gives the same cloud.
 * The page's cloud and every sized export of it are laid out here.
 */
import { seededRandom } from '../random.ts';
import { FONT_STACK } from './config.ts';
import { CLOUD_HEIGHT, CLOUD_WIDTH, cloudSvg, cloudWords, MAX_FONT, MIN_FONT, type CloudInput, type CloudWord, type PlacedWord } from './wordcloud.ts';
import type { Figure } from '../export/figure.ts';

export interface CloudLayout {
  placed: Promise<PlacedWord[]>;
  stop(): void;
}

export function layoutCloud(words: readonly CloudWord[], box: { width: number; height: number }, seed: number): CloudLayout {
  let stop = () => {};
  const input = words.map((w) => ({ ...w }));
  const placed = (async () => {
    const cloud = (await import('d3-cloud')).default;
    // Measure with the page's fonts, or the layout would change once they arrive.
    await document.fonts?.ready;
    return new Promise<PlacedWord[]>((resolve) => {
      const layout = cloud<CloudWord & { x?: number; y?: number }>()
        .size([box.width, box.height])
        .words(input)
        .padding(2)
        .rotate(0)
        .font(FONT_STACK)
        .fontSize((d) => d.size)
        .spiral('archimedean')
        .random(seededRandom(seed))
        .on('end', (tags) => resolve(tags.map((d) => ({ text: d.text, count: d.count, size: d.size, color: d.color, x: d.x ?? 0, y: d.y ?? 0 }))));
      stop = () => layout.stop();
      layout.start();
    });
  })();
  return { placed, stop: () => stop() };
}

/**
 * The cloud as a figure for exports: fonts grow with the box's area (a slide-sized cloud
 * is not a screen cloud with empty margins), then the words are laid out again.
 */
export function cloudFigure(rows: readonly CloudInput[], seed: number): Figure {
  return {
    kind: 'svg',
    aspect: CLOUD_HEIGHT / CLOUD_WIDTH,
    async render(box) {
      const factor = Math.min(2.2, Math.max(0.6, Math.sqrt((box.width * box.height) / (CLOUD_WIDTH * CLOUD_HEIGHT))));
      const words = cloudWords(rows, { min: MIN_FONT * factor, max: MAX_FONT * factor });
      const placed = await layoutCloud(words, box, seed).placed;
      return cloudSvg(placed, box.width, box.height);
    }
  };
}
