import { Resvg } from '@resvg/resvg-js';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import request from 'supertest';
import { LOCAL_BOT_TOKEN, LocalBotApi } from 'src/bot-api-stand-in/local-bot-api';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { CHROMIUM, describeNeeding } from '../support/needs-services';
import { startStandIn, startTestApp, TestApp } from '../support/test-app';
import { prepareTestEnvironment, type TestEnvironment } from '../support/test-environment';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const OUTPUT = resolve(__dirname, '..', '..', 'test-output', 'web-chat');
const WAIT_MS = 15_000;
// Runs in the page: remembers every text the header's status line shows (such as "typing"), however briefly.
const RECORD_STATUSES = `{
  const status = document.getElementById('bot-status');
  window.statuses = [];
  new MutationObserver(() => window.statuses.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
}`;

/** The parts of an <img> the test reads (the spec compiles without the DOM library). */
interface LoadedImage {
  complete: boolean;
  naturalWidth: number;
  naturalHeight: number;
}

/** How many entries the chat shows: a mark, to wait for what comes after it. */
function chatLength(page: Page): Promise<number> {
  return page.locator('.messages > li').count();
}

/** The first bot message after `mark` that shows `text`, once it is on screen. */
async function botReply(page: Page, mark: number, text: string | RegExp): Promise<Locator> {
  const message = page.locator(`.messages > li.message.bot:nth-child(n+${mark + 1})`, { hasText: text }).first();
  await message.waitFor({ state: 'visible', timeout: WAIT_MS });
  return message;
}

/** Where the page is scrolled to: whether the end of the chat is in view, and the last message's place against the composer's. */
interface ScrollPlace {
  atEnd: boolean;
  scrollY: number;
  lastBottom: number;
  dockTop: number;
}

const SCROLL_PLACE = `(() => {
  const root = document.documentElement;
  const last = document.querySelector('.messages > li:last-child');
  return {
    atEnd: window.innerHeight + window.scrollY >= root.scrollHeight - 2,
    scrollY: window.scrollY,
    lastBottom: last ? last.getBoundingClientRect().bottom : 0,
    dockTop: document.querySelector('.dock').getBoundingClientRect().top,
  };
})()`;

/** A PNG as tall as a phone's screen, to send as a photo. */
function tallPicture(): Buffer {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="1000"><rect width="600" height="1000" fill="#6a4c93"/></svg>';
  return new Resvg(svg).render().asPng();
}

/** Types and sends a message; returns the mark before it. */
async function send(page: Page, text: string): Promise<number> {
  const mark = await chatLength(page);
  await page.getByLabel('Message').fill(text);
  await page.getByLabel('Message').press('Enter');
  return mark;
}

/**
 * What a newcomer does after `npm start` without a bot token: opens http://localhost:3000/ in a
 * browser and uses the whole product there, played by a real headless Chromium.
 */
