import { parseJson, ShipshapeError, type FindingInput, type ShipshapeProject } from '@shipshape/core';

/**
 * Floors of measured figures (type coverage, type completeness, documented ratio) that only ratchet up, kept
 * per project in a committed file. The audit fails when a figure falls below its floor; the fixing
 * generators raise a floor to the figure they measure, never lower it.
 */
export const FLOORS_FILE = 'api/floors.json';

/** A floor's name in the file, e.g. "typescript/type-coverage", "python/type-completeness", "docs/documented". */
export type FloorName = string;

/** The floors of a project; {} when the file does not exist. A file that is not an object of numbers is refused. */
export function readFloors(project: ShipshapeProject): Record<FloorName, number> {
  const path = project.file(FLOORS_FILE);
  const text = project.workspace.source.read(path);
  return text === undefined ? {} : floorsOf(text, path);
}

export function floorsOf(text: string, path: string): Record<FloorName, number> {
  const data = parseJson<unknown>(text, path);
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ShipshapeError(`${path}: must be an object of floors (name: percent)`);
  for (const [name, value] of Object.entries(data)) {
    if (typeof value !== 'number' || !(value >= 0 && value <= 100))
      throw new ShipshapeError(`${path}: floor "${name}" must be a percentage between 0 and 100`);
  }
  return data as Record<FloorName, number>;
}

/** A figure rounded down to one decimal: what a floor stores (a floor never sits above what was measured). */
export function floorOf(figure: number): number {
  return Math.floor(figure * 10) / 10;
}

/**
 * The finding of a figure against its floor: an error when it fell below (the guard), an info finding when it
 * rose a whole point above it (the floor can be raised), none otherwise.
 */
export function floorFinding(
  project: ShipshapeProject,
  name: FloorName,
  figure: number,
  what: string,
  raiseWith: string,
): FindingInput | undefined {
  const floor = readFloors(project)[name];
  const shown = `${floorOf(figure)} %`;
  if (floor !== undefined && figure < floor)
    return {
      message: `${what} fell to ${shown}, below its floor of ${floor} % in ${FLOORS_FILE}`,
      file: project.file(FLOORS_FILE),
      line: 1,
      severity: 'error',
      key: `floor:${name}`,
    };
  if (floor === undefined || figure >= floor + 1)
    return {
      message:
        floor === undefined
          ? `${what} is ${shown} and has no floor yet: ${raiseWith} records it in ${FLOORS_FILE} so that it can only go up`
          : `${what} rose to ${shown}, above its floor of ${floor} %: ${raiseWith} raises the floor`,
      file: project.file(floor === undefined ? '.' : FLOORS_FILE),
      // reports and SARIF locate a finding by a line from 1
      line: 1,
      severity: 'info',
      key: `floor:${name}`,
    };
  return undefined;
}

/**
 * The new text of the floors file with `name` raised to `figure` (never lowered), keeping the file's other
 * entries; undefined when nothing changes.
 */
export function raisedFloors(current: string | undefined, path: string, name: FloorName, figure: number): string | undefined {
  const floors = current === undefined ? {} : floorsOf(current, path);
  const next = floorOf(figure);
  if (floors[name] !== undefined && floors[name] >= next) return undefined;
  const sorted = Object.fromEntries(Object.entries({ ...floors, [name]: next }).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
