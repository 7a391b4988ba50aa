import { LabelledPair, learnedScore, learnWeights } from './learned-weights';
import type { ScoreComponents } from './types';

const components = (text: number, field: number): ScoreComponents => ({
  text,
  semantic: 0,
  relevance: text,
  field,
  trl: 0,
  price: 0,
  modes: 0,
  freshness: 0,
  feedback: 0,
});

/** Brokers accept pairs in the same field whatever the text score, and decline the rest. */
function verdicts(n: number): LabelledPair[] {
  return Array.from({ length: n }, (_, i) => {
    const sameField = i % 3 === 0;
    return { queryId: `n${i % 10}`, components: components((i % 7) / 7, sameField ? 1 : -0.3), accepted: sameField };
  });
}

describe('learnWeights (learning from brokers)', () => {
  it('keeps the defaults below the floor of examples', () => {
    expect(learnWeights(verdicts(150))).toBeUndefined();
    expect(learnWeights(verdicts(300).map((p) => ({ ...p, accepted: true })))).toBeUndefined();
  });

  it('learns what brokers accept, the same way twice', () => {
    const model = learnWeights(verdicts(300));
    expect(model).toBeDefined();
    if (!model) return;
    expect(model.examples).toBe(300);
    expect(model.weights.field).toBeGreaterThan(Math.abs(model.weights.text));
    expect(learnedScore(model, components(0.2, 1))).toBeGreaterThan(learnedScore(model, components(0.9, -0.3)));
    expect(learnWeights(verdicts(300))).toEqual(model);
  });
});
