export * from './lib/score-bar.component';
export * from './lib/match-reasons.component';
export * from './lib/decline-form.component';
export * from './lib/verdict-actions.component';
export * from './lib/match-card.component';
export * from './lib/pair-listing.component';
export * from './lib/opportunity-card.component';
