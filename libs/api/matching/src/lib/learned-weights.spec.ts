import { DEFAULT_MATCH_CONFIG } from './config';
import { DEFAULT_LEARN_OPTIONS, LabelledPair, learnedScore, learnWeights } from './learned-weights';
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

const prior = DEFAULT_MATCH_CONFIG.weights;

/** Brokers accept pairs in the same field whatever the text score, and decline the rest. */
function verdicts(n: number): LabelledPair[] {
  return Array.from({ length: n }, (_, i) => {
    const sameField = i % 3 === 0;
    return { queryId: `n${i % 10}`, components: components((i % 7) / 7, sameField ? 1 : -0.3), accepted: sameField };
  });
}

describe('learnWeights (learning from brokers)', () => {
  it('keeps the defaults below the floor of examples', () => {
    expect(learnWeights(verdicts(150), prior)).toBeUndefined();
    expect(learnWeights(verdicts(300).map((p) => ({ ...p, accepted: true })), prior)).toBeUndefined();
  });

  it('learns what brokers accept, the same way twice', () => {
    const model = learnWeights(verdicts(300), prior);
    expect(model).toBeDefined();
    if (!model) return;
    expect(model.examples).toBe(300);
    expect(model.weights.field).toBeGreaterThan(prior.field);
    expect(learnedScore(model, components(0.2, 1))).toBeGreaterThan(learnedScore(model, components(0.9, -0.3)));
    expect(learnWeights(verdicts(300), prior)).toEqual(model);
  });

  it('stays at the configured mix where the verdicts say nothing, and moves less the stronger the pull', () => {
    // Verdicts that only the field separates: the other weights keep their prior values.
    const model = learnWeights(verdicts(300), prior);
    expect(model?.weights.trl).toBeCloseTo(prior.trl, 10);
    expect(model?.weights.price).toBeCloseTo(prior.price, 10);
    const strong = learnWeights(verdicts(300), prior, { minExamples: 200, minPerClass: 20, l2: 1, steps: 300, learningRate: 0.5 });
    expect(Math.abs((strong?.weights.field ?? 0) - prior.field)).toBeLessThan(Math.abs((model?.weights.field ?? 0) - prior.field));
  });

  it('keeps the configured mix when a learned one orders held-out verdicts no better', () => {
    // Brokers accept exactly the pairs the configured mix ranks higher: there is nothing to learn.
    const agree = Array.from({ length: 300 }, (_, i): LabelledPair => ({ queryId: `n${i % 10}`, components: components((i % 7) / 7, 0), accepted: i % 7 >= 4 }));
    expect(learnWeights(agree, prior)).toBeUndefined();
    const model = learnWeights(verdicts(300), prior);
    expect(model?.heldOutAccuracy).toBeGreaterThan(0.5);
    expect(DEFAULT_LEARN_OPTIONS.l2Choices).toContain(model?.l2);
  });
});

