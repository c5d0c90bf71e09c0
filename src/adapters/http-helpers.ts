/**
 * HTTP helpers for the backends that need more than the read core in http.ts: a JSON round trip with
 * validation, error bodies, and untrusted text and links. Kept apart so a page showing a thread from a
 * backend that uses none of them (WordPress) does not download them.
 */
import type * as z from 'zod/mini';
import type { CommentThreadError } from '../model/errors.js';
import { firstElement, htmlText } from './html-text.js';
import { httpError, parse, readJson, request, type RequestOptions } from './http.js';

/** Backend HTML error text as plain text: tags dropped, entities decoded, whitespace collapsed. */
export const plainText = (html: string): string => htmlText(html);

/** What `getJson` needs besides `request()`'s options. */
export interface JsonRequestOptions extends RequestOptions {
  /** Turns a non-2xx answer into the error to throw (the backend's own message); `httpError` by default. */
  failure?: (response: Response, url: string) => CommentThreadError | Promise<CommentThreadError>;
}

/**
 * The round trip every adapter makes: request, refuse a non-2xx answer through `failure`, read JSON and
 * validate it. The response comes back too, for headers such as `Link` or a 201/202 distinction.
 */
export async function getJson<T extends z.core.$ZodType>(
  url: string,
  schema: T,
  options: JsonRequestOptions = {},
): Promise<{ data: z.infer<T>; response: Response }> {
  const response = await request(url, options);
  if (!response.ok) throw await (options.failure ?? httpError)(response, url);
  return { data: parse(schema, await readJson(response, url), url), response };
}

/** The JSON body of an error answer, or undefined when it has none (an HTML page, an empty body). */
export async function errorBody(response: Response, url: string): Promise<unknown> {
  try {
    return await readJson(response, url);
  } catch {
    return undefined;
  }
}

/** Plain text made safe to embed in an HTML body (`&`, `<`, `>`, quotes). */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An absolute http(s) URL as a string, or undefined: for links built from untrusted data. */
export function httpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The reason on a server's HTML error page (werkzeug, nginx …): the first paragraph, else the title,
 * as plain text; undefined when the page says nothing.
 */
export function errorPageText(html: string): string | undefined {
  const paragraph = htmlText(firstElement(html, 'p') ?? '');
  return paragraph || htmlText(firstElement(html, 'title') ?? '') || undefined;
}
