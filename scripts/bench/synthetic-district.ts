/**
 * Writes a synthetic district (units, ledgers, categories, settings, assessments and `taskCount`
 * task files with milestones and updates) for the build benchmark. Deterministic: same count, same files.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const DAY = 86_400_000;
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * DAY).toISOString().slice(0, 10);

function prng(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

const WORDS = ['道路', '管网', '学校', '医院', '公园', '电梯', '养老', '供水', '排水', '园区', '厂房', '农田', '河道', '社区', '书房', '站台'];
const ACTIONS = ['新建', '改造', '提升', '整治', '扩建', '治理'];

export async function writeSyntheticDistrict(dir: string, taskCount: number): Promise<void> {
  const rnd = prng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  await rm(dir, { recursive: true, force: true });
  for (const folder of ['settings', 'units', 'ledgers', 'categories', 'assessments', 'tasks']) await mkdir(join(dir, folder), { recursive: true });

  await writeFile(
    join(dir, 'settings', 'site.yml'),
    'siteName: 基准测试区督办公开\ndistrict: 基准测试区\nsponsor: 基准测试（虚构）\ndemoNotice: 合成数据，仅用于构建性能测试。\n',
  );
  const unitCount = Math.max(25, Math.round(taskCount / 50));
  const units = Array.from({ length: unitCount }, (_, i) => `unit-${i + 1}`);
  await Promise.all(
    units.map((id, i) =>
      writeFile(
        join(dir, 'units', `${id}.yml`),
        `name: 基准测试第${i + 1}单位\nshortName: 第${i + 1}单位\nkind: ${pick(['department', 'town', 'park'])}\norder: ${i}\n`,
      ),
    ),
  );
  const ledgers = ['l1', 'l2', 'l3', 'l4'];
  await Promise.all(ledgers.map((id, i) => writeFile(join(dir, 'ledgers', `${id}.yml`), `name: 第${i + 1}台账\ndescription: 合成台账。\norder: ${i}\n`)));
  const categories = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
  await Promise.all(categories.map((id, i) => writeFile(join(dir, 'categories', `${id}.yml`), `name: 第${i + 1}类\norder: ${i}\n`)));
  for (let m = 1; m <= 10; m++) {
    const month = `2026-${String(m).padStart(2, '0')}`;
    const marks = units.map((u) => `  - unit: ${u}\n    quality: ${75 + Math.round(rnd() * 24)}\n`).join('');
    await writeFile(join(dir, 'assessments', `${month}.yml`), `month: ${month}\nassessor: 合成评定组\ndate: ${month}-28\nmarks:\n${marks}`);
  }

  const files: [string, string][] = [];
  const parents = Math.ceil(taskCount / 5);
  for (let p = 1; files.length < taskCount; p++) {
    const code = `BM-2026-${String(p).padStart(5, '0')}`;
    const children = p <= parents ? 4 : 0;
    files.push([code, task(code, undefined)]);
    for (let c = 1; c <= children && files.length < taskCount; c++) files.push([`${code}-${String(c).padStart(2, '0')}`, task(`${code}-${c}`, code)]);
  }
  function task(code: string, parent: string | undefined): string {
    const start = Math.floor(rnd() * 120);
    const deadline = start + 120 + Math.floor(rnd() * 300);
    const title = `${pick(WORDS)}${pick(ACTIONS)}工程 ${code}`;
    const milestones = [1, 2, 3, 4].map((k) => {
      const due = start + Math.floor(((deadline - start) * k) / 5);
      const done = due < 326 && rnd() < 0.8 ? `\n    done: ${day(due + Math.floor(rnd() * 10) - 5)}` : '';
      return `  - name: 第${k}阶段\n    due: ${day(due)}${done}`;
    });
    const updates: string[] = [];
    if (!parent) updates.push(`  - date: ${day(start + 10)}\n    text: 召开专题调度会。`);
    else
      for (let d = start + 20, k = 0; d < 326; d += 30, k++)
        updates.push(`  - date: ${day(d)}\n    progress: ${Math.min(100, k * 12)}\n    text: 第${k + 1}次推进，完成${pick(WORDS)}相关工作。`);
    return [
      '---',
      `title: ${title}`,
      `ledger: ${pick(ledgers)}`,
      `category: ${pick(categories)}`,
      ...(parent ? [`parent: ${parent}`] : []),
      'leadLeader:\n  name: 张三\n  title: 副区长',
      `leadUnit: ${pick(units)}`,
      `responsibleUnits: [${pick(units)}]`,
      `supportingUnits: [${pick(units)}, ${pick(units)}]`.replace(/, (unit-\d+)\]$/, (m, u) => (m.includes(`${u},`) ? ']' : m)),
      `goal: 按期完成${title}。`,
      `start: ${day(start)}`,
      `deadline: ${day(deadline)}`,
      `cadence: ${pick(['weekly', 'monthly'])}`,
      `milestones:\n${milestones.join('\n')}`,
      updates.length ? `updates:\n${updates.join('\n')}` : 'updates: []',
      '---',
      '',
      `${title}的工作说明：按照任务书、路线图、时间表推进，定期报送推进动态。`,
      '',
    ].join('\n');
  }
  for (let i = 0; i < files.length; i += 500) {
    await Promise.all(files.slice(i, i + 500).map(([code, text]) => writeFile(join(dir, 'tasks', `${code}.md`), text)));
  }
}
