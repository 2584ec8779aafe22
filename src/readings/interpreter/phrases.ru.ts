import { PHRASES_EN } from './phrases.en';
export const PHRASES_RU = PHRASES_EN;
