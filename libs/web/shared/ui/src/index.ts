export * from './lib/stat-card.component';
export * from './lib/attachments-panel.component';
export * from './lib/bulk-bar.component';
