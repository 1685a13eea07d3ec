// page.mjs: page.js's entry. The edition comes first (edition.mjs): a reader who asked for
// another language goes there before anything of this one starts (main.mjs).
import { goToEdition } from './edition.mjs';

if (!goToEdition(window.LESSON_INLINE)) import('./main.mjs');
