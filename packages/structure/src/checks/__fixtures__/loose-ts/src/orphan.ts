export const forgotten = 'nothing imports this module';
