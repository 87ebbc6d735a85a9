// networkanalysis-ts seeds its algorithms with java-random (java.util.Random), which ships no types.
declare module 'java-random' {
  export default class Random {
    constructor(seed?: number);
    setSeed(seed: number): void;
    nextInt(bound?: number): number;
    nextDouble(): number;
  }
}
