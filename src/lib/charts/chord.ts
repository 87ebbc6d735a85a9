/**
 * Chord diagram layout (d3-chord) for track × track overlap, as plain data the
 * ChordDiagram component draws and tests check. Labels sit around the circle and stay
 * horizontal: text on the right half starts at the arc, on the left half ends at it,
 * near the top and bottom it is centred — CJK text is never rotated.
 */
import { arc, chord, interpolateBlues, ribbon, scaleSequential } from 'd3';
import { escapeXml } from '../export/svg.ts';
import { FONT_STACK } from './config.ts';

export interface ChordInput {
  /** Group names in display order (guide order). */
  names: readonly string[];
  /** Symmetric weights; matrix[i][j] = weight of the pair (i, j); the diagonal is ignored. */
  matrix: readonly (readonly number[])[];
  /** Radius of the outer edge of the group arcs. */
  radius?: number;
  /** Room for labels outside the arcs. */
  labelRoom?: number;
}

export interface ChordGroupLayout {
  index: number;
  name: string;
  /** Sum of the group's weights. */
  total: number;
  path: string;
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
  /** Vertical alignment: centred labels hang below the bottom or stand on the top. */
  baseline: 'middle' | 'hanging' | 'alphabetic';
}

export interface ChordRibbonLayout {
  source: number;
  target: number;
  value: number;
  path: string;
  color: string;
}

export interface ChordLayout {
  width: number;
  height: number;
  /** Centre of the circle inside the width × height box. */
  cx: number;
  cy: number;
  groups: ChordGroupLayout[];
  ribbons: ChordRibbonLayout[];
}

const BAND = 14;
const LABEL_GAP = 8;
/** Within this angle of the top or bottom, a label is centred on its arc. */
const CENTRE_ZONE = 0.18;

/** Where a horizontal label for an arc at angle `a` (0 = top, clockwise) goes. */
export function labelPlacement(a: number, r: number): Pick<ChordGroupLayout, 'labelX' | 'labelY' | 'anchor' | 'baseline'> {
  const x = Math.sin(a) * r;
  const y = -Math.cos(a) * r;
  const turn = ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  if (turn < CENTRE_ZONE || turn > 2 * Math.PI - CENTRE_ZONE) return { labelX: x, labelY: y, anchor: 'middle', baseline: 'alphabetic' };
  if (Math.abs(turn - Math.PI) < CENTRE_ZONE) return { labelX: x, labelY: y, anchor: 'middle', baseline: 'hanging' };
  return { labelX: x, labelY: y, anchor: turn < Math.PI ? 'start' : 'end', baseline: 'middle' };
}

export function chordLayout(input: ChordInput): ChordLayout {
  const n = input.names.length;
  const radius = input.radius ?? 200;
  const room = input.labelRoom ?? 96;
  const inner = radius - BAND;
  // d3.chord reads matrix[i][j] as the flow i → j; a symmetric matrix gives undirected ribbons.
  const m = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Math.max(0, input.matrix[i]?.[j] ?? 0))));
  const layout = chord().padAngle(n > 1 ? Math.min(0.04, (2 * Math.PI * 0.25) / n) : 0).sortSubgroups(null)(m);
  const groupArc = arc<{ startAngle: number; endAngle: number }>().innerRadius(inner).outerRadius(radius);
  const ribbonPath = ribbon();
  const top = Math.max(0, ...layout.map((c) => c.source.value)) || 1;
  // The domain starts below 0 so the faintest ribbon stays visible on white.
  const color = scaleSequential(interpolateBlues).domain([-0.35 * top, top]);
  const groups = layout.groups.map((g) => ({
    index: g.index,
    name: input.names[g.index],
    total: g.value,
    path: groupArc(g) ?? '',
    ...labelPlacement((g.startAngle + g.endAngle) / 2, radius + LABEL_GAP)
  }));
  const ribbons = layout
    .filter((c) => c.source.value > 0)
    .map((c) => ({
      source: c.source.index,
      target: c.target.index,
      value: c.source.value,
      color: color(c.source.value),
      path: String(ribbonPath({ source: { ...c.source, radius: inner - 1 }, target: { ...c.target, radius: inner - 1 } }) ?? '')
    }));
  const size = 2 * (radius + room);
  return { width: size, height: size, cx: size / 2, cy: size / 2, groups, ribbons };
}

/**
 * The diagram as standalone SVG markup for exports, centred in a `width` × `height` box,
 * drawn as ChordDiagram draws it (the chosen pair in orange) without hover state.
 */
export function chordSvg(layout: ChordLayout, box: { width: number; height: number }, selected: readonly [number, number] | null = null): string {
  const chosen = (s: number, t: number) => selected !== null && ((selected[0] === s && selected[1] === t) || (selected[0] === t && selected[1] === s));
  const ribbons = layout.ribbons
    .map((r) => {
      const on = chosen(r.source, r.target);
      return `<path d="${r.path}" fill="${on ? '#D55E00' : r.color}" fill-opacity="${on ? 0.9 : 0.72}" stroke="${on ? '#8a3c00' : 'white'}" stroke-width="${on ? 1.5 : 0.4}"/>`;
    })
    .join('');
  const groups = layout.groups
    .map((g) => {
      const active = selected !== null && selected.includes(g.index);
      const baseline = g.baseline === 'middle' ? 'central' : g.baseline;
      return (
        `<path d="${g.path}" fill="${active ? '#0072B2' : '#6b7785'}" stroke="white" stroke-width="0.5"/>` +
        `<text x="${g.labelX.toFixed(2)}" y="${g.labelY.toFixed(2)}" text-anchor="${g.anchor}" dominant-baseline="${baseline}" font-size="12" font-weight="${active ? 'bold' : 'normal'}" fill="#222">${escapeXml(g.name)}</text>`
      );
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}" viewBox="0 0 ${box.width} ${box.height}">`,
    `<g font-family="${escapeXml(FONT_STACK)}" transform="translate(${box.width / 2},${box.height / 2})"><g>${ribbons}</g>${groups}</g>`,
    `</svg>`
  ].join('');
}

/** Room for labels and the radius that fit a box: labels need ~96 px, a small box gives less. */
export function chordFit(box: { width: number; height: number }): { radius: number; labelRoom: number } {
  const side = Math.min(box.width, box.height);
  const labelRoom = Math.min(96, Math.max(40, side * 0.2));
  return { radius: Math.max(30, side / 2 - labelRoom), labelRoom };
}
