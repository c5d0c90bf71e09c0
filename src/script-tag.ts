/**
 * The script-tag build's entry (dist/comment-thread.js): a loader of about 1 kB gzip that imports the
 * element's code (src/script-element.ts, a chunk of its own) when a `<comment-thread>` or
 * `<comment-count>` is wanted; see loader.ts for when. Pages that want the classes themselves can
 * `await load()`.
 */
import { loadWhenWanted } from './loader.js';

let loading: Promise<typeof import('./script-element.js')> | undefined;

/** Imports the element's code now (once) and resolves with its exports: `CommentThread`, `CommentCount`. */
export function load(): Promise<typeof import('./script-element.js')> {
  return (loading ??= import('./script-element.js'));
}

loadWhenWanted(load);
