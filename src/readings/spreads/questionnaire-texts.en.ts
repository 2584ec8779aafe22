import type { QuestionnaireText } from './spread-text';

/** English questions of every questionnaire, in the order they are asked. */
export const QUESTIONNAIRE_TEXTS_EN: Record<string, QuestionnaireText> = {
  relationship_context: [
    'Who is this reading about, and what is this person to you?',
    'How long have you known each other, or been together?',
    'What feels unresolved or unspoken between you right now?',
    'What do you most hope for from this relationship?',
  ],

  career_goals: [
    'What kind of work do you do at the moment?',
    'What would you most like to change about your working life?',
    'Which of your strengths do you feel is most underused?',
    'What is holding you back or limiting your choices right now?',
  ],

  weekly_focus: [
    'What is the most important thing you want to get done this week?',
    'Is there a conversation or event this week that you are thinking about?',
    'Where would you like to feel more at ease by the end of the week?',
    'What small joy would you like to make room for this week?',
  ],

  monthly_goals: [
    'What is the main goal you want to move towards this month?',
    'What habit would you like to start or drop this month?',
    'Which relationship would you like to give more attention to this month?',
    'What challenge do you expect to face in the coming weeks?',
    'How would you like to feel when this month comes to an end?',
  ],

  yearly_aspirations: [
    'What word or phrase would you like this year to stand for?',
    'What is the biggest goal you want to reach this year?',
    'What would you like to leave behind from last year?',
    'What new skill or experience would you love to try this year?',
    'How would you like your closest relationships to grow this year?',
    'What place, project or dream has been waiting for your attention?',
    'Looking back next year, what would make you proud of this one?',
  ],

  life_assessment: [
    'Which moment in your life so far are you most grateful for?',
    'What was the biggest turning point in your life, and how did it change you?',
    'What do people most often come to you for?',
    'Which lesson does life seem to keep teaching you?',
    'What do you value most deeply, above everything else?',
    'Which part of your life feels most in balance right now?',
    'Which part of your life feels as though it is waiting for something?',
    'What did you love doing as a child that you rarely do now?',
    'Where do you hope to be in your life ten years from now?',
    'What would you like to be remembered for?',
  ],
};
