/**
 * Choices of a numeric view option (top N, window size). A value from a shared link that
 * is not among the usual choices is added in order, so the select still shows it.
 */
export function choicesWith(choices: readonly number[], current: number, order: (a: number, b: number) => number = (a, b) => a - b): number[] {
  return choices.includes(current) ? [...choices] : [...choices, current].sort(order);
}

/** 0 meaning "all" sorts last. */
export const zeroLast = (a: number, b: number) => (a || Infinity) - (b || Infinity);

export const numberOptions = (choices: readonly number[], current: number, label: (n: number) => string = String) =>
  choicesWith(choices, current).map((n) => ({ value: n, label: label(n) }));
