import { Language } from 'src/common/i18n/i18n.service';

/** The `user_sessions.data` of a reading conversation (session type `reading`). */
export interface ReadingConversation {
  readingId: number;
  spreadKey: string;
  /** The price the user was shown when choosing; what the reading costs. */
  price: number;
  step: 'question' | 'questionnaire' | 'generating';
  questionIndex: number;
  /** The user's question once asked (null: skipped); the reading stores it too. */
  question?: string | null;
  answers: (string | null)[];
  /** Generation attempts, counted by the recovery pass. */
  attempts: number;
  /**
   * Telegram's message_id of the last message taken as the question or an answer: one delivered
   * again (the process died after saving it, before Telegram heard back) is not taken twice.
   */
  lastMessageId?: number;
  /** Telegram's callback query id of the press that started the reading (likewise). */
  pressId?: string;
  /** The language the questions were answered in, set once they all are: the reading's language, recovered or not. */
  language?: Language;
}

export const MAX_QUESTION_LENGTH = 500;
export const MAX_ANSWER_LENGTH = 300;
