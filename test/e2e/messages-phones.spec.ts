/**
 * Issue 10, citizens on phones: a landline accepted without JavaScript; the receipt's copy and print
 * buttons (and what stands in for them without JavaScript); a lost query code re-sent by e-mail to a real
 * SMTP server started here, the old code refused and the new one working; search results with their type,
 * date and clean excerpts, published messages among them; the new pages (site map, privacy statement,
 * the re-send form in each of its states) free of axe violations at phone and desktop width.
 */
import { startSmtpServer, type TestSmtpServer } from '../smtp-server';
import { expect, test, type Page } from '@playwright/test';
import { answerQuestion, expectHeadingsInOrder, expectNoAxeViolations } from './helpers';
import { solvedProof, startServer, type TestServer } from './spawn-server';

const PHONE = { width: 390, height: 844 };

async function expectAccessible(page: Page) {
  await expectNoAxeViolations(page);
  await expectHeadingsInOrder(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test('a citizen with only a landline leaves a message, and the receipt says how to keep the numbers', async ({ page }) => {
    await page.goto('/messages/new');
    await page.getByLabel('咨询').check();
    await page.getByLabel('标题').fill('老年人门诊预约咨询');
    await page.getByLabel('留言内容').fill('家里老人不会用手机预约，想问社区卫生服务中心能否电话预约门诊。');
    await page.getByLabel(/手机号码或固定电话/).fill('8765 4321');
    await answerQuestion(page);
    await page.getByRole('button', { name: '提交留言' }).click();
    await expect(page.getByRole('alert')).toContainText('固定电话请加上区号');
    await expect(page.getByLabel(/手机号码或固定电话/)).toHaveValue('8765 4321');

    await page.getByLabel(/手机号码或固定电话/).fill('（０５７１）8765 4321 转 808');
    await answerQuestion(page);
    await page.getByRole('button', { name: '提交留言' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '留言已提交' })).toBeVisible();
    await expect(page.locator('#receipt-code')).toHaveText(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    // No script: no buttons that would do nothing, but words on how to keep the numbers.
    await expect(page.getByRole('button', { name: '复制编号和查询码' })).toBeHidden();
    await expect(page.getByRole('button', { name: '打印或存为 PDF' })).toBeHidden();
    await expect(page.getByText('保存方法：截屏保存本页')).toBeVisible();
    // The demo server sends no mail: the receipt does not promise a re-send.
    await expect(page.getByText('遗失后无法重新发送')).toBeVisible();
  });

  test('the search page offers the board’s own search instead', async ({ page }) => {
    await page.goto('/search/');
    await page.getByLabel(/搜索公开的网民留言和答复/).fill('电梯');
    await page.getByRole('button', { name: '搜索留言' }).click();
    await expect(page).toHaveURL(/\/messages\/\?q=%E7%94%B5%E6%A2%AF/);
    expect(await page.locator('.message-list > li').count()).toBeGreaterThan(0);
  });
});

