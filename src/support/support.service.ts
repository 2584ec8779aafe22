import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { escapeHtml, I18nService, Language } from 'src/common/i18n/i18n.service';
import { AppConfig } from 'src/config/app-config';
import { SUPPORT_SESSION } from 'src/sessions/session-types';
import { SessionsService } from 'src/sessions/sessions.service';
import { UserSession } from 'src/sessions/user-session.entity';
import { NotifierService } from 'src/telegram/notifier.service';
import { UserSnapshot } from 'src/users/user-snapshot';
import { UsersService } from 'src/users/users.service';
import {
  MAX_SUPPORT_MESSAGES,
  MAX_SUPPORT_TEXT,
  SupportRequestData,
  SupportState,
} from './support-request';

export interface SupportRequest {
  id: number;
  userId: number;
  /** Whether the user's next messages still go to this request. */
  conversationOpen: boolean;
  startedAt: Date;
  lastActivityAt: Date;
  data: SupportRequestData;
}

function toRequest(session: UserSession): SupportRequest {
  return {
    id: session.id,
    userId: session.userId,
    conversationOpen: session.status === 'active',
    startedAt: session.startedAt,
    lastActivityAt: session.lastActivityAt,
    data: session.data as SupportRequestData,
  };
}

/**
 * Support requests: a conversation kept in `user_sessions` (type `support`). The user's messages
 * are stored and forwarded to the operators' chat; an operator's answer (a reply there, or the
 * REST API) goes back to the user and reopens the conversation for their reply.
 */
@Injectable()
export class SupportService {
  private readonly logger = new Logger(SupportService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    private readonly notifier: NotifierService,
    private readonly i18n: I18nService,
    private readonly config: AppConfig,
  ) {}

  get operatorChatId(): string | undefined {
    return this.config.supportChatId;
  }

  /**
   * /paysupport: the user's next messages go to support. Any other conversation (an unfinished
   * reading) stops, nothing charged; a request still waiting for its answer is continued.
   * Returns whether another conversation was stopped.
   */
  async open(user: UserSnapshot, language: Language): Promise<{ request: SupportRequest; stopped: boolean }> {
    const cancelled = await this.sessions.cancelActive(user.id);
    const stopped = cancelled.some((s) => s.sessionType !== SUPPORT_SESSION);
    const [latest] = await this.sessions.findOfType(SUPPORT_SESSION, { telegramId: user.telegramId }, { limit: 1 });
    if (latest && latest.userId === user.id && (latest.data as SupportRequestData).state === 'open') {
      const reopened = await this.sessions.update<SupportRequestData>(latest.id, (s) => ({
        data: { ...(s.data as SupportRequestData), language },
        reopen: true,
      }));
      return { request: toRequest(reopened!), stopped };
    }
    const data: SupportRequestData = { state: 'new', telegramId: user.telegramId, language, messages: [], operatorMessageIds: [] };
    const session = await this.sessions.open(this.dataSource.manager, user.id, SUPPORT_SESSION, data);
    return { request: toRequest(session), stopped };
  }

  /** Whether the user is in a support conversation (a suspended user may then still write). */
  async inConversation(userId: number): Promise<boolean> {
    return (await this.sessions.findActive(userId, SUPPORT_SESSION)) !== null;
  }

  /**
   * The user's message, when a support conversation is open: stored, then forwarded to the
   * operators. Returns undefined when there is none; `first` when it starts (or restarts) the wait.
   */
  async receive(user: UserSnapshot, text: string): Promise<{ requestId: number; first: boolean } | undefined> {
    const active = await this.sessions.findActive(user.id, SUPPORT_SESSION);
    if (!active) return undefined;
    let first = false;
    const updated = await this.sessions.update<SupportRequestData>(active.id, (session) => {
      const data = session.data as SupportRequestData | null;
      if (!data || session.status !== 'active') return undefined;
      first = data.state !== 'open';
      const message = { from: 'user' as const, text: text.slice(0, MAX_SUPPORT_TEXT), at: new Date().toISOString() };
      return { data: { ...data, state: 'open', messages: [...data.messages, message].slice(-MAX_SUPPORT_MESSAGES) } };
    });
    if (!updated || updated.status !== 'active') return undefined;
    await this.forward(updated, user, text);
    return { requestId: updated.id, first };
  }

