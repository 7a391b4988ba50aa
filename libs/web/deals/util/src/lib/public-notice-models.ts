import { ObjectionDecision } from '@xkx/contracts';
import { PublicNotice } from './models';

/** GET /api/public-notices: the portal's 公示 page. */
export interface PublicNoticeList {
  items: PublicNotice[];
  total: number;
}

/** What anyone files against a notice during its period. */
export interface ObjectionInput {
  name: string;
  contact: string;
  body: string;
}

export interface ObjectionReceipt {
  id: string;
  createdAt: string;
}

/** An objection as the deal's broker reads it, with his answer once given. */
export interface Objection {
  id: string;
  name: string;
  contact: string;
  body: string;
  userId: string | null;
  createdAt: string;
  decision: ObjectionDecision | null;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
}

export interface ObjectionAnswer {
  decision: ObjectionDecision;
  answer: string;
}
