import type { AnswerKind } from './phrase-book';

/**
 * What each questionnaire answer is, and which position's card speaks to it: a hope is answered
 * by the outcome, an obstacle by the challenge, a plan by the best moment or the next step.
 * `@brightest` is the most favourable period of a spread that follows time.
 */
export const ANSWER_LINKS: Record<string, [AnswerKind, string][]> = {
  relationship_context: [
    ['person', 'partner'],
    ['fact', 'connection'],
    ['obstacle', 'challenge'],
    ['hope', 'potential'],
  ],
  career_goals: [
    ['fact', 'current_role'],
    ['plan', 'next_step'],
    ['strength', 'strengths'],
    ['obstacle', 'obstacles'],
  ],
  weekly_focus: [
    ['plan', '@brightest'],
    ['fact', '@darkest'],
    ['hope', 'sunday'],
    ['plan', 'saturday'],
  ],
  monthly_goals: [
    ['plan', '@brightest'],
    ['plan', 'growth'],
    ['fact', 'love'],
    ['obstacle', 'challenge'],
    ['hope', 'outcome'],
  ],
  yearly_aspirations: [
    ['hope', 'theme'],
    ['plan', '@brightest'],
    ['obstacle', '@darkest'],
    ['plan', 'may'],
    ['fact', 'june'],
    ['plan', 'september'],
    ['hope', 'december'],
  ],
  life_assessment: [
    ['fact', 'roots'],
    ['fact', 'turning_points'],
    ['strength', 'gifts'],
    ['obstacle', 'lessons'],
    ['value', 'purpose'],
    ['strength', 'present_self'],
    ['plan', 'hidden_potential'],
    ['strength', 'childhood'],
    ['hope', 'next_chapter'],
    ['hope', 'legacy'],
  ],
};

/** Which answers a reader takes up first when there is room for only some. */
export const ANSWER_PRIORITY: Record<AnswerKind, number> = { hope: 0, person: 1, obstacle: 2, plan: 3, value: 4, strength: 4, fact: 5 };
/** An answer that names a day or a month of the spread is as specific as a named person. */
export const DATED_PRIORITY = 1;
