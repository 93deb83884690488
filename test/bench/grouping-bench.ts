// Benchmark of forming project groups from the intake: 1,000 students (STUDENTS to vary), both modes, with and without fixed partners; prints the median and worst time.
// Run: npx tsx test/bench/grouping-bench.ts
import { performance } from 'node:perf_hooks';
import { formGroups } from '../../server/domain/groups/index';
import type { GroupingInput, GroupingStudent } from '../../server/domain/groups/index';

const STUDENTS = Number(process.env.STUDENTS ?? 1000);
const ROUNDS = 7;
const OUTCOMES = ['lo-plan', 'lo-market', 'lo-finance', 'lo-pitch', 'lo-reflect'];

/** A deterministic pseudo-random class: about a third of the students is a peer on each outcome. */
function classOf(n: number): GroupingStudent[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, (_, i) => ({ id: `student-${i}`, peerOn: OUTCOMES.filter(() => next() < 0.33), score: next() }));
}

function time(input: GroupingInput): { median: number; worst: number; groups: number; missing: number } {
  const runs: number[] = [];
  let result = formGroups(input);
  for (let i = 0; i < ROUNDS; i += 1) {
    const start = performance.now();
    result = formGroups(input);
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  return { median: runs[Math.floor(ROUNDS / 2)] ?? 0, worst: runs[ROUNDS - 1] ?? 0, groups: result.groups.length, missing: result.missingPeers.length };
}

const students = classOf(STUDENTS);
const pairs = Array.from({ length: Math.floor(STUDENTS / 10) }, (_, i) => [`student-${i * 10}`, `student-${i * 10 + 1}`]);
const cases: [string, GroupingInput][] = [
  ['mixed, groups of 4', { students, outcomeIds: OUTCOMES, mode: 'mixed', target: { size: 4 } }],
  ['mixed, groups of 4, 100 fixed pairs', { students, outcomeIds: OUTCOMES, mode: 'mixed', target: { size: 4 }, fixedPartners: pairs }],
  ['mixed, 50 groups', { students, outcomeIds: OUTCOMES, mode: 'mixed', target: { count: 50 } }],
  ['similar, groups of 4', { students, outcomeIds: OUTCOMES, mode: 'similar', target: { size: 4 } }],
  ['similar, groups of 5, 100 fixed pairs', { students, outcomeIds: OUTCOMES, mode: 'similar', target: { size: 5 }, fixedPartners: pairs }],
];
console.log(`forming groups for ${STUDENTS} students, ${OUTCOMES.length} outcomes (${ROUNDS} rounds after a warm-up)`);
for (const [name, input] of cases) {
  const { median, worst, groups, missing } = time(input);
  console.log(`${name.padEnd(40)} median ${median.toFixed(1)} ms  worst ${worst.toFixed(1)} ms  ${groups} groups, ${missing} (group, outcome) without a peer`);
}
