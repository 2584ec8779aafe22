/*
 * How long SpreadPicture takes per spread: npx ts-node -r tsconfig-paths/register bench/picture.ts [renders]
 * Prints the median and slowest wall-clock time of N renders (default 20, after two warm-up renders) and the
 * median CPU time, which other processes on a busy machine do not inflate. It times the synchronous render()
 * (one thread); the bot uses renderAsync(), the same work on libuv's thread pool.
 */
import { sampleRequest } from 'src/readings/picture/picture.fixtures';
import { BUILT_IN_LAYOUTS } from 'src/readings/picture/spread-layouts';
import { SpreadPicture } from 'src/readings/picture/spread-picture';
import { SPREAD_TEXTS_EN } from 'src/readings/spreads/spread-texts.en';

const renders = Number(process.argv[2] ?? 20);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const started = performance.now();
const sut = new SpreadPicture();
console.log(`fonts loaded in ${(performance.now() - started).toFixed(1)} ms; ${renders} renders per spread`);
console.log('spread             cards  size        wall median    max   cpu median');
for (const { key } of BUILT_IN_LAYOUTS.filter((layout) => SPREAD_TEXTS_EN[layout.key])) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let size = '';
  for (let i = 0; i < renders + 2; i += 1) {
    const request = sampleRequest(key, i);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const png = sut.render(request);
    const elapsed = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    if (i < 2) continue;
    wall.push(elapsed);
    cpu.push((used.user + used.system) / 1000);
    size = `${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`;
  }
  const cards = sampleRequest(key).cards.length;
  console.log(
    [
      key.padEnd(18),
      String(cards).padStart(5),
      ` ${size.padEnd(10)}`,
      median(wall).toFixed(1).padStart(12),
      Math.max(...wall).toFixed(1).padStart(6),
      median(cpu).toFixed(1).padStart(12),
    ].join(' '),
  );
}
