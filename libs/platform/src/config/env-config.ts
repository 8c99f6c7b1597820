import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export class ConfigError extends Error {}

/**
 * The one way a process reads configuration: the listed variables of `env`
 * (empty counts as unset), class defaults for the rest, validated by the
 * class's decorators. The first problem becomes a ConfigError of one line
 * naming the variable.
 */
export function readEnvConfig<T extends object>(cls: new () => T, keys: readonly (keyof T & string)[], env: NodeJS.ProcessEnv): T {
  const relevant: Record<string, string | undefined> = Object.fromEntries(
    keys.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]),
  );
  const config = plainToInstance(cls, relevant, { exposeDefaultValues: true });
  const [first] = validateSync(config, { skipMissingProperties: false });
  if (first) {
    const reason = Object.values(first.constraints ?? {})[0] ?? `${first.property} is invalid`;
    const missing = relevant[first.property] === undefined;
    throw new ConfigError(
      missing ? `Invalid configuration: ${first.property} is required (${reason})` : `Invalid configuration: ${reason}`,
    );
  }
  return config;
}

type FeatureLoader = (env: NodeJS.ProcessEnv) => unknown;
const features: FeatureLoader[] = [];

/**
 * A feature lib's own settings (e.g. reporting's cycle cadence), read like
 * AppConfig. Defining one registers it, so `loadConfig` at process start
 * validates it with the rest and a bad value stops the process there (exit 78)
 * rather than when the feature's module is first built.
 */
export function defineFeatureConfig<T extends object>(cls: new () => T, keys: readonly (keyof T & string)[]): (env?: NodeJS.ProcessEnv) => T {
  const load = (env: NodeJS.ProcessEnv = process.env) => readEnvConfig(cls, keys, env);
  features.push(load);
  return load;
}

export function validateFeatureConfigs(env: NodeJS.ProcessEnv): void {
  for (const load of features) load(env);
}
