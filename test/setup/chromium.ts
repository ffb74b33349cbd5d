import { accessSync, constants, statSync } from 'node:fs';

/** Where Debian and Ubuntu put Chromium. */
const DEFAULT_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium executable for the browser tests: `CHROMIUM_PATH` when set and usable, else the usual
 * system locations. Null when there is none (the browser suite then skips, or fails under
 * `REQUIRE_BROWSER=1`).
 */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  const candidates = fromEnv ? [fromEnv, ...DEFAULT_PATHS] : DEFAULT_PATHS;
  return candidates.find(isExecutableFile) ?? null;
}
