/**
 * The likes and reposts of the post, under the thread: "23 likes, 4 reposts" and a row of faces, each
 * linked to its profile, capped with "+N". Images load lazily, only from absolute https addresses.
 */
import { html, nothing } from 'lit';
import type { Reactions, Reactor } from '../../../adapters/types.js';
import type { Words } from '../../../i18n/words.js';

/** Faces shown at most; the rest are counted in "+N". */
export const FACES = 12;

const https = (url: string | undefined) => {
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
};

const lists = new Map<string, Intl.ListFormat>();

/** "23 likes, 4 reposts": the locale's own way of joining two measures (a comma in English, 、 in Japanese). */
function listOf(locale: string, items: string[]): string {
  let format = lists.get(locale);
  if (!format) {
    try {
      format = new Intl.ListFormat(locale, { type: 'unit', style: 'short' });
    } catch {
      format = new Intl.ListFormat('en', { type: 'unit', style: 'short' });
    }
    lists.set(locale, format);
  }
  return format.format(items);
}

/** One face per person (someone who liked and reposted is one face), in the order given. */
function faces(people: readonly Reactor[]): Reactor[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = p.url ?? `${p.name}|${p.avatarUrl ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const face = (person: Reactor) => {
  const avatar = https(person.avatarUrl);
  const picture = avatar
    ? html`<img part="reactor-avatar" src=${avatar} alt=${person.name} width="32" height="32" loading="lazy" decoding="async" referrerpolicy="no-referrer" />`
    : html`<span part="reactor-avatar reactor-initial" role="img" aria-label=${person.name}>${[...person.name.trim()][0] ?? '?'}</span>`;
  const url = person.url && /^https?:/i.test(person.url) ? person.url : undefined;
  return html`<li part="reactor">${url ? html`<a part="reactor-link" href=${url} rel="nofollow ugc noopener external">${picture}</a>` : picture}</li>`;
};

/** The row, or nothing when nobody liked or reposted the post. */
export function reactionsRow(words: Words, reactions: Reactions | undefined) {
  if (!reactions || reactions.likes + reactions.reposts === 0) return nothing;
  const counts = [
    reactions.likes ? words.count('postLikes', reactions.likes) : '',
    reactions.reposts ? words.count('postReposts', reactions.reposts) : '',
  ].filter(Boolean);
  const text = listOf(words.locale, counts);
  const people = faces(reactions.people);
  const shown = people.slice(0, FACES);
  const more = Math.max(reactions.likes + reactions.reposts, people.length) - shown.length;
  return html`<div part="reactions">
    <p part="reactions-count">${text}</p>
    ${shown.length
      ? html`<ul part="reactors" aria-label=${words.text('reactionsLabel')}>
          ${shown.map(face)}${more > 0
            ? html`<li part="reactors-more"><span aria-hidden="true">+${words.number(more)}</span><span class="sr-only">${words.text('moreReactions', { count: words.number(more) })}</span></li>`
            : nothing}
        </ul>`
      : nothing}
  </div>`;
}
