/**
 * The export size last chosen (Word 页宽 by default), shared by every chart's export menu
 * and remembered in localStorage, so someone making a Word report picks it once.
 */
import { DEFAULT_SIZE, formatSize, parseSize, type ExportSize } from './size.ts';

const KEY = 'crosstrack.exportSize';

function stored(): ExportSize {
  try {
    return typeof localStorage === 'undefined' ? DEFAULT_SIZE : parseSize(localStorage.getItem(KEY));
  } catch {
    return DEFAULT_SIZE;
  }
}

class SizeChoice {
  size = $state<ExportSize>(stored());

  set(size: ExportSize): void {
    this.size = size;
    try {
      localStorage.setItem(KEY, formatSize(size));
    } catch {
      /* private mode: the choice lasts for this page */
    }
  }
}

export const sizeChoice = new SizeChoice();
