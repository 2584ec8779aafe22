import 'reflect-metadata';
import { updateShapeProblem } from './update-shape';

const chat = { id: 42, type: 'private', first_name: 'Ada' };
const from = { id: 42, is_bot: false, first_name: 'Ada', language_code: 'en' };
const message = (fields: Record<string, unknown> = {}) => ({ update_id: 7, message: { message_id: 1, date: 1, chat, from, text: 'hi', ...fields } });

describe('updateShapeProblem', () => {
  it('accepts the updates the bot handles, with fields it does not know', () => {
    expect(updateShapeProblem(message({ entities: [{ type: 'bot_command', offset: 0, length: 5 }], some_new_field: { a: 1 } }))).toBeUndefined();
    expect(updateShapeProblem({ update_id: 8, callback_query: { id: 'q', from, chat_instance: 'c', data: 'v1:x', message: { message_id: 3, date: 0, chat } } })).toBeUndefined();
    expect(updateShapeProblem({ update_id: 9, pre_checkout_query: { id: 'p', from, currency: 'XTR', total_amount: 50, invoice_payload: 'p1' } })).toBeUndefined();
    expect(updateShapeProblem({ update_id: 10, my_chat_member: { chat, from, date: 1, old_chat_member: { status: 'member' }, new_chat_member: { status: 'kicked' } } })).toBeUndefined();
    expect(updateShapeProblem({ update_id: 11, business_message: 'a kind the bot does not handle' })).toBeUndefined();
  });

  it('names the first field that breaks the Bot API types', () => {
    expect(updateShapeProblem(message({ text: 12 }))).toBe('message.text');
    expect(updateShapeProblem(message({ from: { ...from, id: [true] } }))).toBe('message.from.id');
    expect(updateShapeProblem(message({ from: {} }))).toBe('message.from.id');
    expect(updateShapeProblem(message({ chat: 'x' }))).toBe('message.chat');
    expect(updateShapeProblem({ update_id: 1, message: [] })).toBe('message');
    expect(updateShapeProblem({ update_id: 1, my_chat_member: { chat, from, date: 1, old_chat_member: [], new_chat_member: null } })).toBe('my_chat_member.old_chat_member');
    expect(updateShapeProblem({ update_id: 1, pre_checkout_query: { id: 'p', from, currency: 'XTR', total_amount: '50', invoice_payload: 'p1' } })).toBe('pre_checkout_query.total_amount');
    expect(updateShapeProblem({ update_id: 2 ** 60 })).toBe('update_id');
  });

  it('refuses values past what Telegram sends or the database stores', () => {
    const paid = (fields: Record<string, unknown>) =>
      message({ text: undefined, successful_payment: { currency: 'XTR', total_amount: 50, invoice_payload: 'p1:1:a:50:42', telegram_payment_charge_id: 'c', ...fields } });
    expect(updateShapeProblem(paid({}))).toBeUndefined();
    expect(updateShapeProblem(paid({ telegram_payment_charge_id: 'c'.repeat(400) }))).toBe('message.successful_payment.telegram_payment_charge_id');
    expect(updateShapeProblem(paid({ subscription_expiration_date: 1e15 }))).toBe('message.successful_payment.subscription_expiration_date');
    expect(updateShapeProblem(paid({ total_amount: 2 ** 31 }))).toBe('message.successful_payment.total_amount');
    expect(updateShapeProblem(paid({ invoice_payload: 'p'.repeat(129) }))).toBe('message.successful_payment.invoice_payload');
    expect(updateShapeProblem(message({ date: 1e15 }))).toBe('message.date');
    expect(updateShapeProblem(message({ text: 'x'.repeat(4097) }))).toBe('message.text');
    expect(updateShapeProblem(message({ text: null }))).toBe('message.text');
    expect(updateShapeProblem({ update_id: 8, callback_query: { id: 'q', from, chat_instance: 'c', data: `v1:open:${'9'.repeat(60)}` } })).toBe('callback_query.data');
  });

  it('refuses what is not an object, and bodies nested past any update', () => {
    expect(updateShapeProblem([])).toBe('the body is not an object');
    expect(updateShapeProblem(null)).toBe('the body is not an object');
    expect(updateShapeProblem({ update_id: 1, x: JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`) })).toMatch(/^x(\.0)+ nests deeper than/);
    expect(updateShapeProblem({ update_id: 1, pre_checkout_query: { total_amount: { constructor: true } } })).toBe('pre_checkout_query.total_amount.constructor is not an allowed field name');
  });
});
