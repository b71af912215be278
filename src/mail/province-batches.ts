import { TenantRecord } from '../tenancy/tenant-context';

interface Waiting<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (error: Error) => void;
}

interface Group<I, O> {
  tenant: TenantRecord;
  waiting: Waiting<I, O>[];
}

/**
 * Group commit for one kind of small write per province: calls made while a batch is running
 * wait for the next one, which takes them all in one transaction. Each caller still waits for
 * its own item's commit, so nothing is acknowledged before it is durable; under load the
 * round trips per item fall, at no cost in latency when idle (a lone item runs at once).
 */
export class ProvinceBatches<I, O> {
  private readonly groups = new Map<string, Group<I, O>>();

  constructor(private readonly flush: (tenant: TenantRecord, items: I[]) => Promise<O[]>) {}

  run(tenant: TenantRecord, item: I): Promise<O> {
    let group = this.groups.get(tenant.id);
    const start = !group;
    if (!group) {
      group = { tenant, waiting: [] };
      this.groups.set(tenant.id, group);
    }
    const promise = new Promise<O>((resolve, reject) => group.waiting.push({ item, resolve, reject }));
    if (start) void this.drain(group);
    return promise;
  }

  private async drain(group: Group<I, O>): Promise<void> {
    while (group.waiting.length) {
      const batch = group.waiting.splice(0);
      try {
        const results = await this.flush(
          group.tenant,
          batch.map((w) => w.item),
        );
        batch.forEach((w, i) => w.resolve(results[i]));
      } catch (error) {
        for (const w of batch) w.reject(error as Error);
      }
    }
    this.groups.delete(group.tenant.id);
  }
}
