// Worker-thread bootstrap: registers tsx (an --import flag does not reach a worker's entry module on
// Node 20), then runs the TypeScript writer.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
