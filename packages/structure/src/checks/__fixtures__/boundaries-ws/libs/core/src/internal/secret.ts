export interface Secret {
  value: string;
}

export const SECRET: Secret = { value: 'do not import me' };
