import { PHRASES_EN } from './phrases.en';
export const PHRASES_UK = PHRASES_EN;
