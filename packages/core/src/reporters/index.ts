export { renderTerminal, type TerminalOptions } from './terminal';
export { renderJson } from './json';
export { renderSarif } from './sarif';
export { renderMarkdown } from './markdown';
