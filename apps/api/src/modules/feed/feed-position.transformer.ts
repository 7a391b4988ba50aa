import { ValueTransformer } from 'typeorm';

/** Feed positions are int8; both drivers answer them as strings. Positions stay far below 2^53. */
export const feedPosition: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
