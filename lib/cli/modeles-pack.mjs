#!/usr/bin/env node
// `npx modeles-pack …` from this repository: runs the TypeScript tool through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./pack.ts');
