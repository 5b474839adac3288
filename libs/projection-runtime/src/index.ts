export * from './projection';
export * from './projection-runner';
export * from './reactor';
export * from './reactor-runner';
export * from './row-runs';
export * from './scheduler';
