import { CatalogService } from 'src/catalog/catalog.service';
import { SpreadDefinition } from 'src/catalog/catalog';
import { I18nService } from 'src/common/i18n/i18n.service';
import { RateLimitService } from 'src/rate-limit/rate-limit.service';
import { RateVerdict } from 'src/rate-limit/rate-windows';
import { SessionsService } from 'src/sessions/sessions.service';
import { UserSession } from 'src/sessions/user-session.entity';
import { NotifierService } from 'src/telegram/notifier.service';
import { UserSnapshot } from 'src/users/user-snapshot';
import { GenerationJob } from '../generation/generation-job';
import { ReadingConversation } from './reading-conversation';
import { ReadingFlowService } from './reading-flow.service';
import { ReadingGeneratorService } from '../generation/reading-generator.service';
import { ReadingStoreService } from '../generation/reading-store.service';
import { ReadingTextsService } from '../delivery/reading-texts.service';

const SPREADS: SpreadDefinition[] = [
  { key: 'single', cards: 1, price: 1, questionnaire: null, positions: ['card'] },
  { key: 'career', cards: 4, price: 3, questionnaire: 'career_goals', positions: ['now', 'obstacle', 'action', 'outcome'] },
];
const NOW = new Date('2026-12-05T12:00:00Z');

