import type { Check } from '@shipshape/core';
import brokenAnchors from './checks/broken-anchors';
import brokenLinks from './checks/broken-links';
import diataxisKinds from './checks/diataxis-kinds';
import notInNav from './checks/not-in-nav';
import staleDiagram from './checks/stale-diagram';
import stubPages from './checks/stub-pages';

/** The checks of this area; src/checks.ts lists every area's. */
export const checks: readonly Check[] = [diataxisKinds, stubPages, brokenLinks, brokenAnchors, notInNav, staleDiagram];
