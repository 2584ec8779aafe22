import express from 'express';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { localHostsOnly } from './local-host-guard';
import { BotApiCallProcessor } from './bot-api-call-processor';
import { BotApiController } from './bot-api-controller';
import { BotApiLimitChecker } from './bot-api-limit-checker';
import { BotApiSpec } from './bot-api-spec';
import { BotApiValidator } from './bot-api-validator';
import { BotIdentity } from './bot-identity';
import { BotMessageFactory } from './bot-message-factory';
import { BotSetupMethodHandler } from './bot-setup-method-handler';
import { CallRecorder } from './call-recorder';
import { CallbackQueryRegistry } from './callback-query-registry';
import type { ChatListener } from './chat-events';
import { ChatRegistry } from './chat-registry';
import { FaultInjector } from './fault-injector';
import { FileStore, type StoredFile } from './file-store';
import { IdGenerator } from './id-generator';
import { LocalUserController } from './local-user-controller';
import { MessageMethodHandler } from './message-method-handler';
import { MessageTextFormatter } from './message-text-formatter';
import { ParamDecoder } from './param-decoder';
import { PaymentLedger, type ChargeRecord, type InvoiceRecord, type SubscriptionRecord } from './payment-ledger';
import { PaymentMethodHandler } from './payment-method-handler';
import { PreCheckoutRegistry } from './pre-checkout-registry';
import { type StandInSnapshot, StandInStateFile } from './stand-in-state-file';
import type {
  ButtonPressReport,
  CallMatcher,
  CallRecord,
  ChatDraft,
  ChatEntry,
  DeliveryReport,
  FaultSpec,
  PayInvoiceOptions,
  PaymentResult,
  PreCheckoutFields,
  PlayingUser,
  RawUpdate,
  ResetOptions,
  StandInOptions,
  UserMessageReport,
  WaitForCallOptions,
} from './stand-in-api.types';
import type { TgBotCommand, TgMessage, TgStarTransaction, TgUpdate, TgUser } from './telegram-objects.types';
import { UpdateDispatcher, type WebhookConfig } from './update-dispatcher';
import { UpdateQueue } from './update-queue';
import { UserActionSimulator } from './user-action-simulator';
import { WebhookClient } from './webhook-client';

const DEFAULTS = {
  callbackAnswerTimeoutMs: 15_000,
  preCheckoutTimeoutMs: 10_000,
  webhookTimeoutMs: 30_000,
  botId: 7_000_000_001,
  botFirstName: 'Tarot Bot (stand-in)',
  botUsername: 'tarot_standin_bot',
  firstUpdateId: 100_000_001,
};
const STOP_GRACE_MS = 1000;
/** Telegram shows a draft as a temporary preview of this long after its last update. */
const DRAFT_LIFETIME_SECONDS = 30;

/**
 * A local stand-in for Telegram's Bot API server: the bot (telegraf with telegram.apiRoot set to start()'s URL)
 * talks to it over HTTP, while tests or people in local mode play the users.
 */
export class BotApiStandIn {
  readonly spec: BotApiSpec | null;
  private readonly now: () => number;
  private readonly nowSeconds: () => number;
  private readonly ids = new IdGenerator();
  private readonly recorder: CallRecorder;
  private readonly faults = new FaultInjector();
  private readonly queue = new UpdateQueue();
  private readonly ledger = new PaymentLedger();
  private readonly preCheckouts = new PreCheckoutRegistry();
  private readonly files: FileStore;
  private readonly stateFile: StandInStateFile | undefined;
  private resets = 0;
  private readonly chats: ChatRegistry;
  private readonly callbacks: CallbackQueryRegistry;
  private readonly identity: BotIdentity;
  private readonly dispatcher: UpdateDispatcher;
  private readonly setup: BotSetupMethodHandler;
  private readonly processor: BotApiCallProcessor;
  private readonly users: UserActionSimulator;
  private server: Server | null = null;
  private localUsers: LocalUserController | null = null;
  private baseUrl: string | null = null;
  private readonly inFlight = new Set<ServerResponse>();

