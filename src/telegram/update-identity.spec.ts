import type { Update } from 'telegraf/types';
import { updateIdentity } from './update-identity';

const message = (messageId: number, text: string) =>
  ({
    update_id: 7,
    message: { message_id: messageId, date: 1, chat: { id: 42, type: 'private' }, from: { id: 42, is_bot: false, first_name: 'A' }, text },
  }) as unknown as Update;

describe('updateIdentity', () => {
  it('is the same for a redelivery of the same update', () => {
    expect(updateIdentity(1, message(5, '/start'))).toBe(updateIdentity(1, message(5, '/start')));
  });

  it('differs for another bot, or another message under the same update_id', () => {
    const identities = new Set([updateIdentity(1, message(5, '/start')), updateIdentity(2, message(5, '/start')), updateIdentity(1, message(6, '/start'))]);
    expect(identities.size).toBe(3);
  });

  it('tells button presses and pre-checkout queries apart by their own ids', () => {
    const press = (id: string) => ({ update_id: 7, callback_query: { id, from: { id: 42 }, data: 'v1:read' } }) as unknown as Update;
    expect(updateIdentity(1, press('a'))).toBe('1:7:callback_query:a');
    expect(updateIdentity(1, press('b'))).not.toBe(updateIdentity(1, press('a')));
    const member = { update_id: 8, my_chat_member: { chat: { id: 42 }, date: 99 } } as unknown as Update;
    expect(updateIdentity(undefined, member)).toBe('0:8:my_chat_member:42:99');
  });
});
