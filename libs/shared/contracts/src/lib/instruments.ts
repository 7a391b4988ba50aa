import type { LocalizedText } from './error-codes';

/**
 * Shared instruments (大型科研仪器开放共享, issue 16): a laboratory's large instruments, open to outside users
 * for a fee. An enterprise asks for use; the laboratory's organization (its researchers) or a broker answers
 * with the fee; a paid use opens a 技术服务 deal.
 */
export const InstrumentPriceUnit = { HOUR: 'HOUR', SAMPLE: 'SAMPLE', DAY: 'DAY' } as const;
export type InstrumentPriceUnit = (typeof InstrumentPriceUnit)[keyof typeof InstrumentPriceUnit];

export const INSTRUMENT_PRICE_UNIT_LABELS: Record<InstrumentPriceUnit, LocalizedText> = {
  HOUR: { 'zh-CN': '每小时', en: 'per hour' },
  SAMPLE: { 'zh-CN': '每样品', en: 'per sample' },
  DAY: { 'zh-CN': '每天', en: 'per day' },
};

export const InstrumentRequestStatus = { REQUESTED: 'REQUESTED', ACCEPTED: 'ACCEPTED', DECLINED: 'DECLINED' } as const;
export type InstrumentRequestStatus = (typeof InstrumentRequestStatus)[keyof typeof InstrumentRequestStatus];

export const INSTRUMENT_REQUEST_STATUS_LABELS: Record<InstrumentRequestStatus, LocalizedText> = {
  REQUESTED: { 'zh-CN': '待答复', en: 'Awaiting answer' },
  ACCEPTED: { 'zh-CN': '已同意', en: 'Accepted' },
  DECLINED: { 'zh-CN': '已婉拒', en: 'Declined' },
};

export interface Instrument {
  id: string;
  laboratoryId: string;
  laboratoryName: string;
  organizationId: string;
  nameZh: string;
  model: string;
  capability: string;
  location: string;
  bookingTerms: string;
  /** Integer fen per unit. */
  priceFen: number;
  priceUnit: InstrumentPriceUnit;
  active: boolean;
  version: number;
}

export interface InstrumentList {
  items: Instrument[];
  total: number;
}

export interface InstrumentBody {
  laboratoryId: string;
  nameZh: string;
  model: string;
  capability: string;
  location: string;
  bookingTerms: string;
  priceFen: number;
  priceUnit: InstrumentPriceUnit;
}

export interface InstrumentRequestBody {
  purpose: string;
  /** Units wanted (hours, samples or days, as the instrument is priced). */
  quantity: number;
  preferredOn?: string;
}

export interface InstrumentAnswerBody {
  accept: boolean;
  /** The fee agreed, integer fen (0: free of charge); required when accepting. */
  feeFen?: number;
  /** A note with the answer; the reason, required when declining. */
  note?: string;
}

/** GET /api/instrument-requests: absent is "all I may see". */
export interface InstrumentRequestQuery {
  status?: InstrumentRequestStatus;
  /** Requests for the instruments of one laboratory (its page's queue). */
  laboratoryId?: string;
}

export interface InstrumentRequest {
  id: string;
  instrumentId: string;
  instrumentName: string;
  laboratoryId: string;
  laboratoryName: string;
  organizationId: string;
  organizationName: string;
  requestedBy: string | null;
  purpose: string;
  quantity: number;
  preferredOn: string | null;
  status: InstrumentRequestStatus;
  feeFen: number | null;
  answerNote: string | null;
  answeredAt: string | null;
  /** The 技术服务 deal a paid use opened. */
  dealId: string | null;
  dealCode: string | null;
  createdAt: string;
  /** Whether the caller may answer it (staff of the laboratory's organization, or a broker). */
  canAnswer: boolean;
}

export interface InstrumentRequestList {
  items: InstrumentRequest[];
  total: number;
}
