/** The `user_sessions.data` of a reading conversation (session type `reading`). */
export interface ReadingConversation {
  readingId: number;
  spreadKey: string;
  /** The price the user was shown when choosing; what the reading costs. */
  price: number;
  step: 'question' | 'questionnaire' | 'generating';
  questionIndex: number;
  answers: (string | null)[];
  /** Generation attempts, counted by the recovery pass. */
  attempts: number;
}

export const READING_SESSION = 'reading';
export const MAX_QUESTION_LENGTH = 500;
export const MAX_ANSWER_LENGTH = 300;
