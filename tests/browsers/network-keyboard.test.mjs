// The network without a mouse: the drawing is one Tab stop, walked with the
// arrow keys, Home and End and a typed name; ] and [ step through a node's
// links by weight; Enter shows a link's sentences and moves focus there,
// Escape comes back. Every key is pressed through WebDriver and counted.
// Run in Chromium, Firefox or WebKit (BROWSER).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Key } from 'selenium-webdriver';

import { ENGINE, useEngine } from './harness.mjs';

const engine = useEngine();
const MORI = 'person:yoshiro-mori';
const PUTIN = 'person:vladimir-putin';
const ARROWS = { ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT };

/** Keys pressed as a person presses them (to whatever has focus), counted. */
class Keyboard {
  count = 0;

  constructor(browser) {
    this.browser = browser;
  }

  async press(...keys) {
    for (const key of keys) {
      await this.browser.driver.actions().sendKeys(key).perform();
      this.count += 1;
    }
    return this.browser.focused();
  }

  /** Type `text` as one run of keys (a slow round trip per key could outlast the type-ahead's pause), counting each. */
  async type(text) {
    await this.browser.driver.actions().sendKeys(...text).perform();
    this.count += text.length;
    return this.browser.focused();
  }

  /** Tab, and Tab again past a box that scrolls (Firefox stops on one); resolves to what has focus. */
  async tabPastScroller(...scrollers) {
    const now = await this.press(Key.TAB);
    return scrollers.some((name) => now.classes.includes(name)) ? this.press(Key.TAB) : now;
  }

  async shiftTab() {
    await this.browser.driver.actions().keyDown(Key.SHIFT).sendKeys(Key.TAB).keyUp(Key.SHIFT).perform();
    this.count += 1;
    return this.browser.focused();
  }
}

/** Open the network view and focus the control just before the drawing (its Export toggle). */
async function openNetwork(browser, { phone = false } = {}) {
  if (phone) await browser.openInFrame('/#view=network');
  else await browser.open('/#view=network');
  await browser.waitFor(['html[data-ready]'], { hidden: true });
  await browser.waitFor(['corpus-network', '.corpus-network-node']);
  const before = await browser.waitFor(['corpus-network', 'figure.corpus-network-figure details.corpus-export summary']);
  await browser.run((element) => element.focus(), before);
  return new Keyboard(browser);
}

/** The nodes as drawn: id → {name, count, links, x, y} (from their names and places). */
function nodesDrawn(browser) {
  return browser.run(() => {
    const root = document.querySelector('corpus-network').shadowRoot;
    return Object.fromEntries([...root.querySelectorAll('.corpus-network-node')].map((node) => {
      const [, name, count, links] = /^(.*), (\d+) mentions, (\d+) links$/.exec(node.getAttribute('aria-label'));
      const box = node.querySelector('circle').getBoundingClientRect();
      return [node.dataset.id, { name, count: Number(count), links: Number(links), x: box.left + box.width / 2, y: box.top + box.height / 2 }];
    }));
  });
}

/** The most and least mentioned nodes (ties by name), as Home and End reach them. */
function ends(nodes) {
  const order = Object.entries(nodes).sort(([, a], [, b]) => b.count - a.count || a.name.localeCompare(b.name)).map(([id]) => id);
  return [order[0], order.at(-1)];
}

/**
 * Where each arrow key goes from each node: id → {key: id}, found in the
 * page by the drawing's own key handler (a keydown dispatched on each node
 * in turn), so that paths can be planned before they are pressed.
 */
function arrowMoves(browser) {
  return browser.run((keys) => {
    const root = document.querySelector('corpus-network').shadowRoot;
    const moves = {};
    for (const node of root.querySelectorAll('.corpus-network-node')) {
      moves[node.dataset.id] = {};
      for (const key of keys) {
        node.focus();
        node.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
        moves[node.dataset.id][key] = root.activeElement?.dataset.id ?? null;
      }
    }
    return moves;
  }, Object.keys(ARROWS));
}

