import { FormDefinition } from '../definition';
import {
  pc1Infrastructure,
  pc1Infrastructure2005,
  pc1Production,
  pc1Production2005,
  pc1Revised,
  pc1Social,
  pc1Social2005,
} from './pc1';
import { pc2 } from './pc2';
import { pc3a, pc3b } from './pc3';
import { pc4 } from './pc4';
import { pc5 } from './pc5';
import pc1InfrastructureV100 from './released/pc1-infrastructure-1.0.0.json';
import pc1ProductionV100 from './released/pc1-production-1.0.0.json';
import pc1RevisedV100 from './released/pc1-revised-1.0.0.json';
import pc1SocialV100 from './released/pc1-social-1.0.0.json';
import pc3aV100 from './released/pc3a-1.0.0.json';

/**
 * Base versions already released and frozen (provinces have published versions and overlays on
 * them), each kept beside its newer base version. They are data, stored as JSON exactly as
 * released (never edit them: test/forms/catalogue.spec.ts checks their content hashes); the
 * catalogue checks every definition against the meta-schema at start-up, which is what types them.
 */
const released = (definition: unknown) => definition as FormDefinition;

export const RELEASED_BASE_VERSIONS: readonly FormDefinition[] = [
  pc1InfrastructureV100,
  pc1ProductionV100,
  pc1SocialV100,
  pc1RevisedV100,
  pc3aV100,
].map(released);

/**
 * The base catalogue: the Planning Commission's proformae as shipped with this release. A new
 * base version of a form is added beside the old one (never edited in place): provinces keep
 * their published versions until their admins re-apply their overlays and publish. Editions of
 * a proforma are separate keys (editions.ts names them). Newest base versions come first, so a
 * lookup by key (`find`) meets the newest; the released ones follow.
 */
export const BASE_CATALOGUE: readonly FormDefinition[] = [
  pc1Infrastructure,
  pc1Production,
  pc1Social,
  pc1Revised,
  pc2,
  pc3a,
  pc3b,
  pc4,
  pc5,
  pc1Infrastructure2005,
  pc1Production2005,
  pc1Social2005,
  ...RELEASED_BASE_VERSIONS,
];
