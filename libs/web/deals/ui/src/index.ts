export * from './lib/introduction-form.component';
export * from './lib/fen.pipe';
export * from './lib/deal-card.component';
