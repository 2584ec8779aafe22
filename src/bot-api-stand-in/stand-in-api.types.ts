import type { TgMessage, TgMessageEntity, TgUpdate } from './telegram-objects.types';

export type StandInLogger = (line: string) => void;

export interface StandInOptions {
  logger?: StandInLogger;
  /** How long after a callback_query the bot may still answer it (Telegram: about 15 s). */
  callbackAnswerTimeoutMs?: number;
  /** How long payInvoice waits for answerPreCheckoutQuery (Telegram: 10 s). */
  preCheckoutTimeoutMs?: number;
  /** How long a webhook POST may take before it counts as failed. */
  webhookTimeoutMs?: number;
  /** Identity returned by getMe when the token carries no numeric bot id. */
  botId?: number;
  botFirstName?: string;
  botUsername?: string;
  /** update_id of the first update. */
  firstUpdateId?: number;
  /** Clock in milliseconds, used for message dates and answer deadlines. */
  now?: () => number;
  /**
   * A directory to keep the chats, payments and sent files in, so that they survive a restart
   * (local mode). Without it everything lives in memory and ends with the process (tests).
   */
  stateDir?: string;
  /** Recorded calls kept (the latest); unlimited by default, so tests can read every call. */
  maxRecordedCalls?: number;
}

export interface PlayingUserProfile {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export type PlayingUser = number | PlayingUserProfile;

export interface CallRecord {
  index: number;
  method: string;
  token: string;
  params: Record<string, unknown>;
  ok: boolean;
  errorCode?: number;
  description?: string;
  result?: unknown;
  at: number;
  via: 'http' | 'webhook-reply';
}

export type CallMatcher = string | ((call: CallRecord) => boolean);

export interface WaitForCallOptions {
  timeoutMs?: number;
  /** Only calls whose index is >= after count (see mark()). */
  after?: number;
}

export interface FaultSpec {
  error_code: number;
  description?: string;
  retry_after?: number;
}

/** Any update, well-formed or not, for deliver()/deliverTo(). */
export type RawUpdate = Record<string, unknown>;

export interface DeliveryReport {
  update: TgUpdate;
  /** webhook: POSTed to the webhook; queue: waiting for getUpdates; url: deliverTo; filtered: dropped by allowed_updates. */
  via: 'webhook' | 'queue' | 'url' | 'filtered';
  /** HTTP status of the webhook response; 0 when the request itself failed. */
  status?: number;
  error?: string;
}

export interface UserMessageReport extends DeliveryReport {
  message: TgMessage;
}

export interface ButtonPressReport extends DeliveryReport {
  callbackQueryId: string;
}

export interface PayInvoiceOptions {
  /** Chat that holds the invoice message when the payer is not its recipient (a forwarded invoice). */
  fromChatOf?: number;
  timeoutMs?: number;
}

/** The invoice fields a pre_checkout_query carries. */
export interface PreCheckoutFields {
  currency: string;
  total_amount: number;
  invoice_payload: string;
}

export interface PaymentResult {
  ok: boolean;
  reason?: 'refused' | 'timeout' | 'canceled' | 'stopped';
  errorMessage?: string;
  chargeId?: string;
  /** The successful_payment update when ok, otherwise the pre_checkout_query update (if one was sent). */
  update?: TgUpdate;
  preCheckoutUpdate?: TgUpdate;
  message?: TgMessage;
}

/** What sendMessageDraft shows in a chat: a preview of a message being written, until the bot sends one or 30 s pass. */
export interface ChatDraft {
  draft_id: number;
  /** Empty: Telegram shows a "Thinking..." placeholder. */
  text: string;
  entities?: TgMessageEntity[];
  /** Unix time of the last update. */
  date: number;
}

export interface ChatEntry {
  side: 'user' | 'bot';
  message: TgMessage;
  deleted: boolean;
  /** A reply keyboard / remove / force-reply markup, which Message objects do not carry. */
  replyKeyboard?: unknown;
}

export interface ResetOptions {
  /** Also forget the bot's setup (webhook, commands, allowed_updates). */
  all?: boolean;
}
