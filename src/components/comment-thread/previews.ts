/**
 * Which forms show their Markdown preview, and its rendering: the renderer (src/markdown.ts) loads the
 * first time a preview opens. `touch` re-renders the form a key names.
 */
export class Previews {
  private readonly shown = new Map<string, { html: string | undefined }>();

  constructor(private readonly touch: (key: string) => void) {}

  get(key: string): { html: string | undefined } | undefined {
    return this.shown.get(key);
  }

  /** Shows or hides a form's preview of `content`. */
  async toggle(key: string, open: boolean, content: string): Promise<void> {
    if (!open) this.shown.delete(key);
    else this.shown.set(key, { html: undefined });
    this.touch(key);
    if (!open) return;
    const { renderMarkdown } = await import('../../markdown.js');
    // Closed again, or opened anew, while the renderer loaded.
    if (this.shown.get(key)?.html !== undefined || !this.shown.has(key)) return;
    this.shown.set(key, { html: renderMarkdown(content) });
    this.touch(key);
  }

  /** Closes a form's preview; true when one was open. */
  close(key: string): boolean {
    const open = this.shown.delete(key);
    if (open) this.touch(key);
    return open;
  }
}
