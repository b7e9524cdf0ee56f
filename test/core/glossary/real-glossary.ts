import { fileURLToPath } from 'node:url';
import { loadGlossary } from '../../../core/glossary/load.ts';
import { createGlossaryIndex } from '../../../core/glossary/lookup.ts';

export const GLOSSARY_DIR = fileURLToPath(new URL('../../../assets/glossary', import.meta.url));

export const realGlossary = loadGlossary(GLOSSARY_DIR);
export const realIndex = createGlossaryIndex(realGlossary);
