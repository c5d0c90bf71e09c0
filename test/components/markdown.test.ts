// Markdown with a preview: on backends whose bodyFormat is markdown the form offers Write / Preview (two
// toggle buttons) and a hint; the renderer loads when Preview first opens, and its output goes through
// the sanitize seam. Text backends keep a plain field.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { memory } from '../../src/adapters/memory.js';
import '../../src/define.js';
import { fill, loadedThread, part, scripted, shadow, submit, topForm, until } from '../helpers.js';

const markdownLoaded = () => performance.getEntriesByType('resource').some((e) => /\/src\/markdown\.ts|\/marked\//.test(e.name));

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('Markdown and its preview', () => {
  it('loads the renderer only when Preview first opens, and shows the sanitized rendering', async () => {
    const el = await loadedThread(memory({ bodyFormat: 'markdown' }));
    expect(markdownLoaded(), 'the renderer loaded with the thread').to.equal(false);
    const form = topForm(el);
    // The switch and the hint come with the interactions module, loaded once the backend said it takes Markdown.
    await until(() => form.querySelector('[part~="format-hint"]'), 'the hint never showed');
    const hint = form.querySelector('[part~="format-hint"]')!;
    expect(hint.textContent).to.contain('Markdown');
    expect(form.querySelector('textarea')!.getAttribute('aria-describedby')).to.contain(hint.id);
    fill(form, { content: '**Bold** and <img src=x onerror="window.hacked=1"> [a](javascript:alert(1))' });
    const preview = form.querySelector<HTMLButtonElement>('[part~="preview-button"]')!;
    expect(preview.getAttribute('aria-pressed')).to.equal('false');
    preview.click();
    await until(() => form.querySelector('[part~="preview"] strong'), 'the preview never rendered');
    expect(markdownLoaded()).to.equal(true);
    const shown = form.querySelector('[part~="preview"]')!;
    expect(shown.querySelector('strong')!.textContent).to.equal('Bold');
    expect(shown.querySelector('[onerror]')).to.equal(null);
    expect(shown.querySelector('a[href^="javascript"]')).to.equal(null);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
    expect(form.querySelector('textarea')!.hidden).to.equal(true);
    expect(form.querySelector('[part~="preview-button"]')!.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('goes back to writing from the keyboard, the text kept', async () => {
    const el = await loadedThread(memory({ bodyFormat: 'markdown' }));
    const form = topForm(el);
    fill(form, { content: '*hello*' });
    await until(() => form.querySelector('[part~="preview-button"]'), 'Preview never showed');
    form.querySelector<HTMLButtonElement>('[part~="preview-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => form.querySelector('[part~="preview"] em'), 'Enter did not open the preview');
    form.querySelector<HTMLButtonElement>('[part~="write-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !form.querySelector('[part~="preview"]'), 'Enter did not go back to writing');
    expect(form.querySelector('textarea')!.hidden).to.equal(false);
    expect(form.querySelector('textarea')!.value).to.equal('*hello*');
  });

  it('posts Markdown, shown as the backend rendered it', async () => {
    const el = await loadedThread(memory({ bodyFormat: 'markdown' }));
    const form = topForm(el);
    fill(form, { content: 'A **bold** claim.', name: 'Ann', email: 'ann@example.org' });
    const posted = new Promise<string>((resolve) => el.addEventListener('comment-submitted', (e) => resolve(e.detail.comment.id), { once: true }));
    submit(form);
    const id = await posted;
    await until(() => shadow(el).querySelector(`article[data-comment-id="${id}"] [part~="body"] strong`), 'the rendered comment was not shown');
  });

  it('keeps plain text where the backend takes text, and names the tags an HTML backend keeps', async () => {
    const text = await loadedThread(memory());
    expect(part(text, 'format-switch')).to.equal(null);
    expect(part(text, 'format-hint')).to.equal(null);
    const htmlBackend = await loadedThread(scripted({ capabilities: { bodyFormat: 'html' } }));
    await until(() => part(htmlBackend, 'format-hint'), 'the HTML hint never showed');
    expect(part(htmlBackend, 'format-switch')).to.equal(null);
    expect(part(htmlBackend, 'format-hint')!.textContent).to.contain('<blockquote>');
  });
});
