/**
 * Types of the translation system: the keys and parameters come from the Vietnamese dictionary,
 * so a key missing in English, or a parameter a message needs and a call leaves out, fails the type check.
 */
import type { vi } from './vi.ts';

/** A message chosen by the plural category of the parameter `count` (Intl.PluralRules). */
export interface Plural {
  one: string;
  other: string;
}

type Reference = typeof vi;
export type StringKey = keyof Reference;

/** Every language has a message of the same shape for every key. */
export type Dictionary = { [K in StringKey]: Reference[K] extends string ? string : Plural };

type Template<M> = M extends string ? M : M extends { one: infer O extends string; other: infer T extends string } ? O | T : never;
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The parameters of a message: `{ count: number }` for plurals, a value per `{name}` in the template. */
export type Params<K extends StringKey> = Record<Placeholders<Template<Reference[K]>>, string | number> &
  (Reference[K] extends string ? unknown : { count: number });

/** A message without parameters takes no third argument; one with parameters requires them. */
export type ParamArgs<K extends StringKey> = [keyof Params<K>] extends [never] ? [] : [params: Params<K>];

/** Keys of messages without parameters (for tables of keys, such as the navigation). */
export type PlainKey = { [K in StringKey]: ParamArgs<K> extends [] ? K : never }[StringKey];
