import { Language } from 'src/common/i18n/i18n.service';

/** At most this many messages are kept per request, and this many characters per message. */
export const MAX_SUPPORT_MESSAGES = 50;
export const MAX_SUPPORT_TEXT = 4000;

export const SUPPORT_STATES = ['new', 'open', 'answered'] as const;
/**
 * `new`: /paysupport was sent, nothing written yet; `open`: the user waits for an answer;
 * `answered`: an operator answered the user's last message.
 */
export type SupportState = (typeof SUPPORT_STATES)[number];

export interface SupportMessage {
  from: 'user' | 'operator';
  text: string;
  at: string;
  /** The operator who answered (a REST token's name, or the operator's Telegram name). */
  operator?: string;
}

/**
 * A support request, kept as the data of its `user_sessions` row: the session's status says
 * whether the user's next messages still go to it, `state` whether it waits for an operator.
 */
export interface SupportRequestData extends Record<string, unknown> {
  state: SupportState;
  telegramId: string;
  language: Language;
  messages: SupportMessage[];
  /** The ids of the messages forwarded to the operators' chat, so that a reply finds its request. */
  operatorMessageIds: number[];
}
