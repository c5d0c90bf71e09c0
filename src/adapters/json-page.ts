/**
 * Reads a large JSON page, `{ …, "comments": [ … ], … }`, without one long task. Decoding a 10 MB answer
 * (20,000 comments) with `response.text()` and parsing it with `JSON.parse` are each a task of 70–100 ms
 * in Chromium 156, which no renderer can split afterwards. Here the bytes are decoded a slice at a time,
 * the array is cut into its items by a scanner that only tracks strings and nesting, and each item is
 * parsed on its own, with a new task whenever a slice of time is used up. Anything unexpected falls back
 * to `readJson`, whose errors are the adapter's errors.
 */
import { readBody, readJson } from './http.js';
import { sliced } from '../tasks.js';

/** Below this size (about 2,000 comments) decoding and parsing at once take under 15 ms: not worth slicing. */
const LARGE = 1024 * 1024;
/** Bytes decoded between clock readings. */
const DECODE_SLICE = 64 * 1024;
const QUOTE = 34; // "
const BACKSLASH = 92;
const isOpen = (c: number) => c === 123 || c === 91; // { [
const isClose = (c: number) => c === 125 || c === 93; // } ]
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
/** Items parsed together: one JSON.parse of a run of items is much cheaper than one per item. */
const BATCH = 64;

/** The index after the string starting at `i` (a quote), or -1. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j++;
    else if (c === QUOTE) return j + 1;
  }
  return -1;
}

/** The index after the JSON value starting at `i`, or -1; checks nesting and strings, not the rest. */
function skipValue(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === QUOTE) return skipString(text, i);
  if (!isOpen(first)) {
    let j = i;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 44 || isClose(c) || isSpace(c)) break; // , } ] or space end a number or a literal
      j++;
    }
    return j > i ? j : -1;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) {
      j = skipString(text, j) - 1;
      if (j < 0) return -1;
    } else if (isOpen(c)) depth++;
    else if (isClose(c) && --depth === 0) return j + 1;
  }
  return -1;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Where the top-level `key` array's value starts, or -1. */
function findArray(text: string, key: string): number {
  let i = skipSpace(text, 0);
  if (text[i] !== '{') return -1;
  i = skipSpace(text, i + 1);
  while (text[i] === '"') {
    const end = skipString(text, i);
    if (end < 0) return -1;
    const name = JSON.parse(text.slice(i, end)) as string;
    i = skipSpace(text, end);
    if (text[i] !== ':') return -1;
    i = skipSpace(text, i + 1);
    if (name === key) return text[i] === '[' ? i : -1;
    i = skipValue(text, i);
    if (i < 0) return -1;
    i = skipSpace(text, i);
    if (text[i] !== ',') return -1;
    i = skipSpace(text, i + 1);
  }
  return -1;
}

/** Decodes UTF-8 a slice at a time, as `response.text()` would in one go. */
async function decode(bytes: Uint8Array): Promise<string> {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let at = 0;
  await sliced(() => {
    parts.push(decoder.decode(bytes.subarray(at, at + DECODE_SLICE), { stream: true }));
    at += DECODE_SLICE;
    return at < bytes.length;
  });
  parts.push(decoder.decode());
  return parts.join('');
}

/** The page parsed item by item, or undefined when the text is not the shape this expects. */
async function parsePage(text: string, key: string): Promise<Record<string, unknown> | undefined> {
  const start = findArray(text, key);
  if (start < 0) return undefined;
  const items: unknown[] = [];
  let i = skipSpace(text, start + 1);
  let ok = true;
  let more = text[i] !== ']';
  if (!more) i++;
  // Each step: up to BATCH items, cut by the scanner, then parsed as one array.
  if (more) {
    await sliced(() => {
      const from = i;
      let end = i;
      for (let n = 0; n < BATCH && more; n++) {
        end = skipValue(text, i);
        if (end < 0) return (ok = false);
        i = skipSpace(text, end);
        if (text[i] === ',') i = skipSpace(text, i + 1);
        else if (text[i] === ']') {
          i++;
          more = false;
        } else return (ok = false);
      }
      for (const item of JSON.parse(`[${text.slice(from, end)}]`) as unknown[]) items.push(item);
      return more;
    });
  }
  if (!ok) return undefined;
  // The rest of the page with an empty array in place of the items: small, parsed at once.
  const envelope = JSON.parse(`${text.slice(0, start)}[]${text.slice(i)}`) as Record<string, unknown>;
  envelope[key] = items;
  return envelope;
}

/** The JSON body of `response`, its `key` array read in slices when the body is large. */
export async function readJsonPage(response: Response, url: string, key = 'comments'): Promise<unknown> {
  const declared = Number(response.headers.get('Content-Length'));
  if (declared && declared <= LARGE) return readJson(response, url);
  const buffer = await readBody(response, url, (r) => r.arrayBuffer());
  const again = () => readJson(new Response(buffer, { status: response.status, headers: response.headers }), url);
  if (buffer.byteLength <= LARGE) return again();
  try {
    const page = await parsePage(await decode(new Uint8Array(buffer)), key);
    if (page) return page;
  } catch {
    // Malformed somewhere: readJson says how, in the adapters' words.
  }
  return again();
}
