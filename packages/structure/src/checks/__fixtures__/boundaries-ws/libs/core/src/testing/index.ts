export const fakeName = (): string => 'Ada';