  constructor(specPath: string | null, options: StandInOptions = {}) {
    const settings = { ...DEFAULTS, ...definedOnly(options) };
    const logger = options.logger ?? (() => undefined);
    this.now = options.now ?? Date.now;
    this.nowSeconds = () => Math.floor(this.now() / 1000);
    this.spec = BotApiSpec.load(specPath, logger);
    this.recorder = new CallRecorder(options.maxRecordedCalls);
    this.files = new FileStore(undefined, options.stateDir && join(options.stateDir, 'files'));
    this.stateFile = options.stateDir ? new StandInStateFile(join(options.stateDir, 'chats.json'), logger) : undefined;
    this.chats = new ChatRegistry(this.ids);
    this.callbacks = new CallbackQueryRegistry(this.now, settings.callbackAnswerTimeoutMs);
    this.identity = new BotIdentity({ id: settings.botId, firstName: settings.botFirstName, username: settings.botUsername });
    this.dispatcher = new UpdateDispatcher(
      this.queue,
      new WebhookClient(settings.webhookTimeoutMs),
      settings.firstUpdateId,
      this.nowSeconds,
    );
    const formatter = new MessageTextFormatter();
    const messages = new BotMessageFactory(this.chats, this.faults, this.ids, this.nowSeconds, this.files);
    this.setup = new BotSetupMethodHandler(this.dispatcher, this.queue);
    const messageMethods = new MessageMethodHandler(
      this.chats,
      this.faults,
      messages,
      formatter,
      this.callbacks,
      this.ids,
      this.nowSeconds,
    );
    const paymentMethods = new PaymentMethodHandler(messages, this.ledger, this.preCheckouts, this.ids, this.nowSeconds);
    this.processor = new BotApiCallProcessor({
      spec: this.spec,
      decoder: new ParamDecoder(this.spec),
      validator: this.spec ? new BotApiValidator(this.spec) : null,
      limits: new BotApiLimitChecker(formatter),
      faults: this.faults,
      recorder: this.recorder,
      identity: this.identity,
      handlers: { ...this.setup.methods(), ...messageMethods.methods(), ...paymentMethods.methods() },
      logger,
      now: this.now,
    });
    this.dispatcher.onWebhookReply(async (reply) => {
      const { method, ...params } = reply;
      await this.processor.process(this.identity.lastToken ?? '', String(method), params, {
        fromForm: false,
        via: 'webhook-reply',
      });
    });
    this.users = new UserActionSimulator({
      chats: this.chats,
      ledger: this.ledger,
      dispatcher: this.dispatcher,
      callbacks: this.callbacks,
      preCheckouts: this.preCheckouts,
      ids: this.ids,
      nowSeconds: this.nowSeconds,
      preCheckoutTimeoutMs: settings.preCheckoutTimeoutMs,
    });
  }

  /** True when the spec file was found and calls are checked against it. */
  get checksConformance(): boolean {
    return this.spec !== null;
  }

  /** The base URL to use as telegraf's telegram.apiRoot, once started. */
  get url(): string | undefined {
    return this.baseUrl ?? undefined;
  }

