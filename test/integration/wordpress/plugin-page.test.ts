// The plugin's post page in Chromium, on the classic and the block theme: the layout does not shift as
// the element takes over from the theme's comments (CLS, the layout-shift entries from navigation on),
// and axe finds nothing to fix in the comment section once enhanced.
import { expect, oneEvent } from '@open-wc/testing';
import { until } from '../../helpers.js';
import { openPage, seed, settings } from './wp.js';

const THEMES = ['twentytwentyone', 'twentytwentythree'] as const;

interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

interface AxeResults {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
}

/** The page enhanced: the thread is built, the form shows with its HTML hint (the last piece to arrive). */
async function enhanced(url: string) {
  const page = await openPage(url);
  const root = () => page.el()?.shadowRoot;
  await until(() => root()?.querySelector('[part~="thread"][aria-busy="false"]'), 'the thread built');
  await until(() => root()?.querySelector('[part~="form"] [part~="format-hint"]'), 'the form with its hint');
  // Rendering settles: two frames with nothing left to lay out.
  for (let i = 0; i < 2; i++) await new Promise((ok) => page.win.requestAnimationFrame(ok));
  return page;
}

/** Every layout shift the page recorded since navigation not caused by input: their sum bounds CLS from above. */
function layoutShift(win: Window & typeof globalThis): Promise<{ sum: number; count: number }> {
  return new Promise((resolve) => {
    const observer = new win.PerformanceObserver((list) => {
      observer.disconnect();
      const shifts = (list.getEntries() as LayoutShift[]).filter((e) => !e.hadRecentInput);
      resolve({ sum: shifts.reduce((total, e) => total + e.value, 0), count: shifts.length });
    });
    observer.observe({ type: 'layout-shift', buffered: true });
    // No entry at all: the observer is never called; an entry of nothing settles it.
    win.setTimeout(() => {
      observer.disconnect();
      resolve({ sum: 0, count: 0 });
    }, 0);
  });
}

describe('WordPress plugin: the enhanced page', () => {
  before(() => settings({ WP_PERMALINKS: 'plain' }));
  after(() => settings({ WP_PERMALINKS: 'pretty' }));

  for (const theme of THEMES) {
    it(`${theme}: CLS under 0.05 from navigation through enhancement`, async () => {
      const page = await enhanced(`/?p=${seed.post}&ct_theme=${theme}`);
      try {
        expect(PerformanceObserver.supportedEntryTypes).to.include('layout-shift');
        const { sum, count } = await layoutShift(page.win);
        console.log(`CLS on ${theme}: ${sum.toFixed(4)} (${count} shifts)`);
        expect(sum).to.be.below(0.05);
      } finally {
        page.close();
      }
    });

    it(`${theme}: axe finds no violations in the comment section`, async () => {
      const page = await enhanced(`/?p=${seed.post}&ct_theme=${theme}`);
      try {
        const doc = page.frame.contentDocument!;
        const script = doc.createElement('script');
        script.src = '/node_modules/axe-core/axe.min.js';
        const loaded = oneEvent(script, 'load');
        doc.head.append(script);
        await loaded;
        const axe = (page.win as unknown as { axe: { run(context: Element, options: object): Promise<AxeResults> } }).axe;
        const { violations } = await axe.run(page.el(), { resultTypes: ['violations'] });
        // The first few places of each, and what axe says is wrong there.
        const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`).join('; ')}`);
        expect(found).to.deep.equal([]);
      } finally {
        page.close();
      }
    });
  }
});
