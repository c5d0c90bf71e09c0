// The plugin's settings saved through Settings → Discussion as the administrator, then the plugin
// deactivated and uninstalled through WordPress's own plugin API (deactivate_plugins(), uninstall_plugin()
// running its uninstall.php, and its files deleted, as Plugins → Delete does): the site is as it was
// before the plugin was installed (scripts/test-wordpress.mjs saved it then). Reinstalled afterwards,
// for the files that run later.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { logIn, seed, settings } from './wp.js';

const THEMES = ['twentytwentyone', 'twentytwentythree'] as const;
const OPTION = 'comment_thread_settings';

interface Before {
  pages: Record<string, string>;
  options: string[];
}
interface PluginState {
  active: string[];
  option: boolean;
}

/** The post's page (its pretty address, as before the plugin) as a visitor without an account gets it. */
const page = (theme: string) => executeServerCommand('wp-page', { path: `/${seed.slug}/?ct_theme=${theme}` }) as Promise<string>;

/** The site-wide "Latest Comments" list changes as other tests post: left out of the comparison. */
const steady = (html: string) => html.replace(/<ol [^>]*\bwp-block-latest-comments\b[^>]*>[\s\S]*?<\/ol>/g, '');

/** Options WordPress itself writes on any deactivation, and caches that come and go. */
const wordpressOwn = (name: string) => name === 'recently_activated' || /^_(site_)?transient_/.test(name);

describe('WordPress plugin: settings, then uninstalling', () => {
  before(async () => {
    await settings({ WP_PERMALINKS: 'pretty' });
    await logIn('admin', 'admin-password');
  });
  after(() => executeServerCommand('wp-plugin', { action: 'reinstall' }));

  it('saves its settings on Settings → Discussion, through options.php with the screen’s nonce', async () => {
    const screen = new DOMParser().parseFromString(await (await fetch('/wp-admin/options-discussion.php')).text(), 'text/html');
    const form = screen.querySelector<HTMLFormElement>('form[action="options.php"]')!;
    const fields = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') fields.append(name, value);
    expect(fields.get('_wpnonce')).to.match(/^[0-9a-f]{10}$/);
    fields.set(`${OPTION}[theme]`, 'dark');
    fields.set(`${OPTION}[loading]`, 'eager');
    const saved = await fetch('/wp-admin/options.php', { method: 'POST', body: fields });
    expect(saved.url).to.contain('settings-updated=true');
    // Without the nonce, options.php refuses and stores nothing.
    fields.delete('_wpnonce');
    fields.set(`${OPTION}[theme]`, 'light');
    expect((await fetch('/wp-admin/options.php', { method: 'POST', body: fields })).status).to.equal(403);
    const doc = new DOMParser().parseFromString(await page('twentytwentyone'), 'text/html');
    const el = doc.querySelector('comment-thread')!;
    expect([el.getAttribute('theme'), el.getAttribute('loading')]).to.deep.equal(['dark', 'eager']);
  });

  it('deactivated and uninstalled through WordPress’s plugin API, leaves the site as before it was installed', async () => {
    const before = (await executeServerCommand('wp-before-plugin')) as Before;
    expect(before.options).not.to.include(OPTION);
    expect(((await executeServerCommand('wp-options')) as string[])).to.include(OPTION);

    const state = (await executeServerCommand('wp-plugin', { action: 'uninstall' })) as PluginState;
    expect(state.active).not.to.include('comment-thread/comment-thread.php');
    expect(state.option).to.equal(false);
    const now = (await executeServerCommand('wp-options')) as string[];
    const added = now.filter((name) => !before.options.includes(name) && !wordpressOwn(name));
    expect(added).to.deep.equal([]);

    for (const theme of THEMES) {
      const html = await page(theme);
      expect(html).not.to.contain('<comment-thread');
      expect(html).not.to.contain('application/ld+json');
      expect(steady(html), `${theme}: the page as before the plugin`).to.equal(steady(before.pages[theme]!));
    }
  });
});
