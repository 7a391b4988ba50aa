export * from './lib/notifications-bell.component';
