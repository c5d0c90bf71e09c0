/**
 * Proof that the visitor wrote a comment, for backends with no accounts (memory, the REST protocol): the
 * token the backend gave when the comment was created, kept in this origin's localStorage per backend and
 * post, each until its edit window closes. An expired token is dropped on the next read, so a comment
 * stops offering Edit and Delete when the backend would refuse them anyway.
 */
import * as z from 'zod/mini';
import { recordOf } from '../model/schemas.js';

const TokenSchema = z.object({ token: z.string(), until: z.number() });
const KEY = 'comment-thread:own:';

export interface OwnTokens {
  /** The token for comment `id`, while its window is open. */
  get(id: string): string | undefined;
  /** The ids of every comment with an open window, read once (for a whole page of comments). */
  ids(): ReadonlySet<string>;
  set(id: string, token: string, until: number): void;
  delete(id: string): void;
}

/** The tokens of one backend (`backendKey`) and post, read afresh on every call (another tab may have posted). */
export function ownTokens(backendKey: string, postId: string): OwnTokens {
  const key = `${KEY}${backendKey}|${postId}`;
  const read = (): Record<string, z.infer<typeof TokenSchema>> => {
    try {
      const parsed = recordOf(TokenSchema).safeParse(JSON.parse(localStorage.getItem(key) ?? '{}'));
      if (!parsed.success) return {};
      const now = Date.now();
      const open = Object.fromEntries(Object.entries(parsed.data).filter(([, t]) => t.until > now));
      if (Object.keys(open).length !== Object.keys(parsed.data).length) write(open);
      return open;
    } catch {
      return {};
    }
  };
  const write = (tokens: Record<string, z.infer<typeof TokenSchema>>) => {
    try {
      if (Object.keys(tokens).length) localStorage.setItem(key, JSON.stringify(tokens));
      else localStorage.removeItem(key);
    } catch {
      // Storage full or blocked: the comment can be changed from this page view only.
    }
  };
  return {
    get: (id) => read()[id]?.token,
    ids: () => new Set(Object.keys(read())),
    set: (id, token, until) => write({ ...read(), [id]: { token, until } }),
    delete: (id) => {
      const tokens = read();
      delete tokens[id];
      write(tokens);
    },
  };
}

/** A token nobody can guess: `crypto.randomUUID` where the page is a secure context. */
export const newToken = (): string =>
  globalThis.crypto?.randomUUID?.() ?? Array.from({ length: 4 }, () => Math.random().toString(36).slice(2)).join('');
