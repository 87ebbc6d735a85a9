/**
 * A seeded, stable force layout (d3-force run synchronously for a fixed number of ticks,
 * no animation) and horizontal labels placed greedily where they overlap the least.
 * The same graph, size and seed always give the same picture. Pure: no DOM.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';
import { estimateTextWidth } from '../export/svg.ts';
import { seededRandom } from '../random.ts';

export interface LayoutInput {
  /** Node sizes follow `count`; labels show `term`. */
  nodes: readonly { term: string; count: number }[];
  edges: readonly { source: number; target: number; weight: number }[];
}

export interface LayoutOptions {
  width: number;
  height: number;
  seed?: number;
  ticks?: number;
  fontSize?: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNode {
  x: number;
  y: number;
  r: number;
  /** The label's box; the text starts at label.x with its baseline at baselineY. */
  label: Box;
  baselineY: number;
}

export interface NetworkLayout {
  nodes: PlacedNode[];
  width: number;
  height: number;
  fontSize: number;
  /** Label pairs that still overlap (0 when every label found a free spot). */
  labelOverlaps: number;
}

export const LAYOUT_SEED = 1;
export const LAYOUT_TICKS = 300;
const PADDING = 8;
const MIN_R = 4;
const MAX_R = 16;

interface SimNode extends SimulationNodeDatum {
  index: number;
  r: number;
  halfLabel: number;
}

/** Area-true sizes: radius grows with √count between MIN_R and MAX_R. */
export function nodeRadii(counts: readonly number[]): number[] {
  if (counts.length === 0) return [];
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  return counts.map((c) => (hi === lo ? (MIN_R + MAX_R) / 2 : MIN_R + (MAX_R - MIN_R) * Math.sqrt((c - lo) / (hi - lo))));
}

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function outsideArea(box: Box, width: number, height: number): number {
  const inside = overlapArea(box, { x: 0, y: 0, width, height });
  return box.width * box.height - inside;
}

export function layoutNetwork(input: LayoutInput, options: LayoutOptions): NetworkLayout {
  const { width, height } = options;
  const fontSize = options.fontSize ?? 12;
  const radii = nodeRadii(input.nodes.map((n) => n.count));
  const labelWidths = input.nodes.map((n) => estimateTextWidth(n.term, fontSize));
  // Seeded start positions in a disc around the centre: the seed picks the picture, and
  // the same seed always gives the same one.
  const random = seededRandom(options.seed ?? LAYOUT_SEED);
  const spread = 30 * Math.sqrt(input.nodes.length + 1);
  const sim: SimNode[] = input.nodes.map((_, index) => {
    const angle = 2 * Math.PI * random();
    const distance = spread * Math.sqrt(random());
    return { index, r: radii[index], halfLabel: labelWidths[index] / 2, x: width / 2 + distance * Math.cos(angle), y: height / 2 + distance * Math.sin(angle) };
  });
  const maxWeight = Math.max(1e-9, ...input.edges.map((e) => e.weight));
  const links = input.edges.map((e) => ({ source: e.source, target: e.target, strength: 0.15 + 0.6 * (e.weight / maxWeight) }));

  const simulation = forceSimulation<SimNode>(sim)
    .randomSource(random)
    .force('link', forceLink<SimNode, (typeof links)[number] & { source: number | SimNode; target: number | SimNode }>(links).distance(70).strength((l) => l.strength))
    .force('charge', forceManyBody<SimNode>().strength(-200).distanceMax(240))
    // Room for a label beside or under each node: nodes keep about half a label apart.
    .force('collide', forceCollide<SimNode>((d) => Math.max(d.r + 4, d.halfLabel * 0.85 + 4)).iterations(2))
    .force('x', forceX<SimNode>(width / 2).strength(0.08))
    .force('y', forceY<SimNode>(height / 2).strength(0.12))
    .stop();
  const ticks = options.ticks ?? LAYOUT_TICKS;
  for (let i = 0; i < ticks; i++) simulation.tick();

  fitInto(sim, width, height, fontSize);
  const placed = placeLabels(sim, labelWidths, fontSize, width, height);
  return { nodes: placed.nodes, width, height, fontSize, labelOverlaps: placed.overlaps };
}

/** Scales (per axis) and shifts the positions so nodes and their labels use the whole box. */
function fitInto(sim: SimNode[], width: number, height: number, fontSize: number): void {
  if (sim.length === 0) return;
  const marginX = PADDING + Math.max(...sim.map((d) => Math.max(d.r, d.halfLabel)));
  const marginY = PADDING + MAX_R + fontSize * 1.4;
  const xs = sim.map((d) => d.x ?? 0);
  const ys = sim.map((d) => d.y ?? 0);
  const fit = (values: number[], lo: number, hi: number) => {
    const min = Math.min(...values);
    const max = Math.max(...values);
    if (max - min < 1e-6) return () => (lo + hi) / 2;
    const scale = (hi - lo) / (max - min);
    return (v: number) => lo + (v - min) * scale;
  };
  const fx = fit(xs, marginX, width - marginX);
  const fy = fit(ys, marginY, height - marginY);
  for (const d of sim) {
    d.x = fx(d.x ?? 0);
    d.y = fy(d.y ?? 0);
  }
}

/** Candidate label spots around a node, in order of preference: right, left, below, above, corners. */
function candidates(x: number, y: number, r: number, w: number, h: number): Box[] {
  const gap = 3;
  return [
    { x: x + r + gap, y: y - h / 2, width: w, height: h },
    { x: x - r - gap - w, y: y - h / 2, width: w, height: h },
    { x: x - w / 2, y: y + r + 1, width: w, height: h },
    { x: x - w / 2, y: y - r - 1 - h, width: w, height: h },
    { x: x + r * 0.7, y: y + r * 0.7, width: w, height: h },
    { x: x + r * 0.7, y: y - r * 0.7 - h, width: w, height: h },
    { x: x - r * 0.7 - w, y: y + r * 0.7, width: w, height: h },
    { x: x - r * 0.7 - w, y: y - r * 0.7 - h, width: w, height: h }
  ];
}

function placeLabels(sim: SimNode[], widths: number[], fontSize: number, width: number, height: number) {
  const h = Math.round(fontSize * 1.25);
  const circles: Box[] = sim.map((d) => ({ x: d.x! - d.r, y: d.y! - d.r, width: 2 * d.r, height: 2 * d.r }));
  // Big nodes choose first; the input order breaks ties, so the result is stable.
  const order = sim.map((d) => d.index).sort((a, b) => sim[b].r - sim[a].r || a - b);
  const labels: Box[] = new Array(sim.length);
  const placed: Box[] = [];
  for (const i of order) {
    const d = sim[i];
    let best: Box | null = null;
    let bestCost = Infinity;
    candidates(d.x!, d.y!, d.r, widths[i], h).forEach((box, rank) => {
      let cost = rank * 0.5 + 4 * outsideArea(box, width, height);
      for (const other of placed) cost += 3 * overlapArea(box, other);
      circles.forEach((c, j) => {
        if (j !== i) cost += overlapArea(box, c);
      });
      if (cost < bestCost) {
        best = box;
        bestCost = cost;
      }
    });
    labels[i] = best!;
    placed.push(best!);
  }
  let overlaps = 0;
  for (let a = 0; a < labels.length; a++) for (let b = a + 1; b < labels.length; b++) if (overlapArea(labels[a], labels[b]) > 0) overlaps++;
  const nodes: PlacedNode[] = sim.map((d, i) => ({
    x: round(d.x!),
    y: round(d.y!),
    r: round(d.r),
    label: { x: round(labels[i].x), y: round(labels[i].y), width: labels[i].width, height: h },
    baselineY: round(labels[i].y + h * 0.78)
  }));
  return { nodes, overlaps };
}

const round = (v: number) => Math.round(v * 10) / 10;
