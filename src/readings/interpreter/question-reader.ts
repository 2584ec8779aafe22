import type { LifeArea } from 'src/readings/spreads/position-roles';

/** What a question is about. */
export const SUBJECTS = ['love', 'relationship', 'career', 'money', 'wellbeing', 'growth', 'general'] as const;
export type Subject = (typeof SUBJECTS)[number];
/** What kind of answer it wants. */
export const QUESTION_FORMS = ['yes_no', 'decision', 'timing', 'open'] as const;
export type QuestionForm = (typeof QUESTION_FORMS)[number];
/** The single label a reader would file the question under: its form when it has one, else its subject. */
export type Domain = Subject | Exclude<QuestionForm, 'open'>;

export interface QuestionFocus {
  subject: Subject;
  form: QuestionForm;
  domain: Domain;
}

// Word beginnings in English, Ukrainian and Russian; a user may write in any of them whatever the bot's language.
const START = '(?<![\\p{L}\\p{N}])';
const words = (...stems: string[]): RegExp => new RegExp(`${START}(?:${stems.join('|')})`, 'giu');

const SUBJECT_WORDS: Record<Exclude<Subject, 'general'>, RegExp> = {
  love: words(
    'love', 'in love', 'heart', 'breakup', 'break up', 'crush', 'dating', 'date ', 'romanc', 'romantic', 'soulmate', 'flirt', 'boyfriend', 'girlfriend', 'my ex', 'single', 'someone new', 'attract',
    'кохан', 'любов', 'серц', 'розрив', 'закохан', 'побачен', 'симпаті', 'хлопц', 'хлопець', 'дівчин', 'колишн', 'половинк',
    'любв', 'любит', 'сердц', 'расстав', 'влюб', 'свидан', 'симпати', 'парн', 'парен', 'девушк', 'бывш', 'вторую половин',
  ),
  relationship: words(
    'relationship', 'partner', 'husband', 'wife', 'marri', 'spouse', 'together', 'engage', 'divorc', 'our future',
    'стосунк', 'партнер', 'чоловік', 'дружин', 'шлюб', 'весілл', 'розлуч', 'разом',
    'отношени', 'партнёр', 'муж', 'жена', 'жену', 'женой', 'брак', 'свадьб', 'развод', 'вместе',
  ),
  career: words(
    'job', 'work', 'career', 'boss', 'manager', 'colleague', 'promotion', 'interview', 'business', 'project', 'office', 'profession', 'resign', 'quit', 'hired', 'employ', 'startup',
    'робот', 'кар’єр', "кар'єр", 'карʼєр', 'посад', 'начальн', 'керівни', 'колег', 'співбесід', 'бізнес', 'проєкт', 'проект', 'звільн', 'підвищенн', 'професі', 'вакансі',
    'работ', 'карьер', 'должност', 'руководит', 'коллег', 'собеседован', 'уволь', 'повышени', 'професси', 'ваканси',
  ),
  money: words(
    'money', 'salary', 'debt', 'loan', 'invest', 'saving', 'income', 'rent', 'afford', 'financ', 'mortgage', 'pay ', 'paid', 'price', 'budget',
    'грош', 'зарплат', 'борг', 'кредит', 'інвест', 'заощадж', 'дохід', 'доход', 'оренд', 'фінанс', 'іпотек', 'бюджет', 'витрат',
    'деньг', 'денег', 'долг(?:ов|ам|ами|ах|ом|у|а(?![яе])|и(?![ехм])|(?![\\p{L}]))', 'ипотек', 'сбережен', 'аренд', 'финанс', 'трат', 'заработ',
  ),
  wellbeing: words(
    'health', 'tired', 'exhaust', 'stress', 'anxi', 'sleep', 'energy', 'burnout', 'burn out', 'my body', 'rest', 'calm', 'overwhelm', 'heal',
    'здоров', 'втом', 'виснаж', 'стрес', 'тривог', 'нерв', 'сну', 'безсон', 'сон(?![\\p{L}])', 'висп', 'висип', 'енергі', 'вигоран', 'тіло', 'тілу', 'тіла', 'тілом', 'відпоч', 'спокі', 'сили ',
    'устал', 'устава', 'нервнич', 'истощ', 'стресс', 'тревог', 'энерги', 'выгоран', 'тело', 'телу', 'тела', 'телом', 'бессонн', 'сна(?![\\p{L}])', 'высп', 'высып', 'отдых', 'отдох', 'спокой', 'покой',
  ),
  growth: words(
    'myself', 'purpose', 'meaning', 'grow', 'learn', 'this life', 'here to', 'confiden', 'self-', 'spiritual', 'my path', 'lesson', 'who am i', 'calling', 'potential',
    'себе', 'себ', 'сенс', 'призначен', 'навчи', 'вчит', 'цьому житті', 'зроста', 'розвит', 'впевнен', 'духовн', 'мій шлях', 'урок', 'покликан', 'потенціал',
    'смысл', 'предназначен', 'научи', 'учит', 'этой жизни', 'рост', 'развит', 'уверен', 'мой путь', 'призвани', 'потенциал',
  ),
};

