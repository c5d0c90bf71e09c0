import { css, type CSSResult } from 'lit';

/**
 * What a thread from several sources shows: the source badges, a note for a source that could not be
 * loaded, the likes-and-reposts row and the links to answer elsewhere. Adopted by the shadow root when
 * <comment-source> children are read (before any badge renders) or the row's module loads, so a thread
 * of one backend carries none of this. Public tokens are read once here into private ones, as the
 * element's own styles do; every colour falls back to the element's tokens, so a theme that sets those
 * restyles these too.
 */
export const sourcesStyles = css`
  :host {
    --_reactor-size: var(--comment-thread-reactor-size, 2rem);
    --_reactor-radius: var(--comment-thread-reactor-radius, 50%);
    --_source-badge-color: var(--comment-thread-source-badge-color, var(--_muted));
    --_source-badge-background: var(--comment-thread-source-badge-background, transparent);
  }
  [part~='source-badge'] {
    font-size: 0.8em;
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    color: var(--_source-badge-color);
    background: var(--_source-badge-background);
    white-space: nowrap;
  }
  [part~='source-notice'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block: var(--_gap) 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 3px solid var(--_border);
  }
  [part~='source-notice'] [part~='retry-button'] {
    padding: 0.25rem 0.8rem;
  }
  [part~='reactions'] {
    margin-block: var(--_gap) 0;
  }
  [part~='reactions-count'] {
    margin-block: 0 0.5rem;
    color: var(--_muted);
    font-size: 0.95em;
  }
  [part~='reactors'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='reactor'] {
    display: flex;
  }
  [part~='reactor-link'] {
    display: block;
    border-radius: var(--_reactor-radius);
  }
  [part~='reactor-avatar'] {
    display: block;
    inline-size: var(--_reactor-size);
    block-size: var(--_reactor-size);
    border-radius: var(--_reactor-radius);
    object-fit: cover;
  }
  [part~='reactor-initial'] {
    display: grid;
    place-items: center;
    font-weight: 600;
    font-size: calc(var(--_reactor-size) * 0.45);
    line-height: 1;
    color: var(--_color);
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  [part~='reactors-more'] {
    padding-inline: 0.25rem;
    color: var(--_muted);
    font-size: 0.9em;
  }
  [part~='reply-links'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin-block: var(--_gap) 0;
    padding: 0;
    list-style: none;
  }
  [part~='reply-link-anchor'] {
    font-weight: 600;
  }
  [part~='reply-link-hint'] {
    display: block;
    color: var(--_muted);
    font-size: 0.9em;
  }
  @media (forced-colors: active) {
    [part~='source-badge'],
    [part~='reactor-initial'] {
      border-color: CanvasText;
    }
  }
  @media print {
    [part~='retry-button'],
    [part~='reactors'] {
      display: none;
    }
  }
`;

/** Adds `sheet` to the shadow root of `host` once (the thread's, where the parts render). */
export function adopt(host: Element, sheet: CSSResult = sourcesStyles): void {
  const root = host.shadowRoot;
  const style = sheet.styleSheet;
  if (root && style && !root.adoptedStyleSheets.includes(style)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, style];
}
