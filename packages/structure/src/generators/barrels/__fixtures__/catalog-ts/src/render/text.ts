import type { Product } from '../products';

export const renderText = (product: Product): string => product.toString();
