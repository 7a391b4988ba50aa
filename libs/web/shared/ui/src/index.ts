export * from './lib/stat-card.component';
