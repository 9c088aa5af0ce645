/**
 * Split the text of a shell code block into its commands: lines continued with a trailing `\`
 * are joined, blank lines and `#` comments are dropped.
 */
export function splitShellCommands(block: string): string[] {
  const commands: string[] = [];
  let current = '';
  for (const rawLine of block.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trimEnd();
    if (current === '' && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1).trim()} `;
      continue;
    }
    current += line.trim();
    if (current.trim() !== '') commands.push(current.trim());
    current = '';
  }
  if (current.trim() !== '') commands.push(current.trim());
  return commands;
}

/**
 * The arguments of one command line, split the way a POSIX shell would for plain words,
 * single quotes, double quotes and backslash escapes (no expansion, no operators).
 * Throws on an unterminated quote.
 */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i]!;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else word += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && i + 1 < command.length && '"\\$`'.includes(command[i + 1]!))
        word += command[++i]!;
      else word += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < command.length) {
      word += command[++i]!;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unterminated ${quote} quote in: ${command}`);
  if (inWord) words.push(word);
  return words;
}

/** The `aws` operation of a command (`s3api copy-object`), or null when it is not an `aws` command. */
export function awsOperation(command: string): string | null {
  const words = command.trim().split(/\s+/);
  if (words[0] !== 'aws' || words.length < 3) return null;
  const [service, operation] = words.slice(1, 3);
  if (!service || !operation || service.startsWith('-') || operation.startsWith('-')) return null;
  return `${service} ${operation}`;
}
