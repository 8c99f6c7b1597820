/**
 * The one typed list of queues and jobs. Producers and the worker both read
 * it; the worker refuses to start unless every job here has a handler.
 * Payloads carry ids only: the worker reloads state from PostgreSQL.
 */
export enum QueueName {
  Imports = 'imports',
}

export enum JobName {
  PracticesImport = 'practices.import',
}

export interface JobPayloads {
  [JobName.PracticesImport]: { requestedBy: string | null };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.PracticesImport]: QueueName.Imports,
};

export type JobItem = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];

export function queueOf(name: JobName): QueueName {
  return JOB_QUEUE[name];
}

export function jobsOf(queue: QueueName): JobName[] {
  return (Object.keys(JOB_QUEUE) as JobName[]).filter((j) => JOB_QUEUE[j] === queue);
}
