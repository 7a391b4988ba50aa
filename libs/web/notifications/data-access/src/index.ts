export * from './lib/notifications-api.service';
export * from './lib/todo.store';
export * from './lib/todo-links';
