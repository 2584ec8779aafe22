import { Language } from 'src/common/i18n/i18n.service';
import { UserPreferences } from 'src/users/user.entity';
import { QuestionnaireResponses } from '../reading.entity';

/**
 * Everything the generator needs to write, charge and deliver a reading whose questions are
 * answered, handed over by whoever has it (the reading flow, or the recovery pass), so the
 * generator reads back nothing it was told.
 */
export interface GenerationJob {
  readingId: number;
  sessionId: number;
  /** What the user was shown when choosing the spread. */
  price: number;
  spreadKey: string;
  question: string | null;
  responses: QuestionnaireResponses | null;
  /** The language of the update that answered the last question. */
  language: Language;
  user: { id: number; telegramId: string; preferences: UserPreferences };
  /** The "Shuffling…" message, which the spread's picture replaces; absent after a restart. */
  placeholder?: number;
}
