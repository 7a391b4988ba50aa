import type { ATTACHMENT_ZH_CN } from '../attachment.messages';

/** English for attachment.messages.ts: loaded only when someone switches to English (messages-en.ts). */
export const ATTACHMENT_EN: Record<keyof typeof ATTACHMENT_ZH_CN, string> = {
  'attachment.title': 'Attachments',
  'attachment.contractTitle': 'Contract documents (signed scan, registration certificate)',
  'attachment.paymentTitle': 'Payment evidence',
  'attachment.listingTitle': 'Images and brochures',
  'attachment.none': 'No attachments yet',
  'attachment.category': 'Kind',
  'attachment.file': 'Choose a file',
  'attachment.upload': 'Upload',
  'attachment.download': 'Download',
  'attachment.remove': 'Remove',
  'attachment.hint': 'PDF, PNG, JPEG or WebP; the type is judged by the content.',
  'attachment.uploaded': 'Uploaded',
  'attachment.cat.SIGNED_CONTRACT': 'Signed contract scan',
  'attachment.cat.REGISTRATION_CERTIFICATE': 'Registration certificate',
  'attachment.cat.BANK_RECEIPT': 'Bank receipt',
  'attachment.cat.IMAGE': 'Image',
  'attachment.cat.BROCHURE': 'Brochure',
  'attachment.cat.OTHER': 'Other',
};
