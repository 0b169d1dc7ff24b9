/**
 * Currencies the open books accept (ISO 4217), with their minor-unit scale. VES and USD are what the bodies
 * receive; EUR and COP occur in border states and cooperation. Amounts are stored as integers of minor units.
 */
export const CURRENCIES = { VES: 2, USD: 2, EUR: 2, COP: 2 } as const;
export type Currency = keyof typeof CURRENCIES;
export const MONEY_SCALE = 2;
