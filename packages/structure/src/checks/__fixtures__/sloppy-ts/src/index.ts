import './polyfill';

export { createInvoice } from './invoice';
