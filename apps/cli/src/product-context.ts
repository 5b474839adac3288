import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule, QueryBus } from '@nestjs/cqrs';
import { productModules, type Infrastructure } from '@sla/composition';
import { StoresModule, systemClock, type Clock } from '@sla/nest-platform';

/**
 * Runs `work` with the product's feature modules composed as the API composes them (the same module list, no HTTP,
 * no drafting timer). The stores are the live ones, or those of read models as known at a past instant (with a clock
 * standing then).
 */
export async function withProductContext<T>(
  stores: Pick<Infrastructure, 'configuration' | 'eventStore' | 'readStore'> & { clock?: Clock },
  work: (context: INestApplicationContext) => Promise<T>,
): Promise<T> {
  @Module({
    imports: [
      CqrsModule.forRoot(),
      StoresModule.register({
        eventStore: stores.eventStore,
        readStore: stores.readStore,
        clock: stores.clock ?? systemClock,
      }),
      ...productModules(stores.configuration, { reportDraftIntervalMilliseconds: 0 }),
    ],
  })
  class ProductContextModule {}
  const context = await NestFactory.createApplicationContext(ProductContextModule, { logger: false });
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

/** Runs `work` with the query bus of the product's modules (see withProductContext). */
export const withQueryBus = <T>(
  stores: Parameters<typeof withProductContext>[0],
  work: (queries: QueryBus) => Promise<T>,
): Promise<T> => withProductContext(stores, (context) => work(context.get(QueryBus)));