/** The fewest arrow presses from `start` to every node: id → [keys]. */
function shortestPaths(moves, start) {
  const paths = new Map([[start, []]]);
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift();
    for (const [key, next] of Object.entries(moves[id])) {
      if (next && !paths.has(next)) {
        paths.set(next, [...paths.get(id), key]);
        queue.push(next);
      }
    }
  }
  return paths;
}

/** WCAG's contrast ratio of two computed colours ("rgb(r, g, b)"). */
function contrast(a, b) {
  const luminance = (colour) => {
    const [r, g, bl] = colour.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe(`${ENGINE}: the network from the keyboard`, () => {
  test('the drawing is one Tab stop, the most mentioned node first; Tab leaves it and Shift+Tab comes back to the node last focused', async () => {
    const browser = await engine.browser();
    const keys = await openNetwork(browser);
    const nodes = await nodesDrawn(browser);
    assert.equal(Object.keys(nodes).length, 30, 'the default network draws 30 nodes');
    const [most] = ends(nodes);

    const first = await keys.press(Key.TAB);
    assert.ok(first.classes.includes('corpus-network-node') && first.id === most, `Tab lands on ${nodes[most].name}, not ${JSON.stringify(first)}`);
    assert.equal(await browser.run(() => document.querySelector('corpus-network').shadowRoot.querySelectorAll('svg [tabindex="0"]').length), 1,
      'one element of the drawing is in the Tab order');
    const after = await keys.press(Key.TAB);
    assert.ok(!after.classes.some((c) => /^corpus-network-(node|edge)$/.test(c)), `the next Tab leaves the drawing: ${JSON.stringify(after)}`);
    assert.match(after.text, /^Links as a table/, 'for the links table');

    // The stop moves with focus: back into the drawing, the node last focused.
    await keys.shiftTab();
    const moved = await keys.press(Key.ARROW_RIGHT);
    assert.notEqual(moved.id, most);
    await keys.press(Key.TAB);
    const back = await keys.shiftTab();
    assert.equal(back.id, moved.id, 'Shift+Tab returns to the node focused last');
    assert.deepEqual(await browser.errors(), []);
  });

  test('arrow keys go to the nearest node that way, Home and End to the most and least mentioned; every node within 7 arrows', async () => {
    const browser = await engine.browser();
    const keys = await openNetwork(browser);
    const nodes = await nodesDrawn(browser);
    const [most, least] = ends(nodes);
    let at = await keys.press(Key.TAB);
    const along = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowLeft', 'ArrowDown']) {
      const next = await keys.press(ARROWS[key]);
      const [dx, dy] = along[key];
      const from = nodes[at.id];
      const to = nodes[next.id];
      assert.ok(to, `${key} from ${from.name} focuses a node: ${JSON.stringify(next)}`);
      assert.ok((to.x - from.x) * dx + (to.y - from.y) * dy > 0, `${key} from ${from.name} goes that way, to ${to.name}`);
      assert.ok(next.ring, `the node focused by ${key} shows its focus ring`);
      at = next;
    }
    assert.equal((await keys.press(Key.END)).id, least, 'End: the least mentioned');
    assert.equal((await keys.press(Key.HOME)).id, most, 'Home: the most mentioned');

    // Planned with the drawing's own handler: how many arrows reach each node.
    const paths = shortestPaths(await arrowMoves(browser), most);
    const unreached = Object.keys(nodes).filter((id) => !paths.has(id)).map((id) => nodes[id].name);
    assert.deepEqual(unreached, [], 'every node can be reached with the arrow keys');
    const farthest = [...paths].sort(([, a], [, b]) => b.length - a.length)[0];
    assert.ok(farthest[1].length <= 7, `the farthest node, ${nodes[farthest[0]].name}, is ${farthest[1].length} arrows away`);
    assert.deepEqual(await browser.errors(), []);
  });

  test('] and [ step through a node\'s links, strongest first, each lit with its two ends; Escape goes back to the node', async () => {
    const browser = await engine.browser();
    const keys = await openNetwork(browser);
    const nodes = await nodesDrawn(browser);
    await keys.press(Key.TAB);
    assert.equal((await keys.press('y')).id, 'person:yohei-kono', 'typing y goes to the most mentioned name with a word in y');
    await new Promise((resolve) => setTimeout(resolve, 800)); // a pause: typing starts afresh
    assert.equal((await keys.type('yos')).id, MORI, 'typing yos, to Yoshiro Mori');

    const counts = [];
    const labels = [];
    for (let i = 0; i < nodes[MORI].links; i++) {
      const link = await keys.press(']');
      assert.ok(link.classes.includes('corpus-network-edge'), JSON.stringify(link));
      assert.ok(link.ends.includes(MORI), `a link of Mori: ${link.label}`);
      assert.ok(link.ring, 'the focused link shows its focus ring');
      counts.push(Number(/: (\d+) sentences?/.exec(link.label)[1]));
      labels.push(link.label);
      const lit = await browser.run(() => {
        const svg = document.querySelector('corpus-network').shadowRoot.querySelector('svg');
        return { on: svg.classList.contains('is-focused'), nodes: [...svg.querySelectorAll('.corpus-network-node.is-near')].map((n) => n.dataset.id).sort() };
      });
      assert.deepEqual(lit, { on: true, nodes: [...link.ends].sort() }, 'the link and its two ends are lit');
    }
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), `by weight: ${counts.join(', ')}`);
    assert.ok(counts[0] > counts.at(-1), 'strongest first');
    assert.equal((await keys.press(']')).label, labels[0], 'past the weakest, back to the strongest');
    assert.ok(labels[0].includes('Vladimir Putin'), `Mori's strongest link is with Putin: ${labels[0]}`);
    assert.equal((await keys.press('[')).label, labels.at(-1), '[ steps back, past the strongest to the weakest');
    assert.equal((await keys.press('[')).label, labels.at(-2), 'and on back');
    const back = await keys.press(Key.ESCAPE);
    assert.equal(back.id, MORI, 'Escape: back to Mori');
    assert.deepEqual(await browser.errors(), []);
  });

  test('Enter on a link shows its sentences and moves focus there; Escape goes back to the link, then to the node', async () => {
    const browser = await engine.browser();
    const keys = await openNetwork(browser);
    await keys.press(Key.TAB);
    await keys.type('yos');
    const link = await keys.press(']');
    assert.deepEqual([...link.ends].sort(), [PUTIN, MORI].sort(), 'Mori\'s strongest link is with Putin');
    await keys.press(Key.ENTER);
    const evidence = await browser.focusLandsOn('corpus-network-evidence-title');
    assert.match(evidence.text, /^(Vladimir Putin and Yoshiro Mori|Yoshiro Mori and Vladimir Putin) · 6 sentences$/);
    assert.equal(keys.count, 6, 'Tab, y, o, s, ] and Enter: the sentences behind Mori\'s strongest link in 6 presses');
    assert.equal((await browser.findAll(['corpus-network', '.corpus-evidence li'])).length, 6);
    assert.match(await browser.url(), /edge=/, 'the link shown is in the URL');
    assert.equal(await browser.run(() => document.querySelector('corpus-network').shadowRoot.querySelectorAll('.corpus-network-evidence[aria-live], .corpus-network-evidence [aria-live]').length), 0,
      'the sentences are not a live region, which would read them all out');

    // Into the sentences, then back out.
    const sentence = await keys.tabPastScroller('corpus-evidence');
    assert.deepEqual(sentence.classes, ['corpus-evidence-open']);
    const again = await keys.press(Key.ESCAPE);
    assert.ok(again.classes.includes('corpus-network-edge') && again.classes.includes('is-selected'), `Escape: back to the chosen link in the drawing, not ${JSON.stringify(again)}`);
    assert.deepEqual(again.ends, link.ends);
    assert.equal((await keys.press(Key.ESCAPE)).id, MORI, 'Escape again: back to Mori');
    assert.deepEqual(await browser.errors(), []);
  });

  test('the sentences of a link of Yoshiro Mori in at most 10 presses with arrow keys alone, and of every node\'s', async (t) => {
    const browser = await engine.browser();
    let keys = await openNetwork(browser);
    const nodes = await nodesDrawn(browser);
    const [most] = ends(nodes);
    const paths = shortestPaths(await arrowMoves(browser), most);
    // Planning moved the Tab stop: start afresh.
    keys = await openNetwork(browser);
    assert.equal((await keys.press(Key.TAB)).id, most);
    for (const key of paths.get(MORI)) await keys.press(ARROWS[key]);
    assert.equal((await browser.focused()).id, MORI, `${paths.get(MORI).join(', ')} reach Mori`);
    await keys.press(']', Key.ENTER);
    assert.match((await browser.focusLandsOn('corpus-network-evidence-title')).text, /Yoshiro Mori/);
    assert.ok(keys.count <= 10, `the sentences behind a link of Mori in ${keys.count} presses`);
    const worst = Math.max(...[...paths.values()].map((path) => path.length)) + 3;
    assert.ok(worst <= 10, `any node's sentences within ${worst} presses (Tab, arrows, ], Enter)`);
    t.diagnostic(`Mori's sentences in ${keys.count} presses (Tab, ${paths.get(MORI).join(', ')}, ], Enter); any node's within ${worst}`);
    assert.deepEqual(await browser.errors(), []);
  });

  test('a screen reader hears a named network of named nodes, with the key map as its description, and a visible ring of at least 3:1', async () => {
    for (const dark of [false, true]) {
      const browser = await engine.browser({ dark });
      const keys = await openNetwork(browser);
      await keys.press(Key.TAB);
      const found = await browser.run(() => {
        const root = document.querySelector('corpus-network').shadowRoot;
        const svg = root.querySelector('svg.corpus-network-svg');
        const description = root.getElementById(svg.getAttribute('aria-describedby'));
        const node = root.activeElement;
        const ring = node.querySelector('.corpus-network-ring');
        const labels = new Map([...root.querySelectorAll('.corpus-network-label')].map((t) => [t.dataset.id, t.textContent]));
        return {
          role: svg.getAttribute('role'),
          roledescription: svg.getAttribute('aria-roledescription'),
          label: svg.getAttribute('aria-label'),
          description: description?.textContent,
          descriptionShown: description?.getClientRects().length > 0,
          badNames: [...root.querySelectorAll('.corpus-network-node')]
            .filter((n) => n.getAttribute('role') !== 'button' || !n.getAttribute('aria-label').startsWith(`${labels.get(n.dataset.id)}, `)).map((n) => n.dataset.id),
          unnamedLinks: [...root.querySelectorAll('.corpus-network-edge')].filter((e) => e.getAttribute('role') !== 'button' || !e.getAttribute('aria-label')).length,
          ring: { display: getComputedStyle(ring).display, stroke: getComputedStyle(ring).stroke, width: parseFloat(getComputedStyle(ring).strokeWidth) },
          surface: getComputedStyle(svg.closest('.corpus-figure')).backgroundColor,
        };
      });
      const scheme = dark ? 'dark' : 'light';
      const figure = await browser.find(['corpus-network', 'figure.corpus-network-figure']);
      await browser.screenshot(`network-keyboard-node${dark ? '-dark' : ''}.png`, figure);
      assert.deepEqual([found.role, found.roledescription], ['group', 'network']);
      assert.match(found.label, /^Entity network: 30 entities, \d+ links$/);
      assert.match(found.description, /Arrow keys.*Home.*End.*right bracket.*left bracket.*Enter.*Esc/s, 'the key map describes the drawing, brackets named in words');
      assert.ok(found.descriptionShown, 'the key map is shown');
      assert.deepEqual(found.badNames, [], 'every node is a button named by its label first');
      assert.equal(found.unnamedLinks, 0, 'every link is a named button');
      assert.notEqual(found.ring.display, 'none', `${scheme}: the focused node is ringed`);
      assert.ok(found.ring.width >= 2, `${scheme}: the ring is ${found.ring.width} px wide`);
      const ratio = contrast(found.ring.stroke, found.surface);
      assert.ok(ratio >= 3, `${scheme}: the ring ${found.ring.stroke} on ${found.surface} is ${ratio.toFixed(2)}:1`);
      const link = await keys.press(']');
      const linkRing = await browser.run(() => {
        const root = document.querySelector('corpus-network').shadowRoot;
        return getComputedStyle(root.activeElement.querySelector('.corpus-network-edge-hit')).stroke;
      });
      assert.ok(link.ring && contrast(linkRing, found.surface) >= 3, `${scheme}: the focused link is edged in ${linkRing}`);
      await browser.screenshot(`network-keyboard-link${dark ? '-dark' : ''}.png`, figure);
      assert.deepEqual(await browser.errors(), []);
    }
  });

  test('the tables under the drawing reach every link and every node, their buttons named by their text first', async () => {
    const browser = await engine.browser();
    const keys = await openNetwork(browser);
    const nodes = await nodesDrawn(browser);
    await keys.press(Key.TAB, Key.TAB);
    const summary = await keys.press(Key.ENTER);
    assert.match(summary.text, /^Links as a table/);
    const button = await keys.tabPastScroller('corpus-chart-table-scroll');
    assert.equal(button.text, 'evidence');
    assert.match(button.label, /^evidence: .+ and .+$/, 'named by its text first, then by its link');
    await keys.press(Key.ENTER);
    const [, a, b] = /^evidence: (.+) and (.+)$/.exec(button.label);
    assert.match((await browser.focusLandsOn('corpus-network-evidence-title')).text, new RegExp(`^${a} and ${b} · \\d+ sentences?$`));
    const back = await keys.press(Key.ESCAPE);
    assert.equal(back.label, button.label, 'Escape: back to the table\'s button');

    const counts = await browser.run(() => {
      const root = document.querySelector('corpus-network').shadowRoot;
      const [links, entities] = root.querySelectorAll('.corpus-chart-table');
      return {
        links: links.querySelectorAll('tbody tr button').length,
        edges: root.querySelectorAll('.corpus-network-edge').length,
        entities: [...entities.querySelectorAll('tbody tr button')].map((b) => b.textContent),
        summary: entities.querySelector('summary').textContent,
      };
    });
    assert.equal(counts.links, counts.edges, 'a button per link');
    assert.equal(counts.summary, 'Entities as a table (30)');
    assert.deepEqual([...counts.entities].sort(), Object.values(nodes).map((n) => n.name).sort(), 'a button per node, named by its name');
    const entities = await browser.waitFor(['corpus-network', '.corpus-chart-table summary'], { text: /^Entities as a table/ });
    await browser.run((element) => element.focus(), entities);
    await keys.press(Key.ENTER);
    const japan = await keys.tabPastScroller('corpus-chart-table-scroll');
    assert.deepEqual([japan.tag, japan.text], ['button', 'Japan'], 'the most mentioned first');
    await keys.press(Key.ENTER);
    await browser.waitUntil('the entity opened', () => /view=entities.*entity=place(%3A|:)japan/.test(location.hash));
    assert.deepEqual(await browser.errors(), []);
  });

  test('at a phone\'s width too, every node is within 7 arrows of the first', async () => {
    const browser = await engine.browser();
    await openNetwork(browser, { phone: true });
    const nodes = await nodesDrawn(browser);
    const [most] = ends(nodes);
    const paths = shortestPaths(await arrowMoves(browser), most);
    assert.equal(paths.size, Object.keys(nodes).length, 'every node reached');
    assert.ok(Math.max(...[...paths.values()].map((p) => p.length)) <= 7);
    assert.deepEqual(await browser.errors(), []);
  });
});
