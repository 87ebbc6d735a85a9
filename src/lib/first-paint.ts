/**
 * The HTML of 总览 and 跨赛道 may open with the server's copy of the first screen (server/
 * first-answers/first-paint.ts) laid over the page; `data-route` names the page it copies.
 * It goes once the page shows a chart of its own (the same drawings, in its frames), at once
 * when the visitor is on another page, and after LIFT_AFTER_MS whatever happens, so it can
 * never hide a page that failed.
 */
export const FIRST_PAINT_ID = 'first-paint';
/** The HTML's JSON data block: the manifest and the first answers. */
export const FIRST_DATA_ID = 'crosstrack-first';
const LIFT_AFTER_MS = 4000;

export function liftFirstPaint(currentRoute: () => string, doc: Document = document): void {
  const paint = doc.getElementById(FIRST_PAINT_ID);
  if (!paint) return;
  const copied = paint.dataset.route ?? '/';
  const started = performance.now();
  const check = () => {
    if (!paint.isConnected) return;
    const shown = doc.querySelector('#main section.frame .chart svg') !== null;
    if (shown || currentRoute() !== copied || performance.now() - started > LIFT_AFTER_MS) paint.remove();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
