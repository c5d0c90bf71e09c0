/**
 * A simulated latency for the memory backend, for tests of loading and submitting states. Not part of the
 * package (no `exports` entry): tests import it from here. Zero by default: no waiting.
 */
export const memoryLatency = { ms: 0 };
