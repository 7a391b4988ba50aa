export * from './lib/stat-card.component';
export * from './lib/attachments-panel.component';
