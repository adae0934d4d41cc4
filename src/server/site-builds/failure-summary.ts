/**
 * Why a build failed, in one line for the log's headline and /healthz: the error the build printed and
 * its explanation (Astro's `[SomeError] …` block up to its hint, the content checks' `内容文件有 N 处错误` block, or an
 * `[ERROR]` line), else the last thing the build said, kept short; the whole output goes to the log.
 * `withoutPaths` makes any such line fit for /healthz, which names no folder of the machine.
 */
const ERROR_START = /^\s*(?:\[[A-Za-z]*Error\]|\[ERROR\]|error\b|Error:)|错误|有误/;
const ERROR_END = /^\s*(?:Hint:|Error reference:|Location:|Stack trace:|at\s)/;
const GENERIC = /^构建失败：/;
const MAX_LENGTH = 400;

export function failureSummary(output: readonly string[]): string {
  const start = output.findIndex((line) => ERROR_START.test(line));
  let lines: string[];
  if (start >= 0) {
    const end = output.findIndex((line, i) => i > start && (ERROR_END.test(line) || GENERIC.test(line)));
    lines = output.slice(start, end < 0 ? undefined : end);
  } else {
    const last = output.findLast((line) => !GENERIC.test(line));
    lines = last ? [last] : [];
  }
  const text = lines.join(' ').replace(/\s+/g, ' ').trim();
  if (!text) return '构建没有给出原因（详见服务器日志）';
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

/** Characters that end a path in a message: white space, quotes, brackets and Chinese punctuation. */
const PATH = /(?<![\w.:/])(?:file:\/\/)?\/[^\s'"`()（）：；，。、「」]+/g;

/**
 * `text` with the folders of this machine taken out: a path under one of `dirs` (the project, the content
 * folder) is written relative to it (`content/tasks/x.md` stays readable), any other absolute path as `…`.
 */
export function withoutPaths(text: string, dirs: readonly string[]): string {
  let out = text;
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
    const base = dir.replace(/\/+$/, '');
    out = out.replaceAll(`file://${base}/`, '').replaceAll(`${base}/`, '');
  }
  return out.replace(PATH, '…');
}
