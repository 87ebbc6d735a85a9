/**
 * GET: server-sent events. `status` while the queue changes (progress of the running
 * re-analysis), `tables` whenever new tables are in place, both sent once on connect so a
 * page that reconnects catches up. Streams end when the server shuts down.
 */
import { getWorkspace } from '$lib/server/workspace/index.ts';
import type { RequestHandler } from './$types';

const encoder = new TextEncoder();
const open = new Set<() => void>();
let hooked = false;

function closeAllOnShutdown() {
  if (hooked) return;
  hooked = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => [...open].forEach((close) => close()));
}

export const GET: RequestHandler = ({ request }) => {
  closeAllOnShutdown();
  const workspace = getWorkspace();
  let close = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (chunk: string) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          close();
        }
      };
      const send = (event: string, data: unknown) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      send('tables', { version: workspace.tablesVersion() });
      send('status', workspace.queue.status());
      const offStatus = workspace.queue.subscribe((status) => send('status', status));
      const offTables = workspace.subscribeTables((version) => send('tables', { version }));
      const ping = setInterval(() => write(': ping\n\n'), 20_000);
      close = () => {
        offStatus();
        offTables();
        clearInterval(ping);
        open.delete(close);
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      open.add(close);
      request.signal.addEventListener('abort', () => close());
    },
    cancel() {
      close();
    }
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' } });
};
