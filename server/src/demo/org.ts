// The demo organisation in memory: the bureau, its departments, its people and their roles.
import type { TRole } from '@zhoubao/contracts';
import type { Topic } from './corpus';
import { CITIES, departmentKind, LEADERSHIP, personName, STAFF_TITLES, Usernames } from './names';
import { type IdSource, Rng } from './prng';

/** A department of the demo organisation. */
export interface DemoDepartment {
  id: string;
  name: string;
  parentId: string | null;
  sortOrder: number;
  topics: readonly (readonly [Topic, number])[];
}

/** How a person tends to behave week after week. */
export interface Traits {
  /** Chance of submitting after the deadline. */
  lateRate: number;
  /** Chance of never submitting a week's report. */
  missRate: number;
  /** Copies much of last week's report now and then. */
  copier: boolean;
  /** Usual number of work items. */
  verbosity: number;
}

/** A person of the demo organisation. */
export interface DemoPerson {
  index: number;
  id: string;
  username: string;
  displayName: string;
  department: DemoDepartment;
  title: string;
  roles: TRole[];
  supervises: string[];
  sortOrder: number;
  createdAtMs: number;
  traits: Traits;
}

/** Example accounts printed by the demo and returned by the generator. */
export interface SignIns {
  admin: string;
  head: string;
  leader: string;
  member: string;
  assessor: string;
  auditor: string;
}

/** The whole organisation, departments and members in display order. */
export interface DemoOrg {
  orgName: string;
  root: DemoDepartment;
  /** Every department with members: the leadership group first, then the working departments. */
  departments: DemoDepartment[];
  people: DemoPerson[];
  members: Map<string, DemoPerson[]>;
  heads: Map<string, DemoPerson>;
  /** The leaders supervising each department. */
  leaders: Map<string, DemoPerson[]>;
  signIns: SignIns;
}

/** The sizes and seed the organisation is built from. */
export interface OrgOptions {
  seed: number;
  departments: number;
  peoplePerDepartment: number;
  /** When the organisation was set up (every person exists from then on), in milliseconds. */
  createdAtMs: number;
  ids: IdSource;
}

function traits(rng: Rng, head: boolean): Traits {
  const procrastinator = rng.chance(0.15);
  const careless = rng.chance(0.1);
  return {
    lateRate: procrastinator ? 0.2 : 0.04,
    missRate: head ? 0.005 : careless ? 0.08 : 0.015,
    copier: rng.chance(0.06),
    verbosity: rng.weighted([
      [2, 3],
      [3, 4],
      [4, 2],
      [5, 1],
    ]),
  };
}

/** Gives an extra role to the first suitable person: a non-head of a preferred department, else anyone free. */
function grant(org: DemoOrg, role: TRole, preferred: readonly string[], taken: Set<DemoPerson>): DemoPerson {
  const working = org.departments.slice(1);
  const ordered = [...preferred.flatMap((n) => working.filter((d) => d.name === n)), ...working];
  const candidates = ordered.flatMap((d) => org.members.get(d.id) ?? []);
  const person =
    candidates.find((p) => !taken.has(p) && !p.roles.includes('head')) ??
    candidates.find((p) => !taken.has(p)) ??
    (candidates[0] as DemoPerson);
  taken.add(person);
  if (!person.roles.includes(role)) person.roles.push(role);
  return person;
}

/** Builds the organisation: the bureau, a leadership group, the working departments and their people. */
export function buildOrg(o: OrgOptions): DemoOrg {
  const rng = Rng.of(o.seed, 'org');
  const orgName = `${rng.pick(CITIES)}市税务局`;
  const dept = (name: string, parentId: string | null, sortOrder: number, topics: DemoDepartment['topics']) => ({
    id: o.ids.at(o.createdAtMs),
    name,
    parentId,
    sortOrder,
    topics,
  });
  const root = dept(orgName, null, 0, [['leadership', 1]]);
  const leadership = dept(LEADERSHIP.name, root.id, 0, [['leadership', 1]]);
  const working = Array.from({ length: o.departments }, (_, i) => {
    const kind = departmentKind(i);
    return dept(kind.name, root.id, (i + 1) * 10, kind.topics);
  });
  const org: DemoOrg = {
    orgName,
    root,
    departments: [leadership, ...working],
    people: [],
    members: new Map(),
    heads: new Map(),
    leaders: new Map(),
    signIns: { admin: '', head: '', leader: '', member: '', assessor: '', auditor: '' },
  };
  const usernames = new Usernames();
  const addPerson = (department: DemoDepartment, title: string, roles: TRole[], head: boolean) => {
    const index = org.people.length;
    const prng = Rng.of(o.seed, 'person', index);
    const name = personName(prng);
    const list = org.members.get(department.id) ?? [];
    const person: DemoPerson = {
      index,
      id: o.ids.at(o.createdAtMs + index * 1000),
      username: usernames.next(name.pinyin),
      displayName: name.displayName,
      department,
      title,
      roles,
      supervises: [],
      sortOrder: list.length + 1,
      createdAtMs: o.createdAtMs + index * 1000,
      traits: traits(prng, head),
    };
    list.push(person);
    org.members.set(department.id, list);
    org.people.push(person);
    if (head) org.heads.set(department.id, person);
    return person;
  };

  // Two leaders for a small bureau, three otherwise; each supervises a contiguous share of departments.
  const leaderCount = o.departments <= 4 ? 2 : 3;
  const leaders = Array.from({ length: leaderCount }, (_, i) =>
    addPerson(leadership, LEADERSHIP.titles[i] as string, i === 0 ? ['head', 'leader'] : ['leader'], i === 0),
  );
  working.forEach((d, i) => {
    const leader = leaders[Math.floor((i * leaderCount) / Math.max(1, working.length))] as DemoPerson;
    leader.supervises.push(d.id);
    org.leaders.set(d.id, [leader]);
  });
  working.forEach((d, i) => {
    const kind = departmentKind(i);
    for (let p = 0; p < o.peoplePerDepartment; p++) {
      const deputy = kind.headTitle === '主任' ? '副主任' : kind.headTitle === '局长' ? '副局长' : '副科长';
      const title =
        p === 0 ? kind.headTitle : p === 1 && o.peoplePerDepartment >= 4 ? deputy : (rng.pick(STAFF_TITLES) as string);
      addPerson(d, title, p === 0 ? ['head'] : [], p === 0);
    }
  });

  const taken = new Set<DemoPerson>(leaders);
  const admin = grant(org, 'admin', ['信息中心'], taken);
  admin.username = 'admin';
  const assessor = grant(org, 'assessor', ['考核考评科', '人事科'], taken);
  const auditor = grant(org, 'auditor', ['督察内审科', '机关党委', '办公室'], taken);
  const showcase = working.find((d) => d.name === '纳税服务科') ?? (working[0] as DemoDepartment);
  const showcaseMembers = org.members.get(showcase.id) ?? [];
  const plain = showcaseMembers.filter((p) => p.roles.length === 0);
  const member =
    plain.find((p) => (STAFF_TITLES as readonly string[]).includes(p.title)) ??
    plain[0] ??
    (showcaseMembers.at(-1) as DemoPerson);
  const leader = leaders.find((l) => l.supervises.includes(showcase.id)) ?? (leaders[0] as DemoPerson);
  org.signIns = {
    admin: admin.username,
    head: (org.heads.get(showcase.id) as DemoPerson).username,
    leader: leader.username,
    member: member.username,
    assessor: assessor.username,
    auditor: auditor.username,
  };
  return org;
}