  // ---- lifecycle ----

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    if (this.server) throw new Error(`the Telegram stand-in is already listening on ${this.baseUrl}`);
    this.restoreSaved();
    const app = express();
    app.disable('x-powered-by');
    app.use(localHostsOnly());
    this.localUsers = new LocalUserController(this);
    app.use('/_standin', this.localUsers.router());
    new BotApiController(this.processor).register(app);
    app.get('/', (_request: express.Request, response: express.Response) => {
      response.json({
        ok: true,
        description:
          "A stand-in for Telegram's Bot API: the bot calls /bot<token>/<method>, people and tests play users under /_standin/ (src/bot-api-stand-in/README.md)",
      });
    });
    app.use((request: express.Request, response: express.Response) => {
      response.status(404).json({ ok: false, error_code: 404, description: 'Not Found' });
    });
    const server = createServer(app);
    server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
      this.inFlight.add(response);
      response.on('close', () => this.inFlight.delete(response));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    this.stateFile?.follow(this.persisted);
    this.server = server;
    this.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    return this.baseUrl;
  }

  /** Answers held long polls with an empty result, ends pending payments and waits, and closes the server. */
  async stop(): Promise<void> {
    this.queue.release();
    this.preCheckouts.releaseAll();
    this.recorder.rejectWaiters('the Telegram stand-in stopped');
    this.localUsers?.closeStreams();
    this.localUsers = null;
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.baseUrl = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await this.waitForResponses(STOP_GRACE_MS);
    server.closeAllConnections();
    await closed;
    this.stateFile?.close(this.persisted);
  }

  /** Forgets users, chats, payments, queued updates, calls and faults; keeps the bot's webhook and commands unless all. */
  /** Erases the messages of one chat, as a user who deletes their data expects of the local web chat. */
  eraseChat(chatId: number): void {
    this.chats.eraseHistory(chatId);
  }

  reset(options: ResetOptions = {}): void {
    this.resets += 1;
    this.chats.clear();
    this.files.clear();
    this.ledger.clear();
    this.callbacks.clear();
    this.preCheckouts.releaseAll();
    this.dispatcher.clearQueue();
    this.recorder.clear();
    this.faults.clear();
    if (options.all) {
      this.dispatcher.resetSetup();
      this.setup.clearCommands();
    }
  }

  // ---- playing users ----

  sendText(user: PlayingUser, text: string): Promise<UserMessageReport> {
    return this.users.sendText(user, text);
  }

  pressButton(user: PlayingUser, messageId: number, callbackData: string): Promise<ButtonPressReport> {
    return this.users.pressButton(user, messageId, callbackData);
  }

  payInvoice(user: PlayingUser, ref: number | string, options?: PayInvoiceOptions): Promise<PaymentResult> {
    return this.users.payInvoice(user, ref, options);
  }

  /** A pre_checkout_query with any invoice fields (e.g. tampered ones) and the bot's answer; nothing is charged. */
  askPreCheckout(user: PlayingUser, fields: PreCheckoutFields, options: { timeoutMs?: number } = {}): Promise<PaymentResult> {
    return this.users.askPreCheckout(user, fields, options.timeoutMs);
  }

  renewSubscription(user: PlayingUser, firstChargeId: string): Promise<PaymentResult> {
    return this.users.renewSubscription(user, firstChargeId);
  }

  refundFromTelegram(user: PlayingUser, chargeId: string): Promise<DeliveryReport> {
    return this.users.refundFromTelegram(user, chargeId);
  }

  /** Delivers any update as is (webhook or queue), e.g. a malformed one. */
  deliver(update: RawUpdate): Promise<DeliveryReport> {
    return this.dispatcher.deliver(update as TgUpdate);
  }

  nextUpdateId(): number {
    return this.dispatcher.nextUpdateId();
  }

  /** Sends the webhook's deliveries to `url` (a local address) instead of the URL the bot registered. */
  redirectWebhook(url: string | null): void {
    this.dispatcher.redirectWebhook(url);
  }

  /** POSTs an update to a given URL instead of the configured target. */
  deliverTo(url: string, update: RawUpdate, secretToken?: string): Promise<DeliveryReport> {
    return this.dispatcher.deliverTo(url, update as TgUpdate, secretToken);
  }

  // ---- recorded calls ----

  calls(method?: string): CallRecord[] {
    return this.recorder.calls(method);
  }

  clearCalls(): void {
    this.recorder.clear();
  }

  /** The index the next call will get, to pass as waitForCall's `after`. */
  mark(): number {
    return this.recorder.mark();
  }

  waitForCall(matcher: CallMatcher, options?: WaitForCallOptions): Promise<CallRecord> {
    return this.recorder.waitFor(matcher, options);
  }

  // ---- state ----

  /** The bot's current messages in a chat (edits applied, deleted ones left out). */
  messagesTo(chatId: number): TgMessage[] {
    return this.chats.botMessages(chatId);
  }

  /** The draft (sendMessageDraft) a chat shows now: none once the bot sent a message there or 30 s passed without an update. */
  draftIn(chatId: number): ChatDraft | undefined {
    const draft = this.chats.draft(chatId);
    return draft && this.nowSeconds() - draft.date < DRAFT_LIFETIME_SECONDS ? draft : undefined;
  }

  lastMessageTo(chatId: number): TgMessage | undefined {
    return this.messagesTo(chatId).at(-1);
  }

  /** Both sides of a chat, oldest first. */
  chatHistory(chatId: number): ChatEntry[] {
    return this.chats.history(chatId);
  }

  /** Follows one chat's changes as they happen (messages, edits, deletions, chat actions, callback answers). */
  watchChat(chatId: number, listener: ChatListener): () => void {
    return this.chats.watch(chatId, listener);
  }

  /** A photo the bot sent, by any of its file_ids: uploaded bytes or the URL it was sent by. */
  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  invoiceForLink(link: string): InvoiceRecord | undefined {
    return structuredClone(this.ledger.invoiceForLink(link));
  }

  knownUsers(): TgUser[] {
    return this.chats.allUsers();
  }

  invoices(): InvoiceRecord[] {
    return structuredClone(this.ledger.allInvoices());
  }

  charges(): ChargeRecord[] {
    return structuredClone(this.ledger.allCharges());
  }

  subscription(chargeId: string): SubscriptionRecord | undefined {
    return structuredClone(this.ledger.subscription(chargeId));
  }

  starTransactions(): TgStarTransaction[] {
    return this.ledger.starTransactions(0, Number.MAX_SAFE_INTEGER);
  }

  callbackAnswer(callbackQueryId: string): Record<string, unknown> | undefined {
    return this.callbacks.answerOf(callbackQueryId);
  }

  commands(languageCode?: string, scope?: Record<string, unknown>): TgBotCommand[] {
    return this.setup.commands(scope, languageCode);
  }

  webhook(): WebhookConfig | null {
    return this.dispatcher.webhook;
  }

  pendingUpdates(): number {
    return this.queue.size;
  }

  tokens(): string[] {
    return this.identity.allTokens();
  }

  botUser(): TgUser {
    return this.identity.current();
  }

  // ---- faults ----

  /** The next `times` calls of method ("*" = any) fail with this error. */
  failNext(method: string, fault: FaultSpec, times = 1): void {
    this.faults.failNext(method, fault, times);
  }

  blockUser(userId: number): void {
    this.faults.block(userId);
  }

  unblockUser(userId: number): void {
    this.faults.unblock(userId);
  }

  private readonly persisted = {
    // Every change comes with a Bot API call or an update: counting both is enough to notice one.
    version: () => `${this.resets}:${this.recorder.mark()}:${this.dispatcher.lastId}`,
    snapshot: (): StandInSnapshot => ({
      format: 1,
      lastUpdateId: this.dispatcher.lastId,
      chats: this.chats.snapshot(),
      ledger: this.ledger.snapshot(),
      files: this.files.snapshot(),
    }),
  };

  private restoreSaved(): void {
    const saved = this.stateFile?.load();
    if (!saved) return;
    this.chats.restore(saved.chats);
    this.ledger.restore(saved.ledger);
    this.files.restore(saved.files);
    this.dispatcher.continueAfter(saved.lastUpdateId);
  }

  private async waitForResponses(limitMs: number): Promise<void> {
    const deadline = Date.now() + limitMs;
    while (this.inFlight.size && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
