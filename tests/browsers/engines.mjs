// The three engines the cross-browser suite drives, each through its own
// WebDriver server, all from one client (selenium-webdriver), with the
// system's browsers only (scripts/setup.sh installs them; nothing is
// downloaded):
//   chromium  Debian's Chromium through chromedriver;
//   firefox   Debian's Firefox ESR through geckodriver (cargo install);
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver, on a virtual
//             display (Xvfb) since MiniBrowser has no headless mode.
// Each session gets a driver process of its own (WebKitWebDriver holds one
// session at a time), started in its own process group so that stopping it
// stops the browser and display it started too.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';

import { Builder } from 'selenium-webdriver';

// Shared with the Chromium suites in tests/e2e/, which drive it through Playwright.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  // No calls home: the machine's network is closed, and they only slow the start.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * Per engine: the driver command (given `--port=N`), the capabilities of a
 * session in the light or dark colour scheme, and whether the engine offers
 * WebDriver BiDi (for its console log; WebKitWebDriver does not yet).
 */
export const ENGINES = {
  chromium: {
    driver: [process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver'],
    bidi: true,
    capabilities: ({ dark }) => ({
      browserName: 'chrome',
      webSocketUrl: true,
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: [...CHROMIUM_ARGS, `--blink-settings=preferredColorScheme=${dark ? 0 : 1}`],
      },
    }),
  },
  firefox: {
    driver: [process.env.GECKODRIVER ?? 'geckodriver'],
    // Firefox serves WebDriver BiDi on 9222 unless told otherwise: two
    // sessions at once need a port each.
    bidiPort: true,
    bidi: true,
    capabilities: ({ dark }) => ({
      browserName: 'firefox',
      webSocketUrl: true,
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
        args: ['-headless'],
        // 0 dark, 1 light: what pages see as prefers-color-scheme.
        prefs: { 'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1 },
      },
    }),
  },
  webkit: {
    // -a: a free display number; the screen is larger than any window we open.
    driver: ['xvfb-run', '-a', '-s', '-screen 0 1600x1200x24', process.env.WEBKITWEBDRIVER ?? 'WebKitWebDriver'],
    bidi: false,
    capabilities: ({ dark }) => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER ?? MINIBROWSER,
        args: ['--automation', ...(dark ? ['--dark-mode'] : [])],
      },
    }),
  },
};

// Every driver process group started, so that none outlives the suite even
// if a test or a quit fails midway.
const running = new Set();
process.once('exit', () => {
  for (const pid of running) killGroup(pid);
});

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL'); // the whole group: driver, browser, display
  } catch {
    // already gone
  }
}

/** A TCP port no one listens on now. */
async function freePort() {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

/** Wait until the WebDriver server at `url` says it is ready, or its process ends. */
async function waitUntilReady(url, child, command) {
  const deadline = Date.now() + 30_000;
  let exited = null;
  child.once('exit', (code) => { exited = code; });
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`${command} exited with code ${exited} before it was ready`);
    const ready = await fetch(`${url}/status`).then((r) => r.json()).then((s) => s.value?.ready !== false, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${command} was not ready after 30 s`);
}

/**
 * Start a driver for `engine` and a session in it; resolves to
 * `{driver, quit()}` where `driver` is a selenium WebDriver.
 */
export async function startSession(engine, { dark = false } = {}) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine "${engine}": one of ${Object.keys(ENGINES).join(', ')}`);
  const port = await freePort();
  const [command, ...args] = spec.driver;
  if (spec.bidiPort) args.push(`--websocket-port=${await freePort()}`);
  const child = spawn(command, [...args, `--port=${port}`], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child.pid);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  const stop = () => {
    killGroup(child.pid);
    running.delete(child.pid);
    child.stderr.destroy();
  };
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitUntilReady(url, child, command);
    const driver = await new Builder().usingServer(url).withCapabilities(spec.capabilities({ dark })).build();
    return {
      driver,
      async quit() {
        try {
          await driver.quit();
        } catch {
          // the browser is stopped below in any case
        } finally {
          stop();
        }
      },
    };
  } catch (error) {
    stop();
    throw new Error(`${engine}: could not start a session: ${error.message}\n${stderr}`);
  }
}
