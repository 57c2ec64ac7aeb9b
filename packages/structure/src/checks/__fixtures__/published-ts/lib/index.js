export { add } from './add.js';
