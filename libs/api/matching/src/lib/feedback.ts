import type { Factor } from './factors';
import type { MatchFeedback } from './types';

const pairKey = (needId: string, resultId: string): string => `${needId}\u0000${resultId}`;

/**
 * What brokers taught the matcher. Declined pairs are excluded; a good pair is boosted; the terms two listings
 * shared when a broker judged them carry the verdict over to other pairs sharing those terms (a term that keeps
 * producing NOT_A_FIT declines stops counting as evidence); a TOO_EARLY_STAGE decline raises the need's
 * effective minimum TRL above the declined result's TRL.
 */
export class FeedbackModel {
  private readonly pairs = new Map<string, MatchFeedback>();
  private readonly termGood = new Map<string, number>();
  private readonly termBad = new Map<string, number>();
  private readonly minTrl = new Map<string, number>();

  /**
   * `sharedTerms` gives the terms the two listings share (the index computes them); `resultTrl` the declined
   * result's TRL.
   */
  add(feedback: MatchFeedback, sharedTerms: readonly string[], resultTrl: number | null | undefined): void {
    this.pairs.set(pairKey(feedback.needId, feedback.resultId), feedback);
    if (feedback.verdict === 'good') {
      for (const t of sharedTerms) this.termGood.set(t, (this.termGood.get(t) ?? 0) + 1);
      return;
    }
    if (feedback.reason === 'NOT_A_FIT') {
      for (const t of sharedTerms) this.termBad.set(t, (this.termBad.get(t) ?? 0) + 1);
    }
    if (feedback.reason === 'TOO_EARLY_STAGE' && resultTrl != null) {
      this.minTrl.set(feedback.needId, Math.max(this.minTrl.get(feedback.needId) ?? 0, resultTrl + 1));
    }
  }

  isDeclined(needId: string, resultId: string): boolean {
    return this.pairs.get(pairKey(needId, resultId))?.verdict === 'declined';
  }

  minTrlFor(needId: string): number | undefined {
    return this.minTrl.get(needId);
  }

  /** Per-term adjustment in (-1, 1), damped by a prior of 2 judgements so one verdict doesn't swing it. */
  termAdjustment(term: string): number {
    const good = this.termGood.get(term) ?? 0;
    const bad = this.termBad.get(term) ?? 0;
    return (good - bad) / (good + bad + 2);
  }

  get size(): number {
    return this.pairs.size;
  }

  factor(needId: string, resultId: string, sharedTerms: readonly string[]): Factor {
    if (this.pairs.get(pairKey(needId, resultId))?.verdict === 'good') {
      return {
        value: 1,
        reasons: [{ code: 'BROKER_FEEDBACK', zh: '技术经理人确认匹配', en: 'Confirmed by a broker' }],
      };
    }
    if (this.termGood.size === 0 && this.termBad.size === 0) return { value: 0, reasons: [] };
    let sum = 0;
    let n = 0;
    for (const t of sharedTerms) {
      const adj = this.termAdjustment(t);
      if (adj !== 0) {
        sum += adj;
        n++;
      }
    }
    if (n === 0) return { value: 0, reasons: [] };
    const value = Math.max(-1, Math.min(1, sum / n));
    const reasons =
      value > 0
        ? [
            {
              code: 'BROKER_FEEDBACK' as const,
              zh: '相似匹配曾获技术经理人认可',
              en: 'Similar matches were approved by brokers',
            },
          ]
        : [];
    return { value, reasons };
  }
}
