import type { Language } from 'src/common/i18n/i18n.service';
import { DECKS, type CardText } from 'src/readings/deck/card';
import { CARD_TEXTS_EN } from 'src/readings/deck/card-texts.en';
import { CARD_TEXTS_RU } from 'src/readings/deck/card-texts.ru';
import { CARD_TEXTS_UK } from 'src/readings/deck/card-texts.uk';
import { DECK } from 'src/readings/deck/deck';
import { positionSpec } from 'src/readings/spreads/position-roles';
import { QUESTIONNAIRE_TEXTS_EN } from 'src/readings/spreads/questionnaire-texts.en';
import { QUESTIONNAIRE_TEXTS_RU } from 'src/readings/spreads/questionnaire-texts.ru';
import { QUESTIONNAIRE_TEXTS_UK } from 'src/readings/spreads/questionnaire-texts.uk';
import type { QuestionnaireText, SpreadText } from 'src/readings/spreads/spread-text';
import { SPREAD_TEXTS_EN } from 'src/readings/spreads/spread-texts.en';
import { SPREAD_TEXTS_RU } from 'src/readings/spreads/spread-texts.ru';
import { SPREAD_TEXTS_UK } from 'src/readings/spreads/spread-texts.uk';
import type { Interpretation, InterpretationInput } from './interpretation';
import type { Domain } from './question-reader';
import { SeededRandom } from './seeded-random';

/** Readings generated the way the bot builds them, for specs that read many of them at once. */
export type CorpusLanguage = Language;

export const NINE_SPREADS = ['single', 'three_card', 'celtic_cross', 'relationship', 'career', 'week_ahead', 'monthly_guidance', 'yearly_path', 'life_path'];
const QUESTIONNAIRES: Record<string, string> = {
  relationship: 'relationship_context',
  career: 'career_goals',
  week_ahead: 'weekly_focus',
  monthly_guidance: 'monthly_goals',
  yearly_path: 'yearly_aspirations',
  life_path: 'life_assessment',
};
const TEXTS: Record<CorpusLanguage, { cards: Record<string, CardText>; spreads: Record<string, SpreadText>; questionnaires: Record<string, QuestionnaireText> }> = {
  en: { cards: CARD_TEXTS_EN, spreads: SPREAD_TEXTS_EN, questionnaires: QUESTIONNAIRE_TEXTS_EN },
  uk: { cards: CARD_TEXTS_UK, spreads: SPREAD_TEXTS_UK, questionnaires: QUESTIONNAIRE_TEXTS_UK },
  ru: { cards: CARD_TEXTS_RU, spreads: SPREAD_TEXTS_RU, questionnaires: QUESTIONNAIRE_TEXTS_RU },
};

/** Questions by the domain a reader would file them under, as people type them. */
export const QUESTIONS: Record<CorpusLanguage, Record<Domain, string[]>> = {
  en: {
    love: ['What does love look like for me this spring?', 'How do I open my heart again after the breakup?'],
    relationship: ['What is happening in my relationship with my husband?', 'How can my partner and I feel close again?'],
    career: ['What is the next step in my career?', 'How do I handle my new boss at work?'],
    money: ['How can I get my finances in order?', 'What should I understand about my money habits?'],
    wellbeing: ['How can I feel less exhausted and stressed?', 'What does my body need to rest?'],
    growth: ['What am I here to learn about myself?', 'How can I grow more confident?'],
    general: ['What do I need to know right now?', 'What is the message for me today?'],
    yes_no: ['Will he call me back?', 'Is this the right job for me?'],
    decision: ['Should I stay in Kyiv or move to Lviv?', 'Which offer should I choose, the startup or the bank?'],
    timing: ['When will I meet someone?', 'How long until my business takes off?'],
  },
  uk: {
    love: ['Яким буде кохання для мене цієї весни?', 'Як знову відкрити серце після розриву?'],
    relationship: ['Що відбувається в моїх стосунках із чоловіком?', 'Як нам із партнером знову відчути близькість?'],
    career: ['Який наступний крок у моїй кар’єрі?', 'Як мені порозумітися з новим начальником на роботі?'],
    money: ['Як навести лад у моїх фінансах?', 'Що мені варто зрозуміти про свої звички з грошима?'],
    wellbeing: ['Як мені менше втомлюватися й нервувати?', 'Що потрібно моєму тілу, щоб відпочити?'],
    growth: ['Чого мені варто навчитися про себе?', 'Як мені стати впевненішою в собі?'],
    general: ['Що мені важливо знати зараз?', 'Яке послання для мене сьогодні?'],
    yes_no: ['Чи він мені передзвонить?', 'Чи це правильна робота для мене?'],
    decision: ['Лишитися в Києві чи переїхати до Львова?', 'Яку пропозицію обрати: стартап чи банк?'],
    timing: ['Коли я зустріну свою людину?', 'Скільки ще чекати, доки мій бізнес запрацює?'],
  },
  ru: {
    love: ['Какой будет любовь для меня этой весной?', 'Как снова открыть сердце после расставания?'],
    relationship: ['Что происходит в моих отношениях с мужем?', 'Как нам с партнёром снова почувствовать близость?'],
    career: ['Какой следующий шаг в моей карьере?', 'Как мне поладить с новым начальником на работе?'],
    money: ['Как навести порядок в моих финансах?', 'Что мне стоит понять о своих привычках с деньгами?'],
    wellbeing: ['Как мне меньше уставать и нервничать?', 'Что нужно моему телу, чтобы отдохнуть?'],
    growth: ['Чему мне стоит научиться о себе?', 'Как мне стать увереннее в себе?'],
    general: ['Что мне важно знать сейчас?', 'Какое послание для меня сегодня?'],
    yes_no: ['Перезвонит ли он мне?', 'Правильная ли это работа для меня?'],
    decision: ['Остаться в Киеве или переехать во Львов?', 'Какое предложение выбрать: стартап или банк?'],
    timing: ['Когда я встречу своего человека?', 'Сколько ещё ждать, пока мой бизнес заработает?'],
  },
};

