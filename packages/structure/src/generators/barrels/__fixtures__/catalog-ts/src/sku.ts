export class Sku {
  constructor(readonly code: string) {}
}

export const formatSku = (sku: Sku): string => sku.code.toUpperCase();
