/** What a failed export says on the page: the reason, and what to do about it. */
import { t } from '../i18n/index.svelte.ts';

export function exportFailedMessage(error: unknown): string {
  return t('chart.exportFailed', { reason: error instanceof Error ? error.message : String(error) });
}
