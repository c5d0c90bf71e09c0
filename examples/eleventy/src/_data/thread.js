/* global process, URL, fetch -- Node's */
// The post's comments, fetched once per build. With COMMENTS_API set (a server speaking the REST
// protocol, docs/rest-protocol.md), its first page; otherwise the comments.json beside this file.
import { readFile } from 'node:fs/promises';

const postId = 'trafficking-and-terrorism';

export default async function () {
  const api = process.env.COMMENTS_API;
  if (!api) return JSON.parse(await readFile(new URL('comments.json', import.meta.url), 'utf8'));
  const url = `${api.replace(/\/$/, '')}/posts/${encodeURIComponent(postId)}/comments?order=oldest`;
  const response = await fetch(url);
  // A failed fetch fails the build: a page published without its comments would look like one without any.
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.json();
}