const TIMING = words('when', 'how long', 'how soon', 'by when', 'what time', 'коли', 'як скоро', 'скільки ще', 'скільки чекати', 'когда', 'как скоро', 'сколько ещё', 'сколько еще', 'сколько ждать');
const DECISION = words(
  'choose', 'decid', 'which one', 'which option', 'which offer', 'which path', 'which job', 'whether',
  'обрати', 'вибрати', 'вибір', 'вирішит', 'який варіант', 'яку пропозицію', 'що обрати',
  'выбрать', 'выбор', 'решить', 'какой вариант', 'какое предложение', 'что выбрать',
);
/** "X or Y": an alternative wants a choice rather than a yes or a no; in Ukrainian a "чи" after the first word is one. */
const ALTERNATIVE = new RegExp(`${START}(?:or|або|или)(?![\\p{L}])|\\S\\s+чи(?![\\p{L}])`, 'giu');
const YES_NO_EN = /^\s*(will|is|are|do|does|did|can|could|would|am|has|have|should|shall)\b/i;
const YES_NO_UK = new RegExp(`^\\s*чи${'(?![\\p{L}])'}`, 'iu');
const YES_NO_RU = new RegExp(`${START}ли(?![\\p{L}])`, 'iu');

/** The subjects a spread is about before anyone asks anything. */
const SPREAD_SUBJECTS: Record<string, Subject> = { relationship: 'relationship', career: 'career' };

/** Which of a card's readings (love, work, money, self) answers a subject; general has none of its own. */
export const SUBJECT_AREA: Record<Subject, LifeArea | null> = {
  love: 'love',
  relationship: 'love',
  career: 'work',
  money: 'money',
  wellbeing: 'self',
  growth: 'self',
  general: null,
};

/**
 * Files a question under a subject and a form. The question weighs most, then the
 * questionnaire's answers, then the spread itself (a Career spread is about work).
 */
export function readQuestion(question: string | null, answers: readonly (string | null)[], spreadKey: string): QuestionFocus {
  const asked = question?.trim() ?? '';
  const told = answers.filter((a): a is string => !!a?.trim()).join(' \n ');
  const scores = new Map<Subject, number>();
  for (const [subject, pattern] of Object.entries(SUBJECT_WORDS) as [Subject, RegExp][]) {
    const score = 3 * hits(pattern, ` ${asked} `) + hits(pattern, ` ${told} `) + (SPREAD_SUBJECTS[spreadKey] === subject ? 2 : 0);
    if (score > 0) scores.set(subject, score);
  }
  // Without a question, one stray word among the answers is no theme: it takes two to file the reading under a subject.
  const least = asked ? 1 : 2;
  const [best] = [...scores.entries()].filter(([, score]) => score >= least).sort((a, b) => b[1] - a[1]);
  const subject = best?.[0] ?? SPREAD_SUBJECTS[spreadKey] ?? 'general';
  const form = formOf(asked);
  return { subject, form, domain: form === 'open' ? subject : form };
}

function formOf(question: string): QuestionForm {
  if (!question) return 'open';
  const text = ` ${question} `;
  if (hits(TIMING, text) > 0) return 'timing';
  const alternative = hits(ALTERNATIVE, text) > 0;
  if (!alternative && (YES_NO_EN.test(question) || YES_NO_UK.test(question) || YES_NO_RU.test(question))) return 'yes_no';
  if (alternative || hits(DECISION, text) > 0) return 'decision';
  return 'open';
}

function hits(pattern: RegExp, text: string): number {
  return text.match(pattern)?.length ?? 0;
}
