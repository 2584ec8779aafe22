import { BotApiError } from './bot-api-error';
import { BotApiLimitChecker } from './bot-api-limit-checker';
import { BotApiSpec, DEFAULT_BOT_API_SPEC } from './bot-api-spec';
import { BotApiValidator } from './bot-api-validator';
import { MessageTextFormatter } from './message-text-formatter';
import { ParamDecoder } from './param-decoder';
import { UploadedFile } from './uploaded-file';

describe('Bot API conformance checks', () => {
  const spec = BotApiSpec.load(DEFAULT_BOT_API_SPEC, (line) => {
    throw new Error(line);
  }) as BotApiSpec;
  const validator = new BotApiValidator(spec);
  const decoder = new ParamDecoder(spec);
  const limits = new BotApiLimitChecker(new MessageTextFormatter());

  /** What the stand-in does with a call before running it; returns the error description or null. */
  function check(method: string, params: Record<string, unknown>, fromForm = false): string | null {
    try {
      const decoded = decoder.decode(method, params, fromForm);
      validator.validate(method, decoded);
      limits.check(method, decoded);
      return null;
    } catch (error) {
      if (error instanceof BotApiError) return error.description;
      throw error;
    }
  }

  const keyboard = (buttons: unknown[][]) => ({ inline_keyboard: buttons });

  describe('methods and required fields', () => {
    it('refuses a method the spec does not have', () => {
      expect(check('sendTarotCard', { chat_id: 1 })).toBe('Bad Request: method "sendTarotCard" not found');
    });

    it('finds methods case-insensitively, like Telegram', () => {
      expect(check('SENDMESSAGE', { chat_id: 1, text: 'hi' })).toBeNull();
    });

    it('refuses a call without a required field', () => {
      expect(check('sendMessage', { chat_id: 1 })).toBe('Bad Request: parameter "text" is required');
      expect(check('answerPreCheckoutQuery', { pre_checkout_query_id: '1' })).toMatch(/"ok" is required/);
    });

    it('accepts methods without parameters and ignores unknown fields', () => {
      expect(check('getMe', {})).toBeNull();
      expect(check('sendMessage', { chat_id: 1, text: 'hi', some_future_field: { x: 1 } })).toBeNull();
    });
  });

  describe('field types', () => {
    it('accepts "Integer or String" chat ids in both forms', () => {
      expect(check('sendMessage', { chat_id: 42, text: 'hi' })).toBeNull();
      expect(check('sendMessage', { chat_id: '@channel', text: 'hi' })).toBeNull();
      expect(check('sendMessage', { chat_id: true, text: 'hi' })).toBe(
        'Bad Request: field "chat_id" must be of type Integer or String',
      );
    });

    it('refuses wrong primitive types', () => {
      expect(check('sendMessage', { chat_id: 1, text: 42 })).toBe('Bad Request: field "text" must be of type String');
      expect(check('deleteMessage', { chat_id: 1, message_id: 'first' })).toBe(
        'Bad Request: field "message_id" must be of type Integer',
      );
      expect(check('deleteMessage', { chat_id: 1, message_id: 1.5 })).toMatch(/message_id" must be of type Integer/);
      expect(check('sendMessage', { chat_id: 1, text: 'hi', disable_notification: 'maybe' })).toMatch(
        /disable_notification" must be of type Boolean/,
      );
    });

    it('converts top-level strings where the spec expects numbers, booleans or objects (form bodies)', () => {
      const params = {
        chat_id: '42',
        text: 'hi',
        disable_notification: 'true',
        reply_markup: JSON.stringify(keyboard([[{ text: 'Go', callback_data: 'go' }]])),
      };
      expect(check('sendMessage', params, true)).toBeNull();
      const decoded = decoder.decode('sendMessage', params, true);
      expect(decoded.disable_notification).toBe(true);
      expect(decoded.reply_markup).toEqual(keyboard([[{ text: 'Go', callback_data: 'go' }]]));
      expect(check('deleteMessage', { chat_id: '1', message_id: '7' }, true)).toBeNull();
    });

    it('refuses a JSON-serialised field that is not JSON', () => {
      expect(check('sendMessage', { chat_id: 1, text: 'hi', reply_markup: '{inline' }, true)).toBe(
        "Bad Request: can't parse reply_markup JSON object",
      );
    });

    it('accepts an uploaded file or a string as InputFile, and nothing else', () => {
      const file = new UploadedFile('photo', 'card.jpg', 'image/jpeg', 1000);
      expect(check('sendPhoto', { chat_id: 1, photo: file })).toBeNull();
      expect(check('sendPhoto', { chat_id: 1, photo: 'AgACAgIAAx-file-id' })).toBeNull();
      expect(check('sendPhoto', { chat_id: 1, photo: 12 })).toMatch(/"photo" must be of type InputFile or String/);
      expect(check('sendMessage', { chat_id: 1, text: file })).toMatch(/"text" must be of type String/);
    });
  });

  describe('nested objects', () => {
    it('validates inline keyboards (Array of Array of InlineKeyboardButton) recursively', () => {
      const ok = keyboard([[{ text: 'Yes', callback_data: 'y' }, { text: 'Site', url: 'https://example.org' }]]);
      expect(check('sendMessage', { chat_id: 1, text: 'hi', reply_markup: ok })).toBeNull();

      const noText = keyboard([[{ text: 'Yes', callback_data: 'y' }], [{ callback_data: 'n' }]]);
      expect(check('sendMessage', { chat_id: 1, text: 'hi', reply_markup: noText })).toBe(
        'Bad Request: field "reply_markup.inline_keyboard[1][0].text" is required',
      );
      const numericData = keyboard([[{ text: 'Yes', callback_data: 5 }]]);
      expect(check('sendMessage', { chat_id: 1, text: 'hi', reply_markup: numericData })).toBe(
        'Bad Request: field "reply_markup.inline_keyboard[0][0].callback_data" must be of type String',
      );
      const flatRow = { inline_keyboard: [{ text: 'Yes', callback_data: 'y' }] };
      expect(check('sendMessage', { chat_id: 1, text: 'hi', reply_markup: flatRow })).toMatch(
        /reply_markup.inline_keyboard\[0\]" must be of type Array of InlineKeyboardButton/,
      );
    });

    it('refuses an inline button without an action', () => {
      const textOnly = keyboard([[{ text: 'Just text' }]]);
      expect(check('sendMessage', { chat_id: 1, text: 'hi', reply_markup: textOnly })).toMatch(
        /Text buttons are unallowed in the inline keyboard/,
      );
    });

    it('accepts the other reply_markup kinds', () => {
      expect(check('sendMessage', { chat_id: 1, text: 'hi', reply_markup: { remove_keyboard: true } })).toBeNull();
      expect(
        check('sendMessage', { chat_id: 1, text: 'hi', reply_markup: { keyboard: [[{ text: 'A' }]], resize_keyboard: true } }),
      ).toBeNull();
    });

    it('validates LabeledPrice, ReplyParameters and LinkPreviewOptions fields', () => {
      const invoice = { chat_id: 1, title: 'Deck', description: 'Ten readings', payload: 'p', currency: 'XTR' };
      expect(check('sendInvoice', { ...invoice, prices: [{ label: 'Deck', amount: '50' }] })).toMatch(
        /prices\[0\].amount" must be of type Integer/,
      );
      expect(check('sendInvoice', { ...invoice, prices: [{ amount: 50 }] })).toMatch(/prices\[0\].label" is required/);
      expect(check('sendMessage', { chat_id: 1, text: 'hi', reply_parameters: {} })).toMatch(
        /reply_parameters.message_id" is required/,
      );
      expect(check('sendMessage', { chat_id: 1, text: 'hi', link_preview_options: { is_disabled: 'yes' } })).toMatch(
        /link_preview_options.is_disabled" must be of type Boolean/,
      );
    });

    it('accepts any subtype of a type with subtypes, chosen by its type field', () => {
      const commands = [{ command: 'start', description: 'Start' }];
      expect(check('setMyCommands', { commands, scope: { type: 'default' } })).toBeNull();
      expect(check('setMyCommands', { commands, scope: { type: 'chat', chat_id: 5 } })).toBeNull();
      expect(check('setMyCommands', { commands, scope: { type: 'chat' } })).toBe(
        'Bad Request: field "scope.chat_id" is required',
      );
      expect(check('setMyCommands', { commands, scope: { type: 'everyone' } })).toMatch(
        /field "scope.type" must be one of "default", "all_private_chats"/,
      );
    });
  });

  describe('limits from the field descriptions', () => {
    const invoice = {
      chat_id: 1,
      title: 'Ten readings',
      description: 'A pack of ten tarot readings',
      payload: 'pack:10',
      currency: 'XTR',
      prices: [{ label: 'Pack', amount: 100 }],
    };

    it('refuses callback_data over 64 bytes', () => {
      const markup = (data: string) => keyboard([[{ text: 'Go', callback_data: data }]]);
      expect(check('sendMessage', { chat_id: 1, text: 'hi', reply_markup: markup('x'.repeat(64)) })).toBeNull();
      expect(check('sendMessage', { chat_id: 1, text: 'hi', reply_markup: markup('x'.repeat(65)) })).toBe(
        'Bad Request: BUTTON_DATA_INVALID',
      );
      expect(check('sendMessage', { chat_id: 1, text: 'hi', reply_markup: markup('é'.repeat(33)) })).toBe(
        'Bad Request: BUTTON_DATA_INVALID',
      );
      expect(check('sendMessage', { chat_id: 1, text: 'hi', reply_markup: markup('') })).toBe(
        'Bad Request: BUTTON_DATA_INVALID',
      );
    });

    it('refuses message text over 4096 characters or empty', () => {
      expect(check('sendMessage', { chat_id: 1, text: 'a'.repeat(4096) })).toBeNull();
      expect(check('sendMessage', { chat_id: 1, text: 'a'.repeat(4097) })).toBe('Bad Request: message is too long');
      expect(check('sendMessage', { chat_id: 1, text: '   ' })).toBe('Bad Request: message text is empty');
      expect(check('editMessageText', { chat_id: 1, message_id: 2, text: 'a'.repeat(4097) })).toMatch(/too long/);
    });

    it('counts HTML text after the tags are parsed', () => {
      const text = `<b>${'a'.repeat(4096)}</b>`;
      expect(check('sendMessage', { chat_id: 1, text, parse_mode: 'HTML' })).toBeNull();
      expect(check('sendMessage', { chat_id: 1, text })).toBe('Bad Request: message is too long');
    });

    it('refuses captions over 1024 characters', () => {
      expect(check('sendPhoto', { chat_id: 1, photo: 'id', caption: 'c'.repeat(1024) })).toBeNull();
      expect(check('sendPhoto', { chat_id: 1, photo: 'id', caption: 'c'.repeat(1025) })).toBe(
        'Bad Request: message caption is too long',
      );
    });

    it('refuses unbalanced or unsupported HTML like Telegram', () => {
      expect(check('sendMessage', { chat_id: 1, text: '<b>bold <i>both</b></i>', parse_mode: 'HTML' })).toBe(
        'Bad Request: can\'t parse entities: Unmatched end tag at byte offset 15, expected "</i>", found "</b>"',
      );
      expect(check('sendMessage', { chat_id: 1, text: '<b>open', parse_mode: 'HTML' })).toBe(
        'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"',
      );
      expect(check('sendMessage', { chat_id: 1, text: 'line<br>break', parse_mode: 'HTML' })).toBe(
        'Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 4',
      );
      expect(check('sendMessage', { chat_id: 1, text: '<b>fine</b> &amp; <tg-spoiler>x</tg-spoiler>', parse_mode: 'HTML' })).toBeNull();
      expect(check('sendMessage', { chat_id: 1, text: 'hi', parse_mode: 'BBCode' })).toBe(
        'Bad Request: unsupported parse_mode',
      );
    });

    it('limits answerCallbackQuery text to 200 characters', () => {
      expect(check('answerCallbackQuery', { callback_query_id: '1', text: 't'.repeat(200) })).toBeNull();
      expect(check('answerCallbackQuery', { callback_query_id: '1', text: 't'.repeat(201) })).toMatch(/MESSAGE_TOO_LONG/);
    });

    it('checks invoice titles, descriptions and payloads', () => {
      expect(check('sendInvoice', invoice)).toBeNull();
      expect(check('sendInvoice', { ...invoice, title: 't'.repeat(33) })).toMatch(/title must be 1-32 characters/);
      expect(check('createInvoiceLink', { ...invoice, chat_id: undefined, title: '' })).toMatch(/title/);
      expect(check('sendInvoice', { ...invoice, description: 'd'.repeat(256) })).toMatch(/description must be 1-255/);
      expect(check('sendInvoice', { ...invoice, payload: 'p'.repeat(129) })).toMatch(/payload must be 1-128 bytes/);
    });

    it('requires exactly one price and no provider token for Telegram Stars', () => {
      const twoPrices = [
        { label: 'Pack', amount: 100 },
        { label: 'Bonus', amount: 10 },
      ];
      expect(check('sendInvoice', { ...invoice, prices: twoPrices })).toMatch(/exactly one price/);
      expect(check('sendInvoice', { ...invoice, provider_token: '' })).toBeNull();
      expect(check('sendInvoice', { ...invoice, provider_token: '284685063:TEST:abc' })).toMatch(/provider_token must be empty/);
      expect(check('sendInvoice', { ...invoice, prices: [{ label: 'Free', amount: 0 }] })).toMatch(
        /CURRENCY_TOTAL_AMOUNT_INVALID/,
      );
    });

    it('only accepts a 30-day subscription_period on Stars invoice links', () => {
      const link = { ...invoice, chat_id: undefined };
      expect(check('createInvoiceLink', { ...link, subscription_period: 2592000 })).toBeNull();
      expect(check('createInvoiceLink', { ...link, subscription_period: 604800 })).toMatch(/SUBSCRIPTION_PERIOD_INVALID/);
    });

    it('checks bot commands and webhook secrets', () => {
      expect(check('setMyCommands', { commands: [{ command: 'draw_3', description: 'Three cards' }] })).toBeNull();
      expect(check('setMyCommands', { commands: [{ command: 'Draw', description: 'x' }] })).toBe(
        'Bad Request: BOT_COMMAND_INVALID',
      );
      expect(check('setMyCommands', { commands: [{ command: 'c'.repeat(33), description: 'x' }] })).toMatch(
        /BOT_COMMAND_INVALID/,
      );
      expect(check('setMyCommands', { commands: [{ command: 'draw', description: '' }] })).toMatch(
        /BOT_COMMAND_DESCRIPTION_INVALID/,
      );
      expect(check('setWebhook', { url: 'https://bot.example/hook', secret_token: 'abc_DEF-123' })).toBeNull();
      expect(check('setWebhook', { url: 'https://bot.example/hook', secret_token: 'no spaces!' })).toMatch(/secret token/);
      expect(check('setWebhook', { url: 'https://bot.example/hook', secret_token: 's'.repeat(257) })).toMatch(/secret token/);
    });
  });
});

describe('BotApiSpec.load', () => {
  it('returns null and logs exactly one line when the file is absent', () => {
    const lines: string[] = [];
    expect(BotApiSpec.load('/nowhere/bot-api.json', (line) => lines.push(line))).toBeNull();
    expect(BotApiSpec.load(null, (line) => lines.push(line))).toBeNull();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/skips conformance checking/);
  });
});
