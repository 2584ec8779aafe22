import type { DeckStyle } from 'src/readings/deck/card';

type InLanguages<T> = Record<'en' | 'uk' | 'ru', T>;

/** One sample reading: a spread, a seed for the draw and the wording, and what the user wrote. */
export interface Sample {
  spreadKey: string;
  seed: number;
  deck?: DeckStyle;
  question?: InLanguages<string>;
  questionnaire?: string;
  answers?: InLanguages<(string | null)[]>;
}

/** Every spread once, every kind of question at least once, with answers as people write them. */
export const SAMPLES: Sample[] = [
  {
    spreadKey: 'single',
    seed: 101,
    question: {
      en: 'Will I hear back about the job this week?',
      uk: 'Чи отримаю я відповідь щодо роботи цього тижня?',
      ru: 'Получу ли я ответ по работе на этой неделе?',
    },
  },
  {
    spreadKey: 'three_card',
    seed: 202,
    question: {
      en: 'Should I move to another city for a new job?',
      uk: 'Чи варто мені переїхати в інше місто заради нової роботи?',
      ru: 'Стоит ли мне переезжать в другой город ради новой работы?',
    },
  },
  {
    spreadKey: 'celtic_cross',
    seed: 303,
    question: {
      en: 'How can I find my way back to creative work after a long break?',
      uk: 'Як мені повернутися до творчої роботи після довгої перерви?',
      ru: 'Как мне вернуться к творческой работе после долгого перерыва?',
    },
  },
  {
    spreadKey: 'relationship',
    seed: 404,
    question: {
      en: 'Where is my relationship with my partner heading?',
      uk: 'Куди рухаються мої стосунки з партнером?',
      ru: 'Куда движутся мои отношения с партнёром?',
    },
    questionnaire: 'relationship_context',
    answers: {
      en: ['My partner, Olena. We live together.', 'Six years, married for two.', null, 'That we talk openly again instead of avoiding the hard topics.'],
      uk: ['Мій чоловік, Андрій. Живемо разом.', 'Шість років, у шлюбі два.', null, 'Щоб ми знову говорили відверто, а не оминали складні теми.'],
      ru: ['Мой муж, Андрей. Живём вместе.', 'Шесть лет, в браке два.', null, 'Чтобы мы снова говорили откровенно, а не обходили трудные темы.'],
    },
  },
  {
    spreadKey: 'career',
    seed: 505,
    question: {
      en: 'Should I ask for a promotion or look for a new job?',
      uk: 'Просити підвищення чи шукати нову роботу?',
      ru: 'Просить повышения или искать новую работу?',
    },
    questionnaire: 'career_goals',
    answers: {
      en: ['Project manager at a logistics company.', 'More say in what we build.', 'Mentoring juniors.', 'My manager keeps postponing the conversation.'],
      uk: ['Проєктна менеджерка в логістичній компанії.', 'Більше впливу на те, що ми робимо.', 'Наставництво для молодших колег.', 'Керівник постійно відкладає розмову.'],
      ru: ['Проектный менеджер в логистической компании.', 'Больше влияния на то, что мы делаем.', 'Наставничество для младших коллег.', 'Руководитель всё время откладывает разговор.'],
    },
  },
  {
    spreadKey: 'week_ahead',
    seed: 606,
    questionnaire: 'weekly_focus',
    answers: {
      en: ['Finish the grant application.', 'A hard talk with my sister on Thursday.', 'Sleep.', 'A long walk by the river.'],
      uk: ['Дописати грантову заявку.', 'Важка розмова із сестрою в четвер.', 'Сон.', 'Довга прогулянка біля річки.'],
      ru: ['Дописать грантовую заявку.', 'Тяжёлый разговор с сестрой в четверг.', 'Сон.', 'Долгая прогулка у реки.'],
    },
  },
  {
    spreadKey: 'monthly_guidance',
    seed: 707,
    deck: 'thoth',
    question: {
      en: 'When will my money situation get easier?',
      uk: 'Коли мені стане легше з грошима?',
      ru: 'Когда мне станет легче с деньгами?',
    },
    questionnaire: 'monthly_goals',
    answers: {
      en: ['Pay off the credit card.', 'Stop ordering takeaway every night.', 'My mum.', 'The rent is going up.', 'Calm, not scared of opening my banking app.'],
      uk: ['Закрити кредитку.', 'Перестати щовечора замовляти доставку.', 'Мама.', 'Орендна плата зростає.', 'Спокійно, без страху відкривати банківський застосунок.'],
      ru: ['Закрыть кредитку.', 'Перестать каждый вечер заказывать доставку.', 'Мама.', 'Аренда дорожает.', 'Спокойно, без страха открывать банковское приложение.'],
    },
  },
  {
    spreadKey: 'yearly_path',
    seed: 808,
    question: {
      en: 'What does this year hold for my health and energy?',
      uk: 'Що цей рік готує для мого здоров’я та енергії?',
      ru: 'Что этот год готовит для моего здоровья и энергии?',
    },
    questionnaire: 'yearly_aspirations',
    answers: {
      en: ['Steadiness.', 'Run a half marathon.', 'Saying yes to everything.', 'Pottery.', null, 'A garden on the balcony.', 'That I kept my promises to myself.'],
      uk: ['Стабільність.', 'Пробігти напівмарафон.', 'Звичку казати «так» усім.', 'Кераміка.', null, 'Город на балконі.', 'Що я дотримала обіцянок собі.'],
      ru: ['Устойчивость.', 'Пробежать полумарафон.', 'Привычку всем говорить «да».', 'Керамика.', null, 'Огород на балконе.', 'Что я сдержала обещания самой себе.'],
    },
  },
  {
    spreadKey: 'life_path',
    seed: 909,
    deck: 'marseille',
    question: {
      en: 'What am I here to learn?',
      uk: 'Чого я маю навчитися в цьому житті?',
      ru: 'Чему мне предстоит научиться в этой жизни?',
    },
    questionnaire: 'life_assessment',
    answers: {
      en: [
        'The year I spent with my grandmother in the village.',
        'Leaving medicine for design at thirty.',
        'Advice, and a calm voice when things fall apart.',
        'That I cannot control other people.',
        'Honesty.',
        'My friendships.',
        'My own creative work.',
        'Drawing comics.',
        'Teaching, and living by the sea.',
        'Kindness.',
      ],
      uk: [
        'Рік, який я провела з бабусею в селі.',
        'Пішла з медицини в дизайн у тридцять.',
        'По пораду і по спокійний голос, коли все розвалюється.',
        'Що я не можу контролювати інших людей.',
        'Чесність.',
        'Дружба.',
        'Моя власна творчість.',
        'Малювати комікси.',
        'Викладати і жити біля моря.',
        'Доброта.',
      ],
      ru: [
        'Год, который я провела с бабушкой в деревне.',
        'Ушла из медицины в дизайн в тридцать.',
        'За советом и за спокойным голосом, когда всё рушится.',
        'Что я не могу контролировать других людей.',
        'Честность.',
        'Дружба.',
        'Моё собственное творчество.',
        'Рисовать комиксы.',
        'Преподавать и жить у моря.',
        'Доброта.',
      ],
    },
  },
];
