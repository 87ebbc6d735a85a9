/**
 * Vega tooltip handler showing exact figures in a small table near the pointer.
 * Built with text nodes only (never innerHTML): terms and titles are data.
 */
import type { TooltipHandler } from 'vega';

export interface Tooltip {
  handler: TooltipHandler;
  destroy(): void;
}

export function createTooltip(): Tooltip {
  const box = document.createElement('div');
  box.className = 'chart-tooltip';
  box.setAttribute('role', 'tooltip');
  Object.assign(box.style, {
    position: 'fixed',
    zIndex: '50',
    pointerEvents: 'none',
    display: 'none',
    background: '#fff',
    border: '1px solid #c9d1d9',
    borderRadius: '6px',
    boxShadow: '0 4px 14px rgb(0 0 0 / 0.14)',
    padding: '0.4rem 0.6rem',
    fontSize: '13px',
    lineHeight: '1.5',
    maxWidth: '26rem'
  });
  document.body.append(box);

  const handler: TooltipHandler = (_view, event, _item, value) => {
    if (value === null || value === undefined || value === '') {
      box.style.display = 'none';
      return;
    }
    box.replaceChildren();
    if (typeof value === 'object') {
      const table = document.createElement('table');
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        const tr = table.insertRow();
        const th = document.createElement('th');
        th.textContent = key;
        Object.assign(th.style, { textAlign: 'left', fontWeight: 'normal', color: '#57606a', paddingRight: '0.8rem' });
        const td = tr.insertCell();
        td.textContent = String(v);
        td.style.fontVariantNumeric = 'tabular-nums';
        tr.prepend(th);
      }
      box.append(table);
    } else {
      box.textContent = String(value);
    }
    box.style.display = 'block';
    const e = event as MouseEvent;
    const { width, height } = box.getBoundingClientRect();
    const x = Math.min(e.clientX + 14, window.innerWidth - width - 8);
    const y = e.clientY + 14 + height > window.innerHeight ? e.clientY - height - 10 : e.clientY + 14;
    box.style.left = `${Math.max(8, x)}px`;
    box.style.top = `${Math.max(8, y)}px`;
  };

  return { handler, destroy: () => box.remove() };
}
