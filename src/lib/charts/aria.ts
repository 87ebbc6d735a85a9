/**
 * Vega writes its own ARIA texts into the SVG — English ("Y-axis for a discrete scale with
 * 20 values", "bar", "group mark container") and naming raw fields (`track_name: …`). The
 * chart's container is an image labelled with the Chinese title, and 表格 gives every figure
 * as text, so the drawing's inner ARIA is switched off: every mark, axis and legend, and the
 * root group that no spec reaches.
 */
interface VegaMarkLike {
  aria?: boolean;
  marks?: VegaMarkLike[];
}

interface VegaSpecLike extends VegaMarkLike {
  axes?: { aria?: boolean }[];
  legends?: { aria?: boolean }[];
}

/** Sets `aria: false` on every mark, axis and legend of a compiled Vega spec (in place; returns it). */
export function withoutAria<T extends object>(spec: T): T {
  const visit = (node: VegaSpecLike) => {
    for (const guide of [...(node.axes ?? []), ...(node.legends ?? [])]) guide.aria = false;
    for (const mark of node.marks ?? []) {
      mark.aria = false;
      visit(mark);
    }
  };
  visit(spec as VegaSpecLike);
  return spec;
}

/** The root group of a vega View, created by the view itself: hidden too (before the first render). */
export function hideRootAria(view: { scenegraph(): unknown }): void {
  const root = (view.scenegraph() as { root?: { aria?: boolean } }).root;
  if (root) root.aria = false;
}
