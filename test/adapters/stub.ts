// Shared by the backend adapters' unit tests: a recording fetch and a way to await a rejection.
import { expect } from '@open-wc/testing';
import { CommentThreadError } from '../../src/model/errors.js';
import type { RawJson } from '../fixtures/backends/index.js';

export interface Call {
  url: URL;
  method: string;
  headers: Headers;
  /** The JSON body sent, if any. */
  body: RawJson;
}

export const signal = new AbortController().signal;

export const html = (text: string, status: number) => new Response(text, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });

/** Wraps a fetch (a fixture fetch, or a handler) and records every call. */
export function recording(answer: (url: URL, init: RequestInit) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const body: RawJson = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ url, method: init.method ?? 'GET', headers: new Headers(init.headers), body });
    return answer(url, init);
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

/** The CommentThreadError a promise rejects with; fails the test if it resolves or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<CommentThreadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(CommentThreadError);
    return error as CommentThreadError;
  }
  throw new Error('expected the promise to reject');
}
