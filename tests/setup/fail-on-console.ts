import { afterEach, beforeEach, vi } from 'vitest';

// A stray console.error or console.warn is a bug the test did not look for (conventions: Determinism).
beforeEach(() => {
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      throw new Error(`Unexpected console.${level}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});
