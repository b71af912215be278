import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';

/**
 * Every BullMQ queue registered in this process (JobsModule and any module registering its own),
 * found once the container is built, so the metrics and the queue dashboard never miss a queue
 * added later.
 */
@Injectable()
export class AppQueues {
  private found?: Queue[];

  constructor(private readonly discovery: DiscoveryService) {}

  all(): Queue[] {
    if (!this.found) {
      const queues = new Map<string, Queue>();
      for (const wrapper of this.discovery.getProviders()) {
        const instance: unknown = wrapper.instance;
        if (instance instanceof Queue && !queues.has(instance.name)) queues.set(instance.name, instance);
      }
      this.found = [...queues.values()].sort((a, b) => a.name.localeCompare(b.name));
    }
    return this.found;
  }
}
