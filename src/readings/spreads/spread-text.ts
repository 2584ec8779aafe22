/** The user-facing texts of one spread, in one language. */
export interface SpreadText {
  name: string;
  /** One sentence shown in the spread menu. */
  description: string;
  /** Keyed by position key (the catalogue's `positions`), in the spread's order. */
  positions: Record<string, { name: string; meaning: string }>;
}

/** A questionnaire's questions, in order, in one language. */
export type QuestionnaireText = string[];
