// munkres-js (the Hungarian algorithm, CommonJS) ships no types.
declare module 'munkres-js' {
  /** Row/column index pairs of a least-cost assignment; rectangular matrices are padded. */
  export default function computeMunkres(costMatrix: number[][]): [number, number][];
}
