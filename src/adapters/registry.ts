/**
 * Names for the `backend` attribute. Built-in backends are lazy imports, so a page downloads only the
 * adapter it uses; `registerBackend()` adds more, and elements already waiting for that name load then.
 */
import type { BackendFactory } from './types.js';

export type BackendLoader = () => Promise<BackendFactory>;

const loaders = new Map<string, BackendLoader>([
  ['memory', () => import('./memory.js').then((m) => m.backend)],
  ['rest', () => import('./rest.js').then((m) => m.backend)],
  ['json', () => import('./static-json.js').then((m) => m.backend)],
  ['wordpress', () => import('./wordpress.js').then((m) => m.backend)],
  ['waline', () => import('./waline.js').then((m) => m.backend)],
  ['isso', () => import('./isso.js').then((m) => m.backend)],
  ['artalk', () => import('./artalk.js').then((m) => m.backend)],
  ['mastodon', () => import('./mastodon.js').then((m) => m.backend)],
  ['bluesky', () => import('./bluesky.js').then((m) => m.backend)],
  ['github', () => import('./github.js').then((m) => m.backend)],
  ['webmention', () => import('./webmention.js').then((m) => m.backend)],
]);
const listeners = new Set<(name: string) => void>();

/**
 * Makes `backend="name"` use the factory `loader` resolves to: `registerBackend('mine', async () => mine)`,
 * or `() => import('./mine.js').then((m) => m.backend)` to load it only when a page uses it.
 */
export function registerBackend(name: string, loader: BackendLoader): void {
  loaders.set(name, loader);
  for (const listener of listeners) listener(name);
}

/** The loader for a name, if one is registered. */
export const backendLoader = (name: string): BackendLoader | undefined => loaders.get(name);

/** Calls `listener` with each name registered from now on; returns the unsubscribe function. */
export function onBackendRegistered(listener: (name: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
