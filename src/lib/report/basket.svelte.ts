/**
 * The report basket the pages add to and /basket edits: one reactive list, kept in
 * localStorage (so it survives reloads and is shared by the tabs of one browser).
 * Browser only.
 */
import { LIMITS, moveItem, newItemId, parseStored, storedText, updateItem, type BasketItem } from './basket.ts';

const STORAGE_KEY = 'crosstrack.basket';

class Basket {
  items = $state.raw<BasketItem[]>([]);
  /** Why the last save failed (storage full or blocked), or null. */
  saveError = $state<string | null>(null);
  #started = false;

  /** Reads the stored basket once and follows changes made in other tabs. */
  start(): void {
    if (this.#started || typeof localStorage === 'undefined') return;
    this.#started = true;
    this.items = parseStored(this.#read());
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY) this.items = parseStored(event.newValue);
    });
  }

  #read(): string | null {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  }

  #set(items: BasketItem[]): void {
    this.items = items;
    try {
      localStorage.setItem(STORAGE_KEY, storedText(items));
      this.saveError = null;
    } catch (error) {
      this.saveError = error instanceof Error ? error.message : String(error);
    }
  }

  get full(): boolean {
    return this.items.length >= LIMITS.items;
  }

  add(item: Omit<BasketItem, 'id' | 'caption' | 'note'> & Partial<Pick<BasketItem, 'caption' | 'note'>>): boolean {
    this.start();
    if (this.full) return false;
    this.#set([...this.items, { caption: '', note: '', ...item, id: newItemId() }]);
    return true;
  }

  remove(id: string): void {
    this.#set(this.items.filter((i) => i.id !== id));
  }

  move(id: string, delta: number): void {
    this.#set(moveItem(this.items, id, delta));
  }

  update(id: string, changes: Partial<Pick<BasketItem, 'caption' | 'note' | 'size'>>): void {
    this.#set(updateItem(this.items, id, changes));
  }

  replace(items: BasketItem[]): void {
    this.#set(items.slice(0, LIMITS.items));
  }

  clear(): void {
    this.#set([]);
  }
}

export const basket = new Basket();
