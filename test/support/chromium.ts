import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

/** Debian's Chromium, when installed (`.ci/run` installs it; playwright's own download is not used). */
export function findChromium(): string | undefined {
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * Whether browser suites can run here. In CI (JOBSKIT_REQUIRE_BROWSER=1) a missing Chromium is a
 * failure; elsewhere the suite is skipped with a line nobody can miss.
 */
export function browserAvailability(suite: string): { run: boolean; executable?: string } {
  const executable = findChromium();
  if (executable) return { run: true, executable };
  if (process.env['JOBSKIT_REQUIRE_BROWSER']) throw new Error(`${suite}: Chromium is required (JOBSKIT_REQUIRE_BROWSER=1) but none was found; apt-get install chromium`);
  console.warn(`\n!!!! SKIPPED: ${suite} needs Chromium (apt-get install chromium, or set CHROMIUM_PATH); .ci/run installs it !!!!\n`);
  return { run: false };
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    // Flags that keep Chromium from reaching out to the network, which this machine refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