/** The reading flow's state machine, with the database, the limits, the generator and Telegram faked at the module boundary. */
describe('ReadingFlowService', () => {
  const user: UserSnapshot = {
    id: 7,
    telegramId: '1007',
    credits: 5,
    status: 'active',
    preferences: { deck: 'marseille' },
    subscriptionTier: null,
    subscriptionExpiresAt: null,
  };
  let active: UserSession | null;
  let verdict: RateVerdict;
  let replacedStartedAt: Date | null;
  let calls: string[];
  let started: GenerationJob[];
  let sent: string[];
  let written: { step: string; conversation: ReadingConversation; question?: { text: string | null } }[];
  let sut: ReadingFlowService;

  function conversationOf(data: Partial<ReadingConversation>, startedAt = new Date(NOW.getTime() - 60_000)): void {
    const conversation: ReadingConversation = {
      readingId: 40,
      spreadKey: 'single',
      price: 1,
      step: 'question',
      questionIndex: 0,
      answers: [],
      attempts: 0,
      pressId: 'press-1',
      ...data,
    };
    active = { id: 90, userId: user.id, sessionType: 'reading', startedAt, data: conversation } as unknown as UserSession;
  }

  beforeEach(() => {
    active = null;
    verdict = { allowed: true };
    replacedStartedAt = null;
    calls = [];
    started = [];
    sent = [];
    written = [];
    const catalog = {
      spread: (key: string) => SPREADS.find((s) => s.key === key),
    } as unknown as CatalogService;
    const sessions = { findActive: async () => active } as unknown as SessionsService;
    const store = {
      start: async (_: number, spreadKey: string) => (calls.push(`start ${spreadKey}`), { readingId: 41, sessionId: 91, replacedStartedAt }),
      advance: async (_: number, conversation: ReadingConversation, question?: { text: string | null }) =>
        void written.push({ step: 'advance', conversation, question }),
      awaitGeneration: async (_: number, conversation: ReadingConversation, __: unknown, question?: { text: string | null }) =>
        void written.push({ step: 'awaitGeneration', conversation, question }),
      abandon: async () => void calls.push('abandon'),
    } as unknown as ReadingStoreService;
    const rateLimits = {
      hit: async () => (calls.push('hit'), verdict),
      release: async (_: number, __: string, at: Date) => void calls.push(`release ${at.toISOString()}`),
    } as unknown as RateLimitService;
    const generator = { start: (job: GenerationJob) => void started.push(job) } as unknown as ReadingGeneratorService;
    const notifier = { send: async (_: string, text: string) => (sent.push(text), 1) } as unknown as NotifierService;
    sut = new ReadingFlowService(catalog, sessions, store, new ReadingTextsService(), rateLimits, generator, notifier, new I18nService());
  });

  describe('choose', () => {
    it('starts a reading when the user can pay and is within the limit', async () => {
      await expect(sut.choose(user, 'single', 'press-2', NOW)).resolves.toMatchObject({ kind: 'started', replaced: false });
      expect(calls).toEqual(['hit', 'start single']);
    });

    it('stores nothing for an unknown spread or a user who cannot pay', async () => {
      await expect(sut.choose(user, 'nonexistent', 'press-2', NOW)).resolves.toEqual({ kind: 'unknown_spread' });
      await expect(sut.choose({ ...user, credits: 2 }, 'career', 'press-2', NOW)).resolves.toMatchObject({ kind: 'cannot_pay' });
      expect(calls).toEqual([]);
    });

    it('gives the count back and stores nothing when the reading limit is reached', async () => {
      const retryAt = new Date('2026-12-05T13:00:00Z');
      verdict = { allowed: false, retryAt };
      await expect(sut.choose(user, 'single', 'press-2', NOW)).resolves.toMatchObject({ kind: 'limited', retryAt });
      expect(calls).toEqual(['hit', `release ${NOW.toISOString()}`]);
    });

    it('takes the same press delivered again as the reading it started, without counting or storing', async () => {
      conversationOf({ pressId: 'press-1' });
      await expect(sut.choose(user, 'single', 'press-1', NOW)).resolves.toMatchObject({ kind: 'started', replaced: false });
      expect(calls).toEqual([]);
    });

    it('ignores a second press on the same spread within seconds', async () => {
      conversationOf({ pressId: 'press-1' }, new Date(NOW.getTime() - 5_000));
      await expect(sut.choose(user, 'single', 'press-2', NOW)).resolves.toMatchObject({ kind: 'repeated' });
      expect(calls).toEqual([]);
    });

    it('replaces a reading in progress, and does not count one replaced within its grace period', async () => {
      conversationOf({ spreadKey: 'career' }, new Date(NOW.getTime() - 20_000));
      replacedStartedAt = active!.startedAt;
      await expect(sut.choose(user, 'single', 'press-2', NOW)).resolves.toMatchObject({ kind: 'started', replaced: true });
      expect(calls).toEqual(['hit', 'start single', `release ${replacedStartedAt.toISOString()}`]);
    });

    it('counts a replaced reading that had gone on past its grace period', async () => {
      conversationOf({ spreadKey: 'career' }, new Date(NOW.getTime() - 120_000));
      replacedStartedAt = active!.startedAt;
      await expect(sut.choose(user, 'single', 'press-2', NOW)).resolves.toMatchObject({ kind: 'started', replaced: true });
      expect(calls).toEqual(['hit', 'start single']);
    });
  });

  describe('answer', () => {
    it('has nothing to answer without a reading conversation', async () => {
      await expect(sut.answer(user, 'en', 'hello', 5)).resolves.toEqual({ kind: 'no_reading' });
    });

    it('draws the cards of a spread without questions at once: tells the user and hands the generator all it needs', async () => {
      conversationOf({});
      await expect(sut.answer(user, 'uk', '  Will it work?  ', 5)).resolves.toEqual({ kind: 'generate', readingId: 40 });
      expect(written).toEqual([
        expect.objectContaining({ step: 'awaitGeneration', question: { text: 'Will it work?' } }),
      ]);
      expect(written[0].conversation).toMatchObject({ step: 'generating', language: 'uk', lastMessageId: 5 });
      expect(sent).toEqual([new I18nService().t('uk', 'read.shuffling')]);
      expect(started).toEqual([
        {
          readingId: 40,
          sessionId: 90,
          price: 1,
          spreadKey: 'single',
          question: 'Will it work?',
          responses: { questionnaire: null, answers: [] },
          language: 'uk',
          user: { id: 7, telegramId: '1007', preferences: { deck: 'marseille' } },
          // The "Shuffling…" message, which the delivery turns into the spread's picture.
          placeholder: 1,
        },
      ]);
    });

    it('asks a questionnaire one question at a time, storing the question first', async () => {
      conversationOf({ spreadKey: 'career', price: 3 });
      const first = await sut.answer(user, 'en', 'A new job?', 5);
      expect(first).toMatchObject({ kind: 'ask', index: 1, first: true });
      expect(written[0]).toMatchObject({ step: 'advance', question: { text: 'A new job?' } });
      expect(written[0].conversation).toMatchObject({ step: 'questionnaire', questionIndex: 0, question: 'A new job?' });
      conversationOf(written[0].conversation);
      const second = await sut.answer(user, 'en', null, 6);
      expect(second).toMatchObject({ kind: 'ask', index: 2, first: false });
      expect(written[1]).toMatchObject({ step: 'advance', question: undefined });
      expect(written[1].conversation.answers).toEqual([null]);
      expect(started).toEqual([]);
    });

    it('starts generation after the last answer, with the question asked at the start and every answer', async () => {
      const questions = new ReadingTextsService().questionnaire('en', 'career_goals');
      conversationOf({ spreadKey: 'career', price: 3, step: 'questionnaire', question: 'A new job?', questionIndex: questions.length - 1, answers: questions.slice(1).map(() => 'yes') });
      await expect(sut.answer(user, 'en', 'soon', 9)).resolves.toEqual({ kind: 'generate', readingId: 40 });
      expect(started).toHaveLength(1);
      expect(started[0]).toMatchObject({ question: 'A new job?', price: 3, responses: { questionnaire: 'career_goals' } });
      expect(started[0].responses!.answers.map((a) => a.answer)).toEqual([...questions.slice(1).map(() => 'yes'), 'soon']);
    });

    it('asks the same question again for a message already taken, and writes nothing', async () => {
      conversationOf({ spreadKey: 'career', step: 'questionnaire', questionIndex: 1, lastMessageId: 6 });
      await expect(sut.answer(user, 'en', 'again', 6)).resolves.toMatchObject({ kind: 'ask', index: 2, first: false });
      expect(written).toEqual([]);
    });

    it('refuses an over-long question and keeps waiting', async () => {
      conversationOf({});
      await expect(sut.answer(user, 'en', 'x'.repeat(501), 5)).resolves.toEqual({ kind: 'too_long', length: 501, max: 500 });
      expect(written).toEqual([]);
    });

    it('ends the reading without a charge when the text needs care', async () => {
      conversationOf({});
      await expect(sut.answer(user, 'en', 'I want to kill myself', 5)).resolves.toEqual({ kind: 'care' });
      expect(calls).toEqual(['abandon']);
      expect(started).toEqual([]);
    });

    it('says the cards are being drawn while a reading is generated, and starts nothing more', async () => {
      conversationOf({ step: 'generating' });
      await expect(sut.answer(user, 'en', '/skip', 5)).resolves.toEqual({ kind: 'busy' });
      expect(started).toEqual([]);
    });

    it('starts the reading even when the "shuffling" line cannot be sent', async () => {
      conversationOf({});
      (sut as unknown as { notifier: NotifierService }).notifier.send = async () => {
        throw new Error('chat blocked');
      };
      await expect(sut.answer(user, 'en', null, 5)).resolves.toEqual({ kind: 'generate', readingId: 40 });
      expect(started).toHaveLength(1);
      expect(started[0].placeholder).toBeUndefined();
    });
  });
});
