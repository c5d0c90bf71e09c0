import { expect } from '@open-wc/testing';
import { formatDate, formatRelative, warmFormatters } from '../../src/i18n/index.js';

/** Counts the formatters the page creates for `locale`, until `restore()`. */
function countFormatters(locale: string) {
  const made = { date: 0, relative: 0 };
  const { DateTimeFormat, RelativeTimeFormat } = Intl;
  const counting = <T extends object>(target: T, kind: keyof typeof made): T =>
    new Proxy(target, {
      construct(ctor, args: unknown[], newTarget) {
        if (args[0] === locale) made[kind]++;
        return Reflect.construct(ctor as new (...a: unknown[]) => object, args, newTarget) as object;
      },
    });
  // Typed read-only, but writable on the Intl object as on any namespace.
  const intl = Intl as { -readonly [K in keyof typeof Intl]: (typeof Intl)[K] };
  intl.DateTimeFormat = counting(DateTimeFormat, 'date');
  intl.RelativeTimeFormat = counting(RelativeTimeFormat, 'relative');
  return {
    made,
    restore() {
      intl.DateTimeFormat = DateTimeFormat;
      intl.RelativeTimeFormat = RelativeTimeFormat;
    },
  };
}

/** Records the workers the page starts, what they are sent, and how they end; `refuse` makes starting one throw. */
function watchWorkers({ refuse = false } = {}) {
  const seen = { started: [] as string[], posted: [] as unknown[], answered: 0, failed: 0, terminated: 0 };
  const Real = globalThis.Worker;
  globalThis.Worker = class extends Real {
    constructor(url: string | URL, options?: WorkerOptions) {
      // A page whose policy forbids workers: the constructor throws.
      if (refuse) throw new DOMException('Workers are not allowed here.', 'SecurityError');
      super(url, options);
      seen.started.push(String(url));
      this.addEventListener('message', () => seen.answered++);
      this.addEventListener('error', () => seen.failed++);
    }
    override postMessage(message: unknown) {
      seen.posted.push(message);
      super.postMessage(message);
    }
    override terminate() {
      seen.terminated++;
      super.terminate();
    }
  };
  return { seen, restore: () => (globalThis.Worker = Real) };
}

// Each test warms a locale no other test in this file uses: warm-ups are once per locale and page.
describe('warmFormatters', () => {
  it('warms each locale once, however many threads ask, and resolves', async () => {
    const first = warmFormatters('en-GB');
    expect(warmFormatters('en-GB')).to.equal(first);
    expect(warmFormatters('fr')).not.to.equal(first);
    await Promise.all([first, warmFormatters('fr')]);
  });

  it('resolves once the locale’s formatters are made; formatting afterwards reuses them', async () => {
    const count = countFormatters('de-CH');
    try {
      await warmFormatters('de-CH');
      expect(count.made, 'made by the warm-up').to.deep.equal({ date: 1, relative: 1 });
      const date = new Date('2013-04-15T13:10:00Z');
      formatDate(date, 'de-CH');
      formatRelative(date, 'de-CH', date.getTime() + 3 * 24 * 3600 * 1000);
      expect(count.made, 'none made again').to.deep.equal({ date: 1, relative: 1 });
    } finally {
      count.restore();
    }
  });

  it('has one worker per locale load the locale’s data first, and ends it', async () => {
    const workers = watchWorkers();
    try {
      await Promise.all([warmFormatters('nl'), warmFormatters('nl')]);
    } finally {
      workers.restore();
    }
    expect(workers.seen.started, 'one worker').to.have.length(1);
    expect(workers.seen.started[0]).to.match(/intl-warm\.js$/);
    expect(workers.seen.posted).to.deep.equal(['nl']);
    expect(workers.seen.terminated).to.equal(1);
    // Whether this worker answered before the warm-up's own time limit depends on the machine; that the
    // script at that address loads and answers does not.
    const worker = new Worker(workers.seen.started[0]!, { type: 'module' });
    try {
      const answer = await new Promise<string>((resolve) => {
        worker.onmessage = () => resolve('answered');
        worker.onerror = () => resolve('failed to load');
        worker.postMessage('nl');
      });
      expect(answer).to.equal('answered');
    } finally {
      worker.terminate();
    }
  });

  it('makes the formatters on the page where no worker may start', async () => {
    const workers = watchWorkers({ refuse: true });
    const count = countFormatters('pt-BR');
    try {
      await warmFormatters('pt-BR');
      expect(count.made).to.deep.equal({ date: 1, relative: 1 });
    } finally {
      count.restore();
      workers.restore();
    }
  });

  it('uses the warm-up the script tag’s loader started instead of starting a worker of its own', async () => {
    const key = Symbol.for('comment-thread:intl');
    const global = globalThis as { [key: symbol]: unknown };
    let finish!: () => void;
    global[key] = new Promise<void>((resolve) => (finish = resolve));
    const workers = watchWorkers();
    const count = countFormatters('sv');
    try {
      const warm = warmFormatters('sv');
      let done = false;
      void warm.then(() => (done = true));
      await Promise.resolve();
      expect(done, 'waits for the loader’s worker').to.equal(false);
      finish();
      await warm;
      expect(workers.seen.started, 'no worker of its own').to.deep.equal([]);
      expect(count.made, 'then makes the locale’s formatters').to.deep.equal({ date: 1, relative: 1 });
    } finally {
      delete global[key];
      count.restore();
      workers.restore();
    }
  });

  it('leaves formatters that write dates in the locale’s words', async () => {
    await warmFormatters('fr');
    expect(formatDate(new Date('2013-04-15T13:10:00Z'), 'fr')).to.match(/avril 2013/);
  });
});
