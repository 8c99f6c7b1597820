import { ConfigError, loadConfig, AppConfig } from './app-config';

/** For process entry points: print the one-line reason and stop with exit code 78 (EX_CONFIG). */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
}
