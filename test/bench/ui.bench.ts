import type { BenchCase } from './support/bench-case';
import { callApi } from '../e2e/support/api';
import { startApp, type RunningApp } from '../e2e/support/harness';

/** Page loads measured for the time to an interactive stage rail. */
const LOADS = 8;
/** Timeline entries seeded before the scroll measurement. */
const EVENTS = 10_000;
/** Notes sent at once while seeding. */
const SEED_CONCURRENCY = 24;
/** Frames measured while scrolling. */
const FRAMES = 240;

/** Notes streamed in while typing (the live-update case). */
const STREAMED = 600;
/** Characters typed while they stream in. */
const TYPED = 'Failing over orders-db to us-west-2 now; checkout read-only until 05:10 UTC.';

/** Records, per key press in the notes box, the time from the key event to the next frame. */
const TYPING_PROBE = `
  (() => {
    const box = document.querySelector('#notes-box-text');
    window.__typing = [];
    box.addEventListener('keydown', (event) => {
      const at = event.timeStamp;
      requestAnimationFrame(() => window.__typing.push(performance.now() - at));
    });
    box.focus();
  })()
`;

/** Runs in the page before its scripts (CDP injection, not subject to the page's CSP). */
const RAIL_PROBE = `
  (() => {
    const check = () => {
      const button = document.querySelector('.stage-rail .stage-button');
      if (button && !button.disabled) { window.__railReady = performance.now(); return; }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();
`;

/** Scroll the timeline by a fixed step each animation frame; answer the frame intervals (ms). */
const SCROLL_PROBE = `
  new Promise((resolve) => {
    const scroller = document.querySelector('.timeline-scroll');
    const deltas = [];
    let last = null;
    let frames = 0;
    const step = (now) => {
      if (last !== null) deltas.push(now - last);
      last = now;
      scroller.scrollTop += 240;
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) scroller.scrollTop = 0;
      if (++frames <= ${FRAMES}) requestAnimationFrame(step);
      else resolve(deltas);
    };
    requestAnimationFrame(step);
  })
`;

async function timeToRail(app: RunningApp): Promise<number[]> {
  await app.page.addInitScript(RAIL_PROBE);
  const samples: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    await app.page.goto(app.url);
    await app.page.waitForFunction(
      () => typeof (globalThis as { __railReady?: unknown }).__railReady === 'number',
    );
    samples.push((await app.page.evaluate('window.__railReady')) as number);
  }
  return samples;
}

/**
 * The reader's time to first render: from clicking a runbook in the list to its rendered body
 * (title and code blocks) on screen, for every bundled runbook. Measured from the driver, so
 * each sample includes one Playwright round trip (a few milliseconds).
 */
async function timeToRunbook(app: RunningApp): Promise<number[]> {
  await app.page.goto(app.url);
  await app.page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: 'Runbooks', exact: true })
    .click();
  const items = app.page.getByRole('region', { name: 'Browse runbooks' }).locator('button.rb-item');
  await items.first().waitFor();
  const count = await items.count();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    const title = (
      (await item
        .locator('.rb-item-title')
        .textContent()
        .catch(() => null)) ?? ''
    ).trim();
    const started = performance.now();
    await item.click();
    await app.page.locator('#rb-title', { hasText: title }).waitFor();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function seedNotes(app: RunningApp, incidentId: string): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < EVENTS) {
      const n = ++next;
      await callApi(app, 'incident.note', {
        incidentId,
        text: `Seeded note ${n} of ${EVENTS}`,
        kind: 'note',
      });
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
}

/**
 * The UI in Chromium (browser mode against `dr-war-room serve`): time from page load to an
 * interactive stage rail, and frame intervals while scrolling a timeline of 10,000 entries.
 * Needs `npm run build` first.
 */
export async function uiBench(): Promise<BenchCase[]> {
  const app = await startApp();
  try {
    const rail = await timeToRail(app);
    const reader = await timeToRunbook(app);
    const incident = await callApi<{ state: { id: string } }>(app, 'incident.declare', {
      title: 'Benchmark: a long incident',
      commander: 'Bench Runner',
    });
    await seedNotes(app, incident.state.id);
    await app.page.goto(app.url);
    await app.page.locator('.stage-rail').waitFor();
    await app.page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: 'Timeline', exact: true })
      .click();
    await app.page.locator('.timeline-row').first().waitFor({ timeout: 60_000 });
    const shown = await app.page.locator('.timeline-filters [role=status]').innerText();
    const deltas = (await app.page.evaluate(SCROLL_PROBE)) as number[];
    const rendered = await app.page.locator('.timeline-row').count();

    // Type a note while more entries stream in, with the 10,000-entry timeline on screen.
    await app.page.evaluate(TYPING_PROBE);
    let streamed = 0;
    const stream = (async () => {
      const senders = Array.from({ length: 4 }, async () => {
        while (streamed < STREAMED) {
          streamed += 1;
          await callApi(app, 'incident.note', {
            incidentId: incident.state.id,
            text: `Live ${streamed}`,
            kind: 'note',
          });
        }
      });
      await Promise.all(senders);
    })();
    await app.page.keyboard.type(TYPED, { delay: 25 });
    await stream;
    const typing = (await app.page.evaluate('window.__typing')) as number[];
    const typedValue = (await app.page.locator('#notes-box-text').inputValue()) === TYPED;
    const slow = deltas.filter((d) => d > 17.5).length;
    return [
      {
        name: 'page load → interactive stage rail',
        unit: 'ms',
        samples: rail,
        note: `${LOADS} loads of the built renderer in headless Chromium (from navigation start).`,
      },
      {
        name: 'runbook reader: click → rendered runbook',
        unit: 'ms',
        samples: reader,
        note: `Every bundled runbook (${reader.length}) opened from the reader's list in headless Chromium, until its title is on screen; includes one driver round trip per sample.`,
      },
      {
        name: `timeline scroll frame interval (${EVENTS.toLocaleString('en')} entries)`,
        unit: 'ms',
        samples: deltas,
        note: `${FRAMES} frames scrolling 240 px each; ${shown}; ${rendered} rows in the DOM (virtualised); ${slow} frames longer than one 60 Hz frame (over 17.5 ms). Aim: under 16 ms per frame (headless Chromium paces frames at about 60 Hz, so ~16.7 ms is the floor).`,
      },
      {
        name: 'key press → next frame while entries stream in',
        unit: 'ms',
        samples: typing,
        note: `${TYPED.length} characters typed in the notes box while ${STREAMED} notes arrived as live events, the ${EVENTS.toLocaleString('en')}-entry timeline on screen; every character kept: ${typedValue}.`,
      },
    ];
  } finally {
    await app.close();
  }
}
