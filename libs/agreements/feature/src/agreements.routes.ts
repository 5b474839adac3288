import { lifecycleRoutes } from './agreement-lifecycle/agreement-lifecycle.routes';
import { agreementQueryRoutes } from './get-agreement/get-agreement.routes';
import { negotiationRoutes } from './negotiate-agreement/negotiate-agreement.routes';

/** Every agreement route, in the order of the OpenAPI document. */
export const agreementRoutes = [...negotiationRoutes, ...lifecycleRoutes, ...agreementQueryRoutes];
