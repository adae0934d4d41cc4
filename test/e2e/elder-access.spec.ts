/**
 * Issue 16, 适老化 as the national evaluation of government sites tries it:
 * - a citizen who uses only the keyboard leaves a message from the home page and tracks it, typing as
 *   Chinese input methods type (full-width digits, IME punctuation), with a visible focus ring on
 *   every element reached, partly in 长辈模式;
 * - 朗读 on the article pages, against a recording stand-in for the browser's speech engine (Chromium
 *   here has no voices): the heading and body go out sentence by sentence in a Chinese voice, 暂停,
 *   继续 and 停止 reach the engine, and the controls are absent without a Chinese voice or JavaScript;
 * - 长辈模式's large pointers and thick focus ring.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, exportedTasks } from './helpers';

const { tasks } = exportedTasks();
const task = tasks.find((t) => t.parent !== null && t.status !== 'signed_off') ?? tasks[0]!;
const bulletinPath = '/bulletins/db-2026-11/';
const exposurePath = '/exposures/e-2026-007/';

interface FocusRing {
  description: string;
  outlineStyle: string;
  outlineWidth: number;
  outlineOffset: number;
  boxShadow: string;
}

/** What the focused element draws to show it has the focus. */
function focusRing(page: Page): Promise<FocusRing> {
  return page.evaluate(() => {
    const el = document.activeElement!;
    const style = getComputedStyle(el);
    const name = el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.textContent?.trim().slice(0, 20) ?? '';
    return {
      description: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${name}`,
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineOffset: parseFloat(style.outlineOffset),
      boxShadow: style.boxShadow,
    };
  });
}

/** The focused element shows a ring: an outline at least `minWidth` wide, or a shadow, and in 长辈模式 both. */
async function expectVisibleFocus(page: Page, elder: boolean): Promise<string> {
  const ring = await focusRing(page);
  const outlined = ring.outlineStyle !== 'none' && ring.outlineWidth >= 3;
  if (elder) {
    expect(ring.outlineWidth, ring.description).toBeGreaterThanOrEqual(4);
    expect(ring.outlineOffset, ring.description).toBeGreaterThan(0);
    expect(ring.boxShadow, ring.description).not.toBe('none');
  }
  expect(outlined || ring.boxShadow !== 'none', `no focus ring on ${ring.description}`).toBe(true);
  return ring.description;
}

/**
 * Press `key` (Tab or Shift+Tab) until the focused element matches `selector`, checking the focus ring
 * on every element passed on the way (in 长辈模式 the thicker one, once it is on).
 */
async function moveFocus(page: Page, key: 'Tab' | 'Shift+Tab', selector: string, elder: boolean): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press(key);
    const elderNow = elder && (await page.locator('#elder-mode').isChecked());
    await expectVisibleFocus(page, elderNow);
    if (await page.evaluate((s) => document.activeElement!.matches(s), selector)) return;
  }
  throw new Error(`could not reach ${selector} with ${key}`);
}
const tab = (page: Page, selector: string, elder = true) => moveFocus(page, 'Tab', selector, elder);
const back = (page: Page, selector: string, elder = true) => moveFocus(page, 'Shift+Tab', selector, elder);

test.describe('keyboard only', () => {
  test.setTimeout(90_000);

  test('a citizen leaves a message from the home page and tracks it, with the keyboard alone', async ({ page }) => {
    await page.goto('/');

    // The skip link, the site name and the menu, in the usual mode: a ring on each.
    await tab(page, '.skip-link', false);
    await tab(page, '#elder-mode', false);
    await page.keyboard.press('Space');
    await expect(page.locator('#elder-mode')).toBeChecked();
    expect((await focusRing(page)).outlineWidth).toBeGreaterThanOrEqual(4);

    // 我要留言, in 长辈模式 from here on (the choice is remembered from page to page).
    await tab(page, 'main a[href="/messages/new"]');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: '我要留言' })).toBeVisible();
    await expect(page.locator('#elder-mode')).toBeChecked();

    // Tab reaches the group of types once; the arrow keys choose within it.
    await tab(page, 'input[type="radio"][name="type"]');
    for (let i = 0; i < 6 && !(await page.getByLabel('投诉').isChecked()); i += 1) await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('投诉')).toBeChecked();

    // As an input method commits them: whole phrases with Chinese punctuation, full-width digits.
    await tab(page, '#title');
    await page.keyboard.insertText('望澜路自来水发荒');
    await tab(page, '#content');
    await page.keyboard.insertText('望澜路３号院这一周自来水发黄，烧开后有沉淀；邻居也反映过。请尽快检修管道！');
    await tab(page, '#phone');
    await page.keyboard.insertText('１３９－２００１－００８８');
    // Back to the title to mend a wrong character: Shift+Tab, End, Backspace, the right one.
    await back(page, '#title');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText('黄');
    await expect(page.locator('#title')).toHaveValue('望澜路自来水发黄');

    await tab(page, '#consent');
    await page.keyboard.press('Space');
    await expect(page.locator('#consent')).toBeChecked();

    // The proof of work: the widget's checkbox takes the focus and a Space, like any other.
    await tab(page, 'altcha-widget input[type="checkbox"]');
    await page.keyboard.press('Space');
    await expect(page.locator('altcha-widget input[name="altcha"]')).not.toHaveValue('', { timeout: 20_000 });

    await tab(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: '留言已提交' })).toBeVisible();
    const number = (await page.locator('#receipt-number').textContent())!.trim();
    const code = (await page.locator('#receipt-code').textContent())!.trim();
    expect(number).toMatch(/^LY\d{8}-\d{4}$/);
    expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);

    // 查询办理进度, then the number and the code (typed in small letters: the code ignores case).
    await tab(page, 'main a[href="/messages/track"]');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: '查询办理进度' })).toBeVisible();
    await tab(page, '#number');
    await page.keyboard.type(number);
    await tab(page, '#code');
    await page.keyboard.type(code.toLowerCase());
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: '望澜路自来水发黄' })).toBeVisible();
    await expect(page.locator('.ladder .badge-status')).toHaveText('待受理');
    await expect(page.getByText('望澜路３号院这一周自来水发黄，烧开后有沉淀；邻居也反映过。请尽快检修管道！')).toBeVisible();
    await expect(page.locator('#elder-mode')).toBeChecked();
    // The next thing a keyboard reaches here still shows its ring.
    await tab(page, 'a[href], button, input, select, textarea, summary, [tabindex="0"]');
  });
});

/** A recording stand-in for speechSynthesis, installed before the page's own scripts run. */
function fakeSpeech(options: { voices: readonly { name: string; lang: string }[]; voicesLate?: boolean; absent?: boolean }) {
  if (options.absent) {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    return;
  }
  type Call = { method: string; text?: string; lang?: string; voice?: string };
  const calls: Call[] = [];
  const queue: { onend: ((e: Event) => void) | null }[] = [];
  let voices: readonly { name: string; lang: string }[] = options.voicesLate ? [] : options.voices;
  class Utterance extends EventTarget {
    text: string;
    lang = '';
    voice: { name: string; lang: string } | null = null;
    onend: ((e: Event) => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    constructor(text: string) {
      super();
      this.text = text;
    }
  }
  const engine = Object.assign(new EventTarget(), {
    speaking: false,
    pending: false,
    paused: false,
    getVoices: () => voices,
    speak(u: Utterance) {
      calls.push({ method: 'speak', text: u.text, lang: u.lang, voice: u.voice?.name });
      queue.push(u);
      engine.speaking = true;
    },
    pause() {
      calls.push({ method: 'pause' });
      engine.paused = true;
    },
    resume() {
      calls.push({ method: 'resume' });
      engine.paused = false;
    },
    cancel() {
      calls.push({ method: 'cancel' });
      queue.length = 0;
      engine.speaking = false;
    },
  });
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });
  Object.assign(window, {
    speech: {
      calls,
      /** The engine finishes the utterance it is speaking. */
      finish() {
        const u = queue.shift();
        if (!u) return false;
        engine.speaking = queue.length > 0;
        u.onend?.(new Event('end'));
        return true;
      },
    },
  });
  if (options.voicesLate)
    setTimeout(() => {
      voices = options.voices;
      engine.dispatchEvent(new Event('voiceschanged'));
    }, 300);
}

type Calls = { method: string; text?: string; lang?: string; voice?: string }[];
const calls = (page: Page) => page.evaluate(() => (window as unknown as { speech: { calls: Calls } }).speech.calls.slice());
const finish = (page: Page) => page.evaluate(() => (window as unknown as { speech: { finish(): boolean } }).speech.finish());
const plain = (text: string) => text.replace(/\s+/g, '');

const chinese = [{ name: 'Tingting', lang: 'zh-CN' }];

test.describe('朗读', () => {
  for (const [name, path, firstLines] of [
    ['a task', `/tasks/${task.code}/`, (h1: string) => [h1]],
    ['a bulletin', bulletinPath, (h1: string, number: string) => [number, h1]],
    ['an exposure case', exposurePath, (h1: string) => [h1]],
  ] as const) {
    test(`${name} is read aloud in a Chinese voice, sentence by sentence, and pauses, resumes and stops`, async ({ page }) => {
      await page.addInitScript(fakeSpeech, { voices: [{ name: 'Samantha', lang: 'en-US' }, ...chinese] });
      await page.goto(path);
      const say = page.getByRole('button', { name: '朗读', exact: true });
      const pause = page.locator('.read-aloud button').nth(1);
      const stop = page.getByRole('button', { name: '停止' });
      const status = page.locator('.read-aloud [role="status"]');
      await expect(say).toBeVisible();
      await expect(say).toHaveAttribute('aria-pressed', 'false');
      await expect(pause).toBeDisabled();

      await say.click();
      await expect(say).toHaveAttribute('aria-pressed', 'true');
      await expect(status).toHaveText('正在朗读');
      const h1 = plain((await page.getByRole('heading', { level: 1 }).textContent())!);
      const official = page.locator('.official-number');
      const number = (await official.count()) > 0 ? plain((await official.textContent())!) : '';
      const spoken = (await calls(page)).filter((c) => c.method === 'speak');
      expect(spoken).toHaveLength(1);
      expect(spoken[0]).toMatchObject({ lang: 'zh-CN', voice: 'Tingting' });

      // Sentence by sentence: each one only when the last has been said.
      while (await finish(page));
      await expect(status).toHaveText('朗读完毕');
      await expect(say).toHaveAttribute('aria-pressed', 'false');
      const texts = (await calls(page)).filter((c) => c.method === 'speak').map((c) => c.text!);
      expect(texts.length).toBeGreaterThan(5);
      expect(texts.slice(0, firstLines(h1, number).length).map(plain)).toEqual(firstLines(h1, number));
      for (const text of texts) expect(text.length, text).toBeLessThanOrEqual(60);
      const all = plain(texts.join(''));
      // The body is read; the page's frame, its navigation and the controls are not.
      const body = plain((await page.locator('main p:not(.lede):not(.official-number)').filter({ hasText: /。/ }).first().textContent())!);
      expect(all).toContain(body.slice(0, 30));
      for (const frame of ['跳到主要内容', '网站标识码', '朗读暂停停止', '相关信息', 'speechSynthesis', '=>']) expect(all).not.toContain(frame);
      expect((await calls(page)).every((c) => c.method !== 'speak' || c.lang === 'zh-CN')).toBe(true);

      // 暂停, 继续, 停止 reach the engine; the 朗读 button says whether reading is on.
      await say.click();
      await pause.click();
      expect((await calls(page)).at(-1)).toEqual({ method: 'pause' });
      await expect(pause).toHaveText('继续');
      await expect(status).toHaveText('已暂停');
      await expectNoAxeViolations(page);
      await pause.click();
      expect((await calls(page)).at(-1)).toEqual({ method: 'resume' });
      await expect(pause).toHaveText('暂停');
      await stop.click();
      expect((await calls(page)).at(-1)).toEqual({ method: 'cancel' });
      await expect(say).toHaveAttribute('aria-pressed', 'false');
      await expect(status).toHaveText('已停止朗读');
      await expect(say).toBeFocused();

      // Leaving the page stops the voice.
      await say.click();
      const before = (await calls(page)).length;
      await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
      expect((await calls(page)).slice(before)).toContainEqual({ method: 'cancel' });
    });
  }

  test('a published message is read aloud, its title first', async ({ page }) => {
    await page.addInitScript(fakeSpeech, { voices: chinese });
    await page.goto('/messages/');
    await page.locator('.message-list a[href^="/messages/LY"]').first().click();
    await page.getByRole('button', { name: '朗读', exact: true }).click();
    const h1 = plain((await page.getByRole('heading', { level: 1 }).textContent())!);
    expect((await calls(page)).find((c) => c.method === 'speak')).toMatchObject({ lang: 'zh-CN' });
    expect(plain((await calls(page)).find((c) => c.method === 'speak')!.text!)).toBe(h1);
  });

  test('the controls appear once the browser has loaded its voices, in a row kept for them, moving nothing', async ({ page }) => {
    await page.addInitScript(fakeSpeech, { voices: chinese, voicesLate: true });
    await page.addInitScript(() => {
      const moved = ((window as unknown as { moved: number[] }).moved = [] as number[]);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) moved.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(bulletinPath);
    await expect(page.getByRole('button', { name: '朗读', exact: true })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { moved: number[] }).moved)).toEqual([]);
  });

  for (const [name, options] of [
    ['only an English voice', { voices: [{ name: 'Samantha', lang: 'en-US' }] }],
    ['no speech at all', { voices: [], absent: true }],
  ] as const) {
    test(`with ${name} the controls stay hidden, so out of sight and out of the tab order`, async ({ page }) => {
      await page.addInitScript(fakeSpeech, options);
      await page.goto(`/tasks/${task.code}/`);
      await page.waitForTimeout(500);
      await expect(page.locator('.read-aloud')).toBeHidden();
      expect(await page.getByRole('button', { name: '朗读' }).count()).toBe(0);
    });
  }

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('there are no controls', async ({ page }) => {
      for (const path of [`/tasks/${task.code}/`, bulletinPath]) {
        await page.goto(path);
        await expect(page.locator('.read-aloud')).toBeHidden();
        expect(await page.getByRole('button', { name: '朗读' }).count()).toBe(0);
      }
    });
  });
});

test('长辈模式 brings 48-pixel pointers and a thick focus ring, also on a table’s scrolling frame', async ({ page }) => {
  await page.goto('/ranking/');
  const cursor = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).cursor);
  expect(await cursor('body')).toBe('auto');
  await page.getByLabel(/长辈模式/).check();
  expect(await cursor('body')).toMatch(/^url\("data:image\/svg\+xml,.+"\) 4 3, default$/);
  for (const selector of ['main a[href]', '.site-nav a', '#elder-mode', 'label[for="elder-mode"]']) {
    expect(await cursor(selector), selector).toMatch(/^url\("data:image\/svg\+xml,.+"\) 17 3, pointer$/);
  }
  // Each pointer is a 48 × 48 picture the browser can draw.
  const sizes = await page.evaluate(async () => {
    const urls = ['body', 'a[href]'].map((s) => /url\("(.+)"\)/.exec(getComputedStyle(document.querySelector(s)!).cursor)![1]!);
    return Promise.all(
      urls.map(
        (src) =>
          new Promise<string>((resolve) => {
            const img = new Image();
            img.onload = () => resolve(`${img.naturalWidth}x${img.naturalHeight}`);
            img.onerror = () => resolve('broken');
            img.src = src;
          }),
      ),
    );
  });
  expect(sizes).toEqual(['48x48', '48x48']);

  await tab(page, 'main a[href]');
  const ring = await focusRing(page);
  expect(ring.outlineStyle).toBe('solid');
  expect(ring.outlineWidth).toBeGreaterThanOrEqual(3);
  expect(ring.boxShadow).toContain('10px');
  await tab(page, '.table-scroll');
  expect((await focusRing(page)).outlineWidth).toBeGreaterThanOrEqual(4);
  await expectNoAxeViolations(page);
});
