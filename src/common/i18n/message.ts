/** A message is a template with `{name}` placeholders, or plural forms picked by the `count` parameter. */
export type PluralForms = { one: string; other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type Message = string | PluralForms;