  /** An operator's reply in the operators' chat, to a forwarded message: the request it answers, if any. */
  async answerFromChat(repliedToMessageId: number, text: string, operator: string): Promise<SupportRequest | undefined> {
    const [session] = await this.sessions.findOfType(SUPPORT_SESSION, { operatorMessageIds: [repliedToMessageId] }, { limit: 1 });
    if (!session) return undefined;
    return this.answer(session.id, text, operator);
  }

  /** Sends an operator's answer to the user and records it; SUPPORT001 when the user cannot be reached. */
  async answer(id: number, text: string, operator: string): Promise<SupportRequest> {
    const session = await this.sessions.findById(id);
    if (!session || session.sessionType !== SUPPORT_SESSION) throw new DomainException(ErrorCode.NotFound, 'No such support request');
    const data = session.data as SupportRequestData | null;
    const user = await this.users.findById(session.userId);
    if (!data || !user || user.status === 'deleted') {
      throw new DomainException(ErrorCode.SupportUserUnreachable, 'The user deleted their data');
    }
    const language = this.i18n.resolveLanguage(user.preferences?.language ?? data.language);
    try {
      await this.notifier.send(user.telegramId, this.i18n.t(language, 'support.reply', { id, text }));
    } catch (error) {
      throw new DomainException(ErrorCode.SupportUserUnreachable, `The answer did not reach the user: ${(error as Error).message}`);
    }
    const updated = await this.sessions.update<SupportRequestData>(id, (s) => {
      const current = s.data as SupportRequestData;
      const message = { from: 'operator' as const, text: text.slice(0, MAX_SUPPORT_TEXT), at: new Date().toISOString(), operator };
      return { data: { ...current, state: 'answered', messages: [...current.messages, message].slice(-MAX_SUPPORT_MESSAGES) }, reopen: true };
    });
    return toRequest(updated!);
  }

  async list(filter: { state?: SupportState; after?: number; limit: number }): Promise<SupportRequest[]> {
    const contains = filter.state ? { state: filter.state } : {};
    return (await this.sessions.findOfType(SUPPORT_SESSION, contains, filter)).filter((s) => s.data).map(toRequest);
  }

  async get(id: number): Promise<SupportRequest> {
    const session = await this.sessions.findById(id);
    if (!session || session.sessionType !== SUPPORT_SESSION || !session.data) {
      throw new DomainException(ErrorCode.NotFound, 'No such support request');
    }
    return toRequest(session);
  }

  /** To the operators' chat, when there is one; a failure there leaves the request for the REST API. */
  private async forward(session: UserSession, user: UserSnapshot, text: string): Promise<void> {
    const chatId = this.operatorChatId;
    if (!chatId) return;
    const header = this.i18n.t('en', 'support.forwarded', {
      id: session.id,
      userId: user.id,
      telegramId: user.telegramId,
      status: user.status,
      credits: user.credits,
    });
    try {
      const messageId = await this.notifier.send(chatId, `${header}\n\n${escapeHtml(text.slice(0, MAX_SUPPORT_TEXT))}`);
      await this.sessions.update<SupportRequestData>(session.id, (s) => {
        const current = s.data as SupportRequestData | null;
        return current ? { data: { ...current, operatorMessageIds: [...current.operatorMessageIds, messageId] } } : undefined;
      });
    } catch (error) {
      this.logger.warn(`Support request ${session.id} was not forwarded to the operators' chat: ${(error as Error).message}`);
    }
  }
}
