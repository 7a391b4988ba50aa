/** Evidence and documents (issue 12): files attached to contracts, payments and listings. */
export const AttachmentTarget = {
  CONTRACT: 'CONTRACT',
  PAYMENT: 'PAYMENT',
  RESULT: 'RESULT',
  NEED: 'NEED',
} as const;
export type AttachmentTarget = (typeof AttachmentTarget)[keyof typeof AttachmentTarget];

export const AttachmentCategory = {
  /** 合同签署页扫描件 */
  SIGNED_CONTRACT: 'SIGNED_CONTRACT',
  /** 技术合同登记证明 */
  REGISTRATION_CERTIFICATE: 'REGISTRATION_CERTIFICATE',
  /** 银行回单 */
  BANK_RECEIPT: 'BANK_RECEIPT',
  IMAGE: 'IMAGE',
  BROCHURE: 'BROCHURE',
  OTHER: 'OTHER',
} as const;
export type AttachmentCategory = (typeof AttachmentCategory)[keyof typeof AttachmentCategory];

/** Which documents each record takes. Registration evidence hangs on its contract. */
export const ATTACHMENT_CATEGORIES: Record<AttachmentTarget, readonly AttachmentCategory[]> = {
  CONTRACT: ['SIGNED_CONTRACT', 'REGISTRATION_CERTIFICATE', 'OTHER'],
  PAYMENT: ['BANK_RECEIPT', 'OTHER'],
  RESULT: ['IMAGE', 'BROCHURE'],
  NEED: ['IMAGE', 'BROCHURE'],
};

const SCANS = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;

/** Media types accepted per category, as detected from the file's bytes (never its name). No SVG or HTML. */
export const ATTACHMENT_MEDIA_TYPES: Record<AttachmentCategory, readonly string[]> = {
  SIGNED_CONTRACT: SCANS,
  REGISTRATION_CERTIFICATE: SCANS,
  BANK_RECEIPT: SCANS,
  OTHER: SCANS,
  IMAGE: ['image/png', 'image/jpeg', 'image/webp'],
  BROCHURE: ['application/pdf', 'image/png', 'image/jpeg'],
};

export interface AttachmentSummary {
  id: string;
  targetType: AttachmentTarget;
  targetId: string;
  category: AttachmentCategory;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: { id: string; name: string } | null;
  createdAt: string;
}
