import { QUESTIONNAIRE_TEXTS_EN } from './questionnaire-texts.en';
import { SPREAD_POSITION_KEYS, SPREAD_TEXTS_EN } from './spread-texts.en';

const POSITION_COUNTS: Record<string, number> = {
  single: 1,
  three_card: 3,
  celtic_cross: 10,
  relationship: 5,
  career: 4,
  week_ahead: 7,
  monthly_guidance: 12,
  yearly_path: 13,
  life_path: 15,
  daily: 1,
};

describe('SPREAD_TEXTS_EN', () => {
  it('has exactly the expected spreads', () => {
    expect(Object.keys(SPREAD_TEXTS_EN).sort()).toEqual(Object.keys(POSITION_COUNTS).sort());
  });

  it.each(Object.entries(POSITION_COUNTS))('%s has %i position(s)', (key, count) => {
    expect(Object.keys(SPREAD_TEXTS_EN[key].positions)).toHaveLength(count);
    expect(SPREAD_POSITION_KEYS[key]).toHaveLength(count);
  });

  it.each(Object.entries(SPREAD_TEXTS_EN))('%s has complete, well-formed texts', (_key, text) => {
    expect(text.name.trim()).not.toBe('');
    expect(text.description.trim()).not.toBe('');
    expect(text.description.length).toBeLessThanOrEqual(120);
    const positions = Object.entries(text.positions);
    for (const [positionKey, position] of positions) {
      expect(positionKey).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(position.name.trim()).not.toBe('');
      expect(position.name.split(' ').length).toBeLessThanOrEqual(4);
      expect(position.meaning.trim()).not.toBe('');
      // Meanings follow "…, which speaks to": lowercase start, no final period.
      expect(position.meaning).toMatch(/^[a-z].*[^.]$/);
      expect(position.meaning.length).toBeLessThanOrEqual(140);
    }
    const meanings = positions.map(([, position]) => position.meaning);
    expect(new Set(meanings).size).toBe(meanings.length);
  });

  it('derives SPREAD_POSITION_KEYS in draw order', () => {
    expect(SPREAD_POSITION_KEYS.three_card).toEqual(['past', 'present', 'future']);
    expect(SPREAD_POSITION_KEYS.daily).toEqual(['card_of_the_day']);
    for (const [key, text] of Object.entries(SPREAD_TEXTS_EN)) {
      expect(SPREAD_POSITION_KEYS[key]).toEqual(Object.keys(text.positions));
    }
  });
});

describe('QUESTIONNAIRE_TEXTS_EN', () => {
  it.each([
    ['weekly_focus', 4],
    ['monthly_goals', 5],
    ['yearly_aspirations', 7],
    ['life_assessment', 10],
  ])('%s has %i questions', (key, count) => {
    expect(QUESTIONNAIRE_TEXTS_EN[key]).toHaveLength(count);
  });

  it.each(['relationship_context', 'career_goals'])('%s has 3 to 4 questions', (key) => {
    const questions = QUESTIONNAIRE_TEXTS_EN[key];
    expect(questions.length).toBeGreaterThanOrEqual(3);
    expect(questions.length).toBeLessThanOrEqual(4);
  });

  it.each(Object.entries(QUESTIONNAIRE_TEXTS_EN))('%s asks distinct questions', (_k, questions) => {
    for (const question of questions) {
      expect(question.trim()).not.toBe('');
      expect(question.endsWith('?')).toBe(true);
    }
    expect(new Set(questions).size).toBe(questions.length);
  });
});
