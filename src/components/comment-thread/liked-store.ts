/**
 * Which comments this browser liked, per thread (backend and post), for backends that count likes but
 * do not know who gave them (the memory backend, the REST protocol, Waline, Isso, Artalk for a
 * visitor without an account): so one visitor likes a comment once, and sees it pressed after a reload.
 */
import * as z from 'zod/mini';

const PREFIX = 'comment-thread:liked:';
const LikedSchema = z.array(z.string());

export function likedIds(scope: string): Set<string> {
  try {
    const parsed = LikedSchema.safeParse(JSON.parse(localStorage.getItem(PREFIX + scope) ?? '[]'));
    return new Set(parsed.success ? parsed.data : []);
  } catch {
    return new Set();
  }
}

/** Records `id` as liked (or not) in `ids` and in storage. */
export function saveLiked(scope: string, ids: Set<string>, id: string, liked: boolean): void {
  if (liked) ids.add(id);
  else ids.delete(id);
  try {
    if (ids.size) localStorage.setItem(PREFIX + scope, JSON.stringify([...ids]));
    else localStorage.removeItem(PREFIX + scope);
  } catch {
    // Storage full or blocked: remembered for this page view only.
  }
}
