/** The mail outbox (GET /api/outbox): every mail the platform sends is a row first, sent after commit. */

export type OutboxStatus = 'PENDING' | 'SENT' | 'FAILED';

export interface OutboxMail {
  id: string;
  createdAt: string;
  to: string;
  subject: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  sentAt: string | null;
}

export interface OutboxList {
  items: OutboxMail[];
  total: number;
}
