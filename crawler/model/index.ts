export * from './tool.ts';
export * from './classification.ts';
