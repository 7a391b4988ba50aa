import { Injectable, Logger } from '@nestjs/common';
import { DeclineReason } from '@xkx/contracts';

/** A counterpart declined an introduction: feedback for the matching engine. */
export interface IntroductionDeclined {
  needId: string | null;
  resultId: string | null;
  reason: DeclineReason;
  note: string | null;
  introductionId: string;
  actorId: string;
}

export type IntroductionDeclinedListener = (event: IntroductionDeclined) => void | Promise<void>;

/**
 * In-process events after an introduction answer commits (like ListingEvents). The matching module
 * subscribes to learn from declines; a failing listener is logged and never fails the answer.
 */
@Injectable()
export class IntroductionEvents {
  private readonly logger = new Logger(IntroductionEvents.name);
  private readonly listeners: IntroductionDeclinedListener[] = [];

  onDeclined(listener: IntroductionDeclinedListener): void {
    this.listeners.push(listener);
  }

  declined(event: IntroductionDeclined): void {
    for (const listener of this.listeners) {
      try {
        Promise.resolve(listener(event)).catch((error: unknown) => this.logger.warn(`IntroductionDeclined listener failed: ${String(error)}`));
      } catch (error) {
        this.logger.warn(`IntroductionDeclined listener failed: ${String(error)}`);
      }
    }
  }
}
