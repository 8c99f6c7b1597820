/**
 * Reads a password: at a terminal without echoing it (asked twice), else the
 * first line piped on stdin, so `printf '%s\n' "$PW" | npm run …` works too.
 */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return (await readAll()).split(/\r?\n/)[0] ?? '';
  const first = await readHidden(prompt);
  const second = await readHidden('Repeat it: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}

function readAll(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (data += chunk));
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    let value = '';
    const finish = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n') return finish();
        if (c === '\u0003' || c === '\u0004') return finish(new Error('cancelled'));
        value = c === '\u007f' || c === '\b' ? value.slice(0, -1) : value + c;
      }
    };
    process.stdout.write(prompt);
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
