// Circulair vragen (Bijlage F, werkvorm 3, seed 000). The source introduces them with
// "Bijvoorbeeld:" — they are examples, so rounds may edit them; these are the defaults.
// Texts verbatim without the trailing list comma.

import type { CirculairQuestion } from './types.js';

export const CIRCULAIR_QUESTIONS: CirculairQuestion[] = [
  { id: 'CV-1', text: 'de 3 belangrijkste kenmerken van de groep', personLevel: false },
  { id: 'CV-2', text: "de 3 grootste risico's en zorgen", personLevel: false },
  { id: 'CV-3', text: "de 3 meest kansrijke verbindingen op het 'gewone' leven", personLevel: false },
  // Spil- and sleutelfiguren are persons: answered by role while names are not allowed (R-F-1, R-1-1, R-2A-1).
  { id: 'CV-4', text: 'de belangrijkste spilfiguren in de groep', personLevel: true },
  { id: 'CV-5', text: 'de belangrijkste sleutelfiguren buiten de groep', personLevel: true },
];