describeNeeding(['Chromium'], 'the web chat in a browser (local mode)', () => {
  const LOCAL_MODE = { TELEGRAM_BOT_TOKEN: undefined, TELEGRAM_API_ROOT: undefined, LOCAL_BOT_API_PORT: '0' };
  let environment: TestEnvironment;
  let unused: BotApiStandIn;
  let sut: TestApp;
  let url: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    environment = await prepareTestEnvironment();
    unused = await startStandIn();
    await unused.stop();
    sut = await startTestApp(environment, unused, LOCAL_MODE);
    url = await sut.listen();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
    page = await browser.newPage({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2 });
    page.setDefaultTimeout(WAIT_MS);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('serves the page at / with its script and style, same-origin', async () => {
    const response = await request(sut.server).get('/');
    if (response.status === 404) throw new Error('GET / answered 404 in local mode: is WebChatModule imported in AppModule?');
    expect(response.status).toBe(200);

    expect(response.headers['content-type']).toContain('text/html');
    expect(response.text).toContain('<script type="module" src="/web-chat/chat.js">');
    // chat.js and every module it imports, however deep, are served as scripts.
    const modules = ['chat.js'];
    for (const name of modules) {
      const script = await request(sut.server).get(`/web-chat/${name}`).expect(200).expect('content-type', /javascript/);
      for (const [, imported] of script.text.matchAll(/^import .* from '\.\/([\w-]+\.js)';$/gm)) if (!modules.includes(imported)) modules.push(imported);
    }
    expect(modules.length).toBeGreaterThan(5);
    await request(sut.server).get('/web-chat/chat.css').expect(200).expect('content-type', /css/);
    await request(sut.server).get('/web-chat/api/bot').expect(200);
  });

  it('plays a new user through /start, buying Stars credits and a three-card reading with its picture', async () => {
    await page.goto(url);
    await page.locator('#user-button').click();
    await page.getByLabel('First name').fill('Tess');
    await page.getByLabel('Language').selectOption('en');
    await page.getByRole('button', { name: 'Start chatting' }).click();
    await page.locator('#bot-status', { hasText: 'bot' }).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('#user-name').textContent()).toBe('Tess');
    await page.evaluate(RECORD_STATUSES);

    let mark = await send(page, '/start');
    const welcome = await botReply(page, mark, 'Welcome, Tess!');
    expect(await welcome.locator('b').allTextContents()).toContain('5 credits');
    expect(await page.locator('.message.user', { hasText: '/start' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Commands' }).click();
    const menu = page.getByRole('listbox', { name: 'Bot commands' });
    await menu.waitFor({ timeout: WAIT_MS });
    expect(await menu.textContent()).toContain('/read');
    mark = await chatLength(page);
    await menu.getByRole('button', { name: /^\/buy/ }).click();
    const offer = await botReply(page, mark, 'Buy credits with Telegram Stars');
    mark = await chatLength(page);
    await offer.getByRole('button', { name: '50 credits · 500 ⭐' }).click();

    const invoice = await botReply(page, mark, 'Invoice');
    expect(await invoice.locator('.invoice-title').textContent()).toBe('50 tarot credits');
    await invoice.getByRole('button', { name: 'Pay 500 ⭐' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm payment' });
    await dialog.waitFor({ timeout: WAIT_MS });
    expect(await dialog.textContent()).toContain('Total 500 ⭐');
    mark = await chatLength(page);
    await dialog.getByRole('button', { name: 'Pay 500 ⭐' }).click();
    await page.locator('.service', { hasText: 'You paid 500 ⭐' }).waitFor({ timeout: WAIT_MS });
    const thanks = await botReply(page, mark, 'Thank you!');
    expect(await thanks.textContent()).toContain('50 credits were added. Your balance: 55 credits.');
    expect(await dialog.isVisible()).toBe(false);

    mark = await send(page, '/read');
    const spreads = await botReply(page, mark, 'Prices are in credits');
    expect(await spreads.textContent()).toContain('you have 55 credits');
    mark = await chatLength(page);
    await spreads.getByRole('button', { name: 'Past · Present · Future · 12 credits' }).click();
    const chosen = await botReply(page, mark, 'You chose Past · Present · Future (12 credits)');
    expect(await chosen.locator('b').first().textContent()).toBe('Past · Present · Future');

    mark = await send(page, 'What should I focus on this month?');
    const pictureMessage = page.locator(`.messages > li.message.bot:nth-child(n+${mark + 1})`, { has: page.locator('.photo img') }).first();
    const picture = pictureMessage.locator('.photo img');
    await picture.waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.waitForFunction((image) => (image as unknown as LoadedImage).complete, await picture.elementHandle(), { timeout: WAIT_MS });
    const size = await picture.evaluate((image) => {
      const { naturalWidth, naturalHeight } = image as unknown as LoadedImage;
      return { width: naturalWidth, height: naturalHeight };
    });
    expect(size.width).toBeGreaterThan(400);
    expect(size.height).toBeGreaterThan(250);
    // The picture took the place of "Shuffling…" (an edit), its caption naming the spread and listing the cards, once.
    expect(await pictureMessage.textContent()).toContain('Past · Present · Future');
    expect(await pictureMessage.textContent()).toContain('1. Past: ');
    expect(await pictureMessage.locator('.meta').textContent()).toMatch(/^edited /);
    expect(await page.locator('.messages > li.message.bot', { hasText: 'Shuffling the deck' }).count()).toBe(0);
    const interpretationMessage = await botReply(page, mark, 'The spread as a whole');
    expect(await interpretationMessage.textContent()).not.toContain('1. Past: ');
    const footer = await botReply(page, mark, 'credits spent');
    expect(await footer.textContent()).toContain('12 credits spent; 43 credits left.');
    expect(await footer.getByRole('button').count()).toBeGreaterThan(0);
    const order = await page.locator('.messages > li').evaluateAll((items) =>
      items.map((item) => (item.querySelector('.photo') ? 'picture' : (item.textContent ?? '').includes('The spread as a whole') ? 'interpretation' : '')),
    );
    expect(order.indexOf('picture')).toBeLessThan(order.indexOf('interpretation'));

    // A phone as tall as the whole chat, so the sticky header and composer sit at its ends in the picture.
    await page.locator('#toast').waitFor({ state: 'hidden', timeout: WAIT_MS });
    const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
    await page.setViewportSize({ width: 360, height });
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: resolve(OUTPUT, 'finished-reading.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 780 });
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('switches to another user, whose chat is their own, and back', async () => {
    await page.locator('#user-button').click();
    await page.getByRole('dialog', { name: 'Play as' }).getByRole('button', { name: /^A\s*Ann/ }).click();
    await page.locator('#empty').waitFor({ state: 'visible', timeout: WAIT_MS });
    expect(await page.locator('.message').count()).toBe(0);

    await page.locator('#user-button').click();
    await page.getByRole('dialog', { name: 'Play as' }).getByRole('button', { name: /Tess/ }).click();
    await botReply(page, 0, 'credits spent');
    expect(await page.locator('.message.bot .photo img').count()).toBe(1);
  }, 30_000);

  it('walks a language switch, a support request and a deletion that leaves the chat empty', async () => {
    await page.locator('#user-button').click();
    await page.getByLabel('First name').fill('Nadia');
    await page.getByLabel('Language').selectOption('en');
    await page.getByLabel('User id').fill('777001');
    await page.getByRole('button', { name: 'Start chatting' }).click();
    await page.locator('#empty').waitFor({ state: 'visible', timeout: WAIT_MS });
    let mark = await send(page, '/start');
    await botReply(page, mark, 'Welcome, Nadia!');

    // Українська, chosen in /preferences: confirmed, and answered, in Ukrainian from then on.
    mark = await send(page, '/preferences');
    const preferences = await botReply(page, mark, 'Your preferences');
    mark = await chatLength(page);
    await preferences.getByRole('button', { name: 'Українська' }).click();
    await botReply(page, mark, 'Ваші налаштування');
    mark = await send(page, '/balance');
    await botReply(page, mark, 'кредитів');

    // Support: the request is taken, and the user is told who answers and when.
    mark = await send(page, '/paysupport');
    await botReply(page, mark, 'зазвичай протягом 48 годин');
    mark = await send(page, 'Оплата пройшла, а кредитів немає');
    await botReply(page, mark, 'запит №');
    const [request] = await sut.dataSource.query(
      `SELECT s.data FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.telegram_id = 777001 AND s.session_type = 'support'`,
    );
    expect(request.data.messages.map((m: { text: string }) => m.text)).toEqual(['Оплата пройшла, а кредитів немає']);

    // /deleteme: the chat's history goes with the data; only the confirmation is left.
    mark = await send(page, '/deleteme');
    const confirm = await botReply(page, mark, 'Ви впевнені?');
    await confirm.getByRole('button', { name: 'Так, видалити мої дані' }).click();
    await page.locator('.messages > li.message', { hasText: 'Ваші дані видалено' }).waitFor({ timeout: WAIT_MS });
    await page.waitForFunction("document.querySelectorAll('.messages > li.message').length === 1", undefined, { timeout: WAIT_MS });
    expect(await page.locator('.messages').textContent()).not.toContain('Оплата пройшла');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  /** Calls the Bot API as the bot does; a FormData body is sent as multipart (uploads). */
  const bot = async (method: string, params: Record<string, unknown> | FormData): Promise<{ message_id: number }> => {
    const multipart = params instanceof FormData;
    const response = await fetch(`${sut.app.get(LocalBotApi).apiRoot}/bot${LOCAL_BOT_TOKEN}/${method}`, {
      method: 'POST',
      headers: multipart ? {} : { 'content-type': 'application/json' },
      body: multipart ? params : JSON.stringify(params),
    });
    const body = (await response.json()) as { ok: boolean; result: { message_id: number }; description?: string };
    if (!body.ok) throw new Error(`${method}: ${body.description}`);
    return body.result;
  };

  it("shows the bot's formatting, markup-like text as text, and its edits and deletions as they happen", async () => {    await page.locator('#user-button').click();
    await page.getByRole('dialog', { name: 'Play as' }).getByRole('button', { name: /Борис/ }).click();
    await send(page, 'привет');
    await page.locator('.message.user', { hasText: 'привет' }).waitFor();
    const mark = await chatLength(page);

    const rich = await bot('sendMessage', {
      chat_id: 1002,
      parse_mode: 'HTML',
      text: '<b>Bold</b> <i>soft</i> <a href="https://example.org/deck">deck</a> <tg-spoiler>hidden</tg-spoiler> &lt;script&gt;alert(1)&lt;/script&gt; <code>x &amp; y</code>',
    });
    await bot('sendMessage', { chat_id: 1002, text: 'evil link', entities: [{ type: 'text_link', offset: 0, length: 4, url: 'javascript:alert(1)' }] });

    const message = await botReply(page, mark, 'Bold');
    expect(await message.locator('b').textContent()).toBe('Bold');
    expect(await message.locator('i').textContent()).toBe('soft');
    expect(await message.locator('a').getAttribute('href')).toBe('https://example.org/deck');
    expect(await message.locator('.tg-spoiler').textContent()).toBe('hidden');
    expect(await message.locator('code').textContent()).toBe('x & y');
    expect(await message.textContent()).toContain('<script>alert(1)</script>');
    expect(await page.locator('.messages script').count()).toBe(0);
    const evil = await botReply(page, mark, 'evil link');
    expect(await evil.locator('a').count()).toBe(0);

    await bot('editMessageText', { chat_id: 1002, message_id: rich.message_id, text: 'Changed my mind' });
    const edited = await botReply(page, mark, 'Changed my mind');
    expect(await edited.textContent()).toContain('edited');
    expect(await page.locator('.message.bot', { hasText: 'Bold' }).count()).toBe(0);
    await bot('deleteMessage', { chat_id: 1002, message_id: rich.message_id });
    await edited.waitFor({ state: 'detached' });

    // A text turned into a picture in place (editMessageMedia), as "Shuffling…" becomes the spread.
    await page.evaluate(RECORD_STATUSES);
    await bot('sendChatAction', { chat_id: 1002, action: 'typing' });
    const placeholder = await bot('sendMessage', { chat_id: 1002, text: 'Shuffling for Boris' });
    await botReply(page, mark, 'Shuffling for Boris');
    const photo = new FormData();
    photo.set('chat_id', '1002');
    photo.set('message_id', String(placeholder.message_id));
    photo.set('media', JSON.stringify({ type: 'photo', media: 'attach://spread', caption: '<b>The Star</b> for Boris', parse_mode: 'HTML' }));
    photo.set('spread', new Blob([tallPicture()], { type: 'image/png' }), 'spread.png');
    await bot('editMessageMedia', photo);
    const pictured = await botReply(page, mark, 'The Star for Boris');
    await pictured.locator('.photo img').waitFor({ state: 'visible', timeout: WAIT_MS });
    expect(await pictured.locator('b').textContent()).toBe('The Star');
    expect(await pictured.getAttribute('data-message-id')).toBe(String(placeholder.message_id));
    expect(await page.locator('.message.bot', { hasText: 'Shuffling for Boris' }).count()).toBe(0);
    expect(await page.evaluate('window.statuses')).toContain('typing');
    expect(pageErrors).toEqual([]);
  }, 30_000);

  it("shows a message the bot is still writing in one bubble that grows with each draft, replaced by the message itself", async () => {
    await page.locator('#user-button').click();
    await page.getByRole('dialog', { name: 'Play as' }).getByRole('button', { name: /Ann/ }).click();
    const sent = await send(page, 'a draft, please');
    await page.locator('.message.user', { hasText: 'a draft, please' }).waitFor();
    // The bot answers stray text (a pointer to /help); arriving after the first draft, that answer would take its place.
    await botReply(page, sent, /\S/);
    const draft = page.locator('.messages > li.message.bot.draft');

    await bot('sendMessageDraft', { chat_id: 1001, draft_id: 41, text: '' });
    await draft.locator('.thinking').waitFor();
    await bot('sendMessageDraft', { chat_id: 1001, draft_id: 41, parse_mode: 'HTML', text: '<b>The Star</b> in the past' });
    await draft.filter({ hasText: 'The Star in the past' }).waitFor();
    expect(await draft.locator('b').textContent()).toBe('The Star');
    await bot('sendMessageDraft', { chat_id: 1001, draft_id: 41, parse_mode: 'HTML', text: '<b>The Star</b> in the past, and hope ahead' });
    await draft.filter({ hasText: 'and hope ahead' }).waitFor();
    expect(await draft.count()).toBe(1);
    expect(await page.locator('.messages > li:last-child').getAttribute('class')).toContain('draft');
    await page.screenshot({ path: resolve(OUTPUT, 'draft.png') });

    const mark = await chatLength(page);
    await bot('sendMessage', { chat_id: 1001, parse_mode: 'HTML', text: '<b>The Star</b> in the past, and hope ahead. The whole reading.' });
    await botReply(page, mark - 1, 'The whole reading.');
    await draft.waitFor({ state: 'detached' });
    expect(await page.locator('.messages > li.message.bot', { hasText: 'in the past' }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 30_000);

  it('follows the chat to the end of every new message while the reader is there, however tall, and stays put once they scroll up', async () => {
    await page.locator('#user-button').click();
    await page.getByRole('dialog', { name: 'Play as' }).getByRole('button', { name: /Олена/ }).click();
    await send(page, 'привіт');
    await page.locator('.message.user', { hasText: 'привіт' }).waitFor();
    const chatId = 1003;
    const place = async (): Promise<ScrollPlace> => (await page.evaluate(SCROLL_PLACE)) as ScrollPlace;
    /** The reader sees the end of the message: the page is at its end and the message clears the composer. */
    const expectFollowed = async (): Promise<void> => {
      // Polled from outside: the page's Content-Security-Policy forbids waitForFunction's string evaluation.
      let now = await place();
      for (const deadline = Date.now() + 5000; !now.atEnd && Date.now() < deadline; now = await place()) await page.waitForTimeout(50);
      expect(now.atEnd).toBe(true);
      expect(now.lastBottom).toBeLessThanOrEqual(now.dockTop + 1);
    };

    let mark = await chatLength(page);
    const photo = new FormData();
    photo.set('chat_id', String(chatId));
    photo.set('caption', 'A tall picture');
    photo.set('photo', new Blob([tallPicture()], { type: 'image/png' }), 'tall.png');
    await bot('sendPhoto', photo);
    const picture = (await botReply(page, mark, 'A tall picture')).locator('.photo img');
    await page.waitForFunction((image) => (image as unknown as LoadedImage).complete, await picture.elementHandle(), { timeout: WAIT_MS });
    expect((await picture.boundingBox())!.height).toBeGreaterThan(300);
    await expectFollowed();

    mark = await chatLength(page);
    const interpretation = Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1}: ${'the cards speak of patience and of change. '.repeat(5)}`).join('\n\n');
    await bot('sendMessage', { chat_id: chatId, text: interpretation });
    const long = await botReply(page, mark, 'Paragraph 12');
    expect((await long.boundingBox())!.height).toBeGreaterThan(780);
    await expectFollowed();

    mark = await chatLength(page);
    await bot('sendInvoice', {
      chat_id: chatId,
      title: 'A tall invoice',
      description: 'Credits for readings',
      payload: 'scroll-test',
      currency: 'XTR',
      prices: [{ label: 'Credits', amount: 100 }],
      reply_markup: { inline_keyboard: [[{ text: 'Pay 100 ⭐', pay: true }], [{ text: 'Maybe later', callback_data: 'v1:noop' }]] },
    });
    await botReply(page, mark, 'A tall invoice');
    await expectFollowed();

    await page.evaluate('window.scrollTo({ top: 0 })');
    await page.waitForFunction('window.scrollY === 0');
    mark = await chatLength(page);
    await bot('sendMessage', { chat_id: chatId, text: 'While you were reading above' });
    await botReply(page, mark, 'While you were reading above');
    await page.waitForTimeout(300);
    expect((await place()).scrollY).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('shows every chat as it was after the app restarts: live in the tab left open, and after a reload', async () => {
    const before = await page.locator('.messages > li').allTextContents();
    expect(before.length).toBeGreaterThan(3);
    const port = new URL(url).port;
    await page.locator('#bot-status', { hasText: 'bot' }).waitFor();

    const stopping = Date.now();
    await sut.close();
    const stopMs = Date.now() - stopping;
    await page.locator('#bot-status', { hasText: 'connecting' }).waitFor({ timeout: WAIT_MS });
    sut = await startTestApp(environment, unused, LOCAL_MODE);
    await sut.app.listen(Number(port), '127.0.0.1');

    await page.locator('#bot-status', { hasText: 'bot' }).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('.messages > li').allTextContents()).toEqual(before);
    // The tab was open during the stop: its event stream must not have held the server up.
    expect(stopMs).toBeLessThan(10_000);
    // While the app was down the page's requests failed, as they should; from here on nothing may.
    pageErrors.length = 0;

    await page.reload();
    await page.locator('#user-button').click();
    await page.getByRole('dialog', { name: 'Play as' }).getByRole('button', { name: /Tess/ }).click();
    const footer = await botReply(page, 0, 'credits spent');
    expect(await footer.textContent()).toContain('12 credits spent; 43 credits left.');
    const picture = page.locator('.message.bot .photo img').first();
    await page.waitForFunction((image) => (image as unknown as LoadedImage).complete, await picture.elementHandle(), { timeout: WAIT_MS });
    expect(await picture.evaluate((image) => (image as unknown as LoadedImage).naturalWidth)).toBeGreaterThan(400);

    const mark = await send(page, '/balance');
    expect(await (await botReply(page, mark, 'You have 43 credits')).isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});

describe('the web chat with a real bot token', () => {
  let standIn: BotApiStandIn;
  let sut: TestApp;

  beforeAll(async () => {
    standIn = await startStandIn();
    sut = await startTestApp(await prepareTestEnvironment(), standIn);
  }, 60_000);

  afterAll(async () => {
    await sut?.close();
    await standIn?.stop();
  });

  it('is not served at all', async () => {
    await request(sut.server).get('/').expect(404);
    await request(sut.server).get('/web-chat/chat.js').expect(404);
    await request(sut.server).get('/web-chat/api/users/1/messages').expect(404);
  });
});
