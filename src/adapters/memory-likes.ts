/**
 * The memory backend's like counts, seed comments' included, kept apart from the comments it stores
 * (which are only the ones posted), in localStorage under the adapter's key.
 */
import * as z from 'zod/mini';
import { recordOf } from '../model/schemas.js';

export function loadLikes(key: string | undefined): Record<string, number> {
  try {
    const parsed = recordOf(z.number()).safeParse(key ? JSON.parse(localStorage.getItem(key) ?? '{}') : {});
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function saveLikes(key: string, counts: ReadonlyMap<string, number>): void {
  try {
    localStorage.setItem(key, JSON.stringify(Object.fromEntries(counts)));
  } catch {
    // Storage full or blocked: the counts hold for this page view.
  }
}