test('the receipt offers copy and print buttons on a phone, and both work', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/messages/new');
  await page.getByLabel('建议').check();
  await page.getByLabel('标题').fill('公园增设饮水点');
  await page.getByLabel('留言内容').fill('望澜湿地公园步道很长，夏天没有饮水的地方，建议增设饮水点。');
  await page.getByLabel(/手机号码或固定电话/).fill('010-12345678');
  // The receipt is under test here, not the widget: tick its box directly, whatever its styling draws over it.
  await page.locator('altcha-widget input[type="checkbox"]').dispatchEvent('click');
  await expect(page.locator('altcha-widget input[name="altcha"]')).not.toHaveValue('', { timeout: 20_000 });
  await page.getByRole('button', { name: '提交留言' }).click();
  await expect(page.locator('#receipt-number')).toBeVisible();
  await page.setViewportSize(PHONE);
  await expect(page.getByText('保存方法：截屏保存本页')).toBeHidden();
  await page.getByRole('button', { name: '复制编号和查询码' }).click();
  await expect(page.locator('[data-copy-status]')).toContainText('已复制');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain((await page.locator('#receipt-number').textContent())!.trim());
  expect(copied).toContain((await page.locator('#receipt-code').textContent())!.trim());
  await page.evaluate(() => {
    (window as unknown as { printed: boolean }).printed = false;
    window.print = () => void ((window as unknown as { printed: boolean }).printed = true);
  });
  await page.getByRole('button', { name: '打印或存为 PDF' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
  await expectAccessible(page);
  // Printed, the page keeps the numbers and drops the buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#receipt-code')).toBeVisible();
  await expect(page.getByRole('button', { name: '复制编号和查询码' })).toBeHidden();
});

test.describe('search results', () => {
  test('show each result’s type and date, clean excerpts, and published messages beside the content', async ({ page }) => {
    await page.goto('/search/?q=' + encodeURIComponent('电梯'));
    const results = page.locator('[data-results] > li');
    await expect(results.first()).toBeVisible();
    const count = await results.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i += 1) {
      const result = results.nth(i);
      await expect(result.locator('.search-result-type')).toHaveText(/^(重点任务|责任单位|督办记录|曝光台案例|督查通报)$/);
      await expect(result.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
      const excerpt = (await result.locator('.search-result-excerpt').textContent())!;
      expect(excerpt, excerpt).not.toMatch(/\p{Script=Han}\. /u);
      expect(excerpt, excerpt).not.toMatch(/\u200B/);
    }
    await expect(results.locator('mark').first()).toHaveText('电梯');
    const messages = page.locator('[data-message-results]');
    await expect(messages.getByRole('heading', { name: '网民留言' })).toBeVisible();
    const first = messages.locator('li').first();
    await expect(first.locator('.search-result-type')).toHaveText('网民留言');
    await expect(first.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
    await expect(first.locator('a')).toHaveAttribute('href', /^\/messages\/LY\d{8}-\d{4}\/$/);
    await expect(messages.getByRole('link', { name: /在网民留言页查看全部/ })).toHaveAttribute('href', /\/messages\/\?q=/);
    await expect(page.locator('[data-summary]')).toContainText('条公开的网民留言');
    await expectAccessible(page);
  });

  test('show five results at first, and five more each time 再显示 is pressed, the focus on the first one added', async ({ page }) => {
    const PAGE = 5;
    await page.goto('/search/?type=' + encodeURIComponent('重点任务'));
    const results = page.locator('[data-results] > li');
    await expect(results).toHaveCount(PAGE);
    const total = Number((await page.locator('[data-summary]').textContent())!.match(/找到 (\d+) 条公示内容/)![1]);
    expect(total).toBeGreaterThan(4 * PAGE);
    await expect(page.getByText(`已显示 ${PAGE} 条，共 ${total} 条`)).toBeVisible();
    await page.getByRole('button', { name: `再显示 ${PAGE} 条` }).click();
    await expect(results).toHaveCount(2 * PAGE);
    await expect(results.nth(PAGE).getByRole('link')).toBeFocused();
    const rest = page.getByRole('button', { name: /^再显示 \d+ 条$/ });
    for (let shown = 2 * PAGE; shown < total; shown += PAGE) {
      await expect(rest).toHaveText(`再显示 ${Math.min(PAGE, total - shown)} 条`);
      await rest.click();
      await expect(results).toHaveCount(Math.min(shown + PAGE, total));
    }
    await expect(page.locator('[data-more-results]')).toBeHidden();
    const links = await results.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(links).size).toBe(total);
    await page.getByLabel('关键词').fill('qzxvkw');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await expect(page.locator('[data-summary]')).toContainText('没有找到相关的公示内容');
    await expect(page.locator('[data-more-results]')).toBeHidden();
  });

  test('filter by type: messages only, or one kind of page only', async ({ page }) => {
    await page.goto('/search/?q=' + encodeURIComponent('电梯') + '&type=' + encodeURIComponent('网民留言'));
    await expect(page.locator('[data-message-results] li').first()).toBeVisible();
    await expect(page.locator('[data-results] > li')).toHaveCount(0);
    await page.getByLabel('类型').selectOption('重点任务');
    await expect(page.locator('[data-results] > li').first()).toBeVisible();
    await expect(page.locator('[data-message-results]')).toBeHidden();
    for (const type of await page.locator('[data-results] .search-result-type').allTextContents()) expect(type).toBe('重点任务');
  });
});

test.describe('the pages a government site carries', () => {
  for (const viewport of [PHONE, { width: 1280, height: 900 }])
    test(`site map, privacy statement and the re-send form (here unavailable) are accessible at ${viewport.width} px`, async ({ page }) => {
      await page.setViewportSize(viewport);
      for (const path of ['/sitemap/', '/privacy/', '/messages/resend-code']) {
        await page.goto(path);
        await expectAccessible(page);
      }
      await page.getByLabel(/长辈模式/).check();
      await expectAccessible(page);
    });

  test('the footer links to them, and 找错 opens the form addressed to the site’s own office', async ({ page }) => {
    await page.goto('/');
    const footer = page.locator('footer');
    await footer.getByRole('link', { name: '网站地图' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '网站地图' })).toBeVisible();
    await expect(page.getByRole('link', { name: '找回查询码' })).toHaveAttribute('href', '/messages/resend-code');
    await page.locator('footer').getByRole('link', { name: '个人信息保护' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '个人信息保护说明' })).toBeVisible();
    await page.locator('footer').getByRole('link', { name: '我为网站找错' }).click();
    await expect(page.getByLabel('网站纠错')).toBeChecked();
    await expect(page.getByLabel(/留言对象/)).toHaveValue('district-office');
  });

  test('the re-send page says plainly when this site cannot send codes', async ({ page }) => {
    await page.goto('/messages/track');
    await page.getByRole('link', { name: '忘记查询码？' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '找回查询码' })).toBeVisible();
    await expect(page.getByText('本站目前没有开通邮件和短信发送')).toBeVisible();
  });
});

