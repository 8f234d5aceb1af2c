export { createRenderer } from './renderer';
export type { Layout, Renderer, RendererOptions, RenderMode, TranslationState } from './renderer';
export { removeLeftovers } from './leftovers';
export { directionOf } from './lang';
