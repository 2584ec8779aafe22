import { I18nService, Language } from 'src/common/i18n/i18n.service';
import { MessageKey } from 'src/common/i18n/messages.en';
import { Gender, nameGrammar } from '../deck/card-grammar';

const KEYS: Record<Gender, MessageKey> = {
  m: 'read.reversedMasculine',
  f: 'read.reversedFeminine',
  n: 'read.reversedNeuter',
  p: 'read.reversedPlural',
};

/** "reversed" as it agrees with this card's name: перевёрнут (Паж Жезлов), перевёрнута (Башня), перевернуті (Закохані). */
export function reversedWord(i18n: I18nService, language: Language, cardName: string): string {
  return i18n.t(language, KEYS[nameGrammar(language, cardName).gender]);
}
