import { FormDefinition } from '../definition';
import { pc1Infrastructure, pc1Production, pc1Revised, pc1Social } from './pc1';
import { pc2 } from './pc2';
import { pc3a, pc3b } from './pc3';
import { pc4 } from './pc4';
import { pc5 } from './pc5';

/**
 * The base catalogue: the Planning Commission's proformae as shipped with this release. A new
 * base version of a form is added beside the old one (never edited in place): provinces keep
 * their published versions until their admins re-apply their overlays and publish.
 */
export const BASE_CATALOGUE: readonly FormDefinition[] = [pc1Infrastructure, pc1Production, pc1Social, pc1Revised, pc2, pc3a, pc3b, pc4, pc5];
