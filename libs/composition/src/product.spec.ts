import { reactorCheckpointName } from '@sla/projection-runtime';
import { productEventCatalog, productProjections, productReactors } from './product';

describe('the product list', () => {
  it('registers the review follow-ups reactor beside the projections', () => {
    expect(productReactors.map((reactor) => reactor.name)).toContain('review-follow-ups');
  });

  it('triggers each reactor only on event types the product writes', () => {
    const catalog = productEventCatalog();
    for (const reactor of productReactors) {
      expect(reactor.handles.filter((type) => !catalog.has(type))).toEqual([]);
    }
  });

  it('keeps reactor checkpoints apart from projection checkpoints', () => {
    const projectionNames = new Set(productProjections.map((projection) => projection.name));
    const checkpoints = productReactors.map(reactorCheckpointName);
    expect(checkpoints.filter((name) => projectionNames.has(name))).toEqual([]);
    expect(new Set(checkpoints).size).toBe(productReactors.length);
  });
});
