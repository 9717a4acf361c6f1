import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Browser tests drive the system Chromium (never a downloaded browser). Finds it, or installs
 * Debian's package when running as root with apt, or stops with one line saying what to do.
 */
export function ensureChromium() {
  const configured = process.env.CHROME_PATH;
  if (configured && existsSync(configured)) return configured;
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;
  if (canInstall) {
    console.log('Installing Chromium from Debian packages for the browser tests…');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit' });
    if (install.status === 0 && existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.error(
    'Browser tests need Chromium: install it (Debian: sudo apt-get install -y chromium) or set CHROME_PATH.',
  );
  process.exit(1);
}
