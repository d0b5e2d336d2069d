import type { ResourceDefinition } from '../shared/operation';
import { consumer } from './consumer';
import { masterData } from './masterdata';
import { member } from './member';
import { order } from './order';
import { points } from './points';

/** Every resource of the node; the first is the default (as in the vendor's node). */
export const resources: ResourceDefinition[] = [member, consumer, order, points, masterData];