/** Answers a user might give, one list per language, cycled through a questionnaire's questions. */
const ANSWERS: Record<CorpusLanguage, string[]> = {
  en: ['My sister Anna.', 'Three years now.', 'We never talk about money.', 'More honesty between us.', 'Finish my thesis.', 'Fear of failing.', 'Patience with people.', 'Calm mornings.'],
  uk: ['Моя сестра Анна.', 'Уже три роки.', 'Ми ніколи не говоримо про гроші.', 'Більше чесності між нами.', 'Дописати дисертацію.', 'Страх провалу.', 'Терпіння до людей.', 'Спокійні ранки.'],
  ru: ['Моя сестра Анна.', 'Уже три года.', 'Мы никогда не говорим о деньгах.', 'Больше честности между нами.', 'Дописать диссертацию.', 'Страх провала.', 'Терпение к людям.', 'Спокойные утра.'],
};

export interface CorpusReading {
  input: InterpretationInput;
  /** The domain the question was written for, or null for a reading without a question. */
  domain: Domain | null;
  seed: number;
}

/**
 * The n-th reading of a corpus: the nine spreads in turn, every deck, one reading in five without
 * a question and the rest cycling through every domain, questionnaires answered with a skip now and then.
 */
export function corpusReading(language: CorpusLanguage, n: number): CorpusReading {
  const random = new SeededRandom(7_919 * (n + 1) + language.length * 104_729 + language.charCodeAt(0));
  const spreadKey = NINE_SPREADS[n % NINE_SPREADS.length];
  const deck = DECKS[Math.floor(n / NINE_SPREADS.length) % DECKS.length];
  const domains = Object.keys(QUESTIONS[language]) as Domain[];
  const domain = n % 5 === 4 ? null : domains[Math.floor(n / 2) % domains.length];
  const texts = TEXTS[language];
  const spread = texts.spreads[spreadKey];
  const drawn = random.shuffle(DECK);
  const questionnaire = QUESTIONNAIRES[spreadKey] ?? null;
  const questions = questionnaire ? texts.questionnaires[questionnaire] : [];
  return {
    domain,
    seed: random.int(2 ** 31),
    input: {
      spreadKey,
      spreadName: spread.name,
      question: domain ? random.pick(QUESTIONS[language][domain]) : null,
      answers: questions.map((question, i) => ({ question, answer: random.next() < 0.2 ? null : ANSWERS[language][(n + i) % ANSWERS[language].length] })),
      questionnaire,
      language,
      deck,
      cards: Object.entries(spread.positions).map(([key, position], i) => {
        const { role, area } = positionSpec(spreadKey, key);
        const text = texts.cards[drawn[i].id];
        return { facts: drawn[i], text, name: text.names[deck], reversed: random.next() < 0.3, position: { key, ...position, role, ...(area ? { area } : {}) } };
      }),
    },
  };
}

/** A reading as the bot stores it, for the next reading's `recentSentences`. */
export function storedText(reading: Interpretation): string {
  return [reading.summary, reading.theme, ...reading.journey, reading.guidance].filter(Boolean).join('\n\n');
}
