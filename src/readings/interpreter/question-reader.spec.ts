import { readQuestion } from './question-reader';

describe('readQuestion', () => {
  it.each([
    ['Will he call me back?', 'general', 'yes_no'],
    ['Should I move to another city for a new job?', 'career', 'yes_no'],
    ['Should I ask for a promotion or look for a new job?', 'career', 'decision'],
    ['When will my money situation get easier?', 'money', 'timing'],
    ['How do I open my heart again after the breakup?', 'love', 'open'],
    ['What is happening in my relationship with my husband?', 'relationship', 'open'],
    ['How can I feel less exhausted and stressed?', 'wellbeing', 'open'],
    ['What am I here to learn about myself?', 'growth', 'open'],
    ['Чи варто мені переїхати в інше місто заради нової роботи?', 'career', 'yes_no'],
    ['Лишитися в Києві чи переїхати до Львова?', 'general', 'decision'],
    ['Коли мені стане легше з грошима?', 'money', 'timing'],
    ['Як знову відкрити серце після розриву?', 'love', 'open'],
    ['Стоит ли мне соглашаться на новую работу во Львове?', 'career', 'yes_no'],
    ['Просить повышения или искать новую работу?', 'career', 'decision'],
    ['Как мне меньше уставать и нервничать?', 'wellbeing', 'open'],
    ['Что мне важно знать сейчас?', 'general', 'open'],
    ['Чему мне предстоит научиться в этой жизни?', 'growth', 'open'],
    ['Есть ли выход из долгов?', 'money', 'yes_no'],
    ['Долгой ли будет дорога?', 'general', 'yes_no'],
    ['Чи вийде для мене сонце?', 'general', 'yes_no'],
    ['Чи висплюся я нарешті?', 'wellbeing', 'yes_no'],
  ])('files "%s" under %s, %s', (question, subject, form) => {
    expect(readQuestion(question, [], 'single')).toEqual({ subject, form, domain: form === 'open' ? subject : form });
  });

  it('reads the subject from the answers and the spread when the question does not name one', () => {
    expect(readQuestion('What should I know?', ['My partner Olena', 'We married two years ago'], 'single').subject).toBe('relationship');
    expect(readQuestion(null, [], 'career')).toEqual({ subject: 'career', form: 'open', domain: 'career' });
    expect(readQuestion(null, [null, '  '], 'week_ahead')).toEqual({ subject: 'general', form: 'open', domain: 'general' });
  });

  it('does not file a reading without a question under a subject named by one stray answer', () => {
    const week = ['Finish the grant application.', 'A hard talk with my sister on Thursday.', 'Sleep.', 'A long walk by the river.'];
    expect(readQuestion(null, week, 'weekly').subject).toBe('general');
    expect(readQuestion(null, [...week, 'Less stress, more rest.'], 'weekly').subject).toBe('wellbeing');
  });
});