test.describe('a lost query code, re-sent by e-mail', () => {
  test.describe.configure({ mode: 'serial' });
  let server: TestServer;
  let smtp: TestSmtpServer;

  test.beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer(4631, { SMTP_URL: smtp.url, MAIL_SEND_EVERY_SECONDS: '1' });
  });
  test.afterAll(async () => {
    await server?.kill('SIGTERM');
    await smtp.close();
  });

  test('the citizen asks with number and phone, gets a new code by e-mail; the old one stops working, the new one works', async ({ page }) => {
    test.setTimeout(90_000);
    const response = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        service_code: 'consultation',
        'attribute[title]': '社区食堂开放时间',
        description: '想问一下云湖街道社区食堂周末是否开放，老人可以在哪里办理就餐卡。',
        phone: '0871-6512 3456',
        email: 'lost.code@example.org',
        altcha: await solvedProof(server.url),
      }),
    });
    expect(response.status).toBe(201);
    const [created] = (await response.json()) as { service_request_id: string; query_code: string }[];
    const number = created!.service_request_id;

    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/messages/track`);
    await page.getByRole('link', { name: '忘记查询码？' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '找回查询码' })).toBeVisible();
    await expectAccessible(page);

    // A mistake first: the error summary, the fields kept.
    await page.getByLabel('留言编号').fill(number);
    await page.getByRole('button', { name: '发送新的查询码' }).click();
    await expect(page).toHaveTitle(/^错误：/);
    await expect(page.getByRole('alert')).toContainText('请填写留言时登记的联系电话');
    await expect(page.getByLabel('留言编号')).toHaveValue(number);
    await expectAccessible(page);

    await page.getByLabel('留言时登记的联系电话').fill('０８７１－６５１２３４５６');
    await page.getByRole('button', { name: '发送新的查询码' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '申请已收到' })).toBeVisible();
    await expectAccessible(page);

    // A number that does not exist gets the very same answer.
    await page.goto(`${server.url}/messages/resend-code`);
    await page.getByLabel('留言编号').fill('LY20260101-0999');
    await page.getByLabel('留言时登记的联系电话').fill('0871-65123456');
    await page.getByRole('button', { name: '发送新的查询码' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '申请已收到' })).toBeVisible();

    await expect.poll(() => smtp.received.filter((m) => m.to.includes('lost.code@example.org')).length, { timeout: 20_000 }).toBe(1);
    const mail = smtp.received.find((m) => m.to.includes('lost.code@example.org'))!;
    const newCode = /新的查询码：([2-9A-Z]{5}-[2-9A-Z]{5})/.exec(mail.text)![1]!;

    const track = async (code: string) => {
      await page.goto(`${server.url}/messages/track`);
      await page.getByLabel('留言编号').fill(number);
      await page.getByLabel('查询码').fill(code);
      await page.getByRole('button', { name: '查询' }).click();
    };
    await track(created!.query_code);
    await expect(page.getByRole('alert')).toContainText('留言编号或查询码不正确');
    await track(newCode);
    await expect(page.getByRole('heading', { level: 1, name: '社区食堂开放时间' })).toBeVisible();
    // The citizen's own timeline does not list the re-send (it is on the staff record).
    await expect(page.getByRole('listitem').filter({ hasText: '重新发送查询码' })).toHaveCount(0);
  });

  test('the form refuses a post from another site', async () => {
    const refused = await fetch(`${server.url}/messages/resend-code`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'null' },
      body: new URLSearchParams({ number: 'LY20260101-0001', phone: '13800000000' }),
    });
    expect(refused.status).toBe(403);
  });
});
